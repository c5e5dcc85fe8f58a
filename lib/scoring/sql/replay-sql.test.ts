import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf, type DatabaseHandle } from "@/db/client";
import { Random } from "@/db/seed/random";
import { createTestDatabase } from "@/db/test-database";
import { DEFAULT_MODEL } from "../default-model";
import type { ScoredEvent } from "../engagement";
import { explainScores } from "../explain";
import type { FitSubject } from "../fit";
import type { ScoringModelDefinition } from "../model-schema";
import { ALREADY_QUALIFIED_DAYS, replayContactsSql, type ReplayRow } from "./replay-sql";

/**
 * The replay must say, for every contact, what the reference code says when asked at every one of
 * the contact's event instants in the window: the highest engagement reached, and the first
 * instant the MQL rule held. Two models at once — the default and a stricter one with other
 * half-lives (one of a day, whose growth factors over the span only numeric can hold), a segment
 * override and no qualifying action — over events spread across a year.
 */

const FROM = new Date("2026-03-01T00:00:00.000Z");
const UNTIL = new Date("2026-09-01T00:00:00.000Z");
const DAY = 86_400_000;

const STRICT: ScoringModelDefinition = {
  ...DEFAULT_MODEL,
  halfLifeDays: 10,
  engagementRules: DEFAULT_MODEL.engagementRules.map((r, i) => ({ ...r, halfLifeDays: i % 3 === 0 ? 3 : i % 3 === 1 ? 1 : r.halfLifeDays, points: Math.min(r.cap, r.points * 2) })),
  thresholds: { ...DEFAULT_MODEL.thresholds, fit: 40, engagement: 55, segments: [{ value: "EMEA", fit: 30, engagement: 60 }], qualifyingActions: [] },
};

const TYPES = ["page_view", "email_open", "email_click", "form_submit", "demo_request", "webinar_attended", "unsubscribe", "meeting", "email_reply"];
const URLS = ["/pricing", "/docs", "/blog/x", "/Pricing?plan=team"];

type Person = { id: string; subject: FitSubject; events: ScoredEvent[] };
const people: Person[] = [];
let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createTestDatabase();
  const rng = new Random(1901);
  for (let i = 0; i < 60; i++) {
    const subject: FitSubject = {
      email: `replay${i}@company${i % 7}.test`,
      title: rng.pick(["VP Marketing", "Head of Growth", "Marketing Manager", "Intern", null]),
      seniority: rng.pick(["vp", "director", "manager", "individual_contributor", null]),
      jobFunction: rng.pick(["marketing", "sales", "engineering", null]),
      country: rng.pick(["US", "DE", "JP"]),
      region: rng.pick(["North America", "EMEA", "APAC"]),
      source: rng.pick(["organic", "paid_search", "webinar"]),
      account: { industry: rng.pick(["Software", "Healthcare", "Retail"]), employees: rng.int(5, 5000), annualRevenue: null, country: "US", region: "North America", technologies: [] },
    };
    const account = subject.account!;
    const [row] = rowsOf<{ id: string }>(
      await handle.db.execute(sql`
        with a as (insert into accounts (domain, name, industry, employees) values (${`replay${i}.test`}, ${`Replay ${i}`}, ${account.industry}, ${account.employees}) returning id)
        insert into contacts (email, title, seniority, job_function, country, region, source, account_id)
        values (${subject.email}, ${subject.title ?? null}, ${subject.seniority ?? null}, ${subject.jobFunction ?? null}, ${subject.country ?? null},
                ${subject.region ?? null}, ${subject.source ?? null}, (select id from a))
        returning id`),
    );
    const events: ScoredEvent[] = [];
    // Bursts of activity from before the window (they count as history) to its end.
    for (let burst = rng.int(0, 4); burst > 0; burst--) {
      const centre = FROM.getTime() - 120 * DAY + rng.uniform(0, 300) * DAY;
      for (let k = rng.int(1, 8); k > 0; k--) {
        const occurredAt = new Date(Math.round(centre + rng.uniform(0, 6) * DAY));
        const type = rng.pick(TYPES);
        events.push({ id: `${i}-${events.length}`, type, occurredAt, properties: type === "page_view" ? { url: rng.pick(URLS) } : {} });
      }
    }
    if (events.length) {
      await handle.db.execute(sql`
        insert into engagement_events (contact_id, type, occurred_at, source, external_id, properties)
        select ${row!.id}::uuid, e.type, e.occurred_at, 'test', e.id, e.properties
        from json_to_recordset(${JSON.stringify(events.map((e) => ({ ...e, occurred_at: e.occurredAt.toISOString() })))}::json)
          as e(id text, type text, occurred_at timestamptz, properties jsonb)`);
    }
    people.push({ id: row!.id, subject, events });
  }
});

afterAll(async () => {
  await handle.close();
});

/**
 * The reference: the model asked at each of the contact's event instants inside the window — and
 * in the days before it, where a qualification means the contact was in the funnel already.
 */
function referenceReplay(person: Person, model: ScoringModelDefinition) {
  const instants = person.events.map((e) => e.occurredAt).filter((t) => t >= FROM && t < UNTIL).sort((a, b) => a.getTime() - b.getTime());
  if (instants.length === 0) return null;
  const lookback = new Date(FROM.getTime() - ALREADY_QUALIFIED_DAYS * DAY);
  const already = person.events
    .filter((e) => e.occurredAt >= lookback && e.occurredAt < FROM)
    .some((e) => explainScores({ subject: person.subject, events: person.events, model, at: e.occurredAt }).decision.qualifies);
  let peak = -Infinity;
  let qualifiedAt: Date | null = null;
  let fit = 0;
  let thresholds = { fit: 0, engagement: 0 };
  for (const at of instants) {
    const x = explainScores({ subject: person.subject, events: person.events, model, at });
    fit = x.fit.score;
    thresholds = x.thresholds;
    peak = Math.max(peak, x.engagement.score);
    if (!qualifiedAt && x.decision.qualifies) qualifiedAt = at;
  }
  const readiness = Math.min(fit - thresholds.fit, peak - thresholds.engagement);
  const qualifiesInWindow = qualifiedAt !== null;
  return { fit, peak, already, qualifiedAt: already ? null : qualifiedAt, readiness: qualifiesInWindow ? Math.max(0, readiness) : readiness };
}

async function replay(from: string | null = null, to: string | null = null) {
  const rows = rowsOf<ReplayRow>(
    await handle.db.execute(replayContactsSql({ models: [{ key: "baseline", model: DEFAULT_MODEL }, { key: "draft", model: STRICT }], from: FROM, until: UNTIL, contactRange: { from, to } })),
  );
  return new Map(rows.map((r) => [r.contact_id, r]));
}

describe("replaying models over history in SQL", () => {
  it("finds each model's peak engagement and first qualification as the reference code does at every event", async () => {
    const rows = await replay();
    const seen = { qualifiedBaseline: 0, qualifiedDraft: 0, notQualified: 0, quiet: 0, already: 0 };
    for (const person of people) {
      const row = rows.get(person.id);
      for (const [key, model] of [["baseline", DEFAULT_MODEL], ["draft", STRICT]] as const) {
        const expected = referenceReplay(person, model);
        if (!expected) {
          expect(row, `${person.subject.email} has no events in the window`).toBeUndefined();
          seen.quiet++;
          continue;
        }
        const context = `${person.subject.email} under ${key}`;
        expect(Number(row![`fit_${key}`]), context).toBeCloseTo(expected.fit, 9);
        expect(Number(row![`peak_${key}`]), context).toBeCloseTo(expected.peak, 6);
        expect(Number(row![`readiness_${key}`]), context).toBeCloseTo(expected.readiness, 6);
        const qualifiedAt = row![`qualified_at_${key}`];
        expect(qualifiedAt ? new Date(qualifiedAt as string).getTime() : null, context).toBe(expected.qualifiedAt?.getTime() ?? null);
        if (expected.qualifiedAt) seen[key === "baseline" ? "qualifiedBaseline" : "qualifiedDraft"]++;
        else if (expected.already) seen.already++;
        else seen.notQualified++;
      }
    }
    // The comparison means something only if the data reached every case.
    for (const [what, n] of Object.entries(seen)) expect(n, what).toBeGreaterThan(3);
  });

  it("replays only the contacts in the id range asked for", async () => {
    const all = [...(await replay()).keys()].sort();
    const middle = all[Math.floor(all.length / 2)]!;
    const low = await replay(null, middle);
    const high = await replay(middle, null);
    expect([...low.keys()].every((id) => id < middle)).toBe(true);
    expect([...high.keys()].every((id) => id >= middle)).toBe(true);
    expect(low.size + high.size).toBe(all.length);
  });
});

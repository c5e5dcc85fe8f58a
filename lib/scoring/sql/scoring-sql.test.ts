import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf, type DatabaseHandle } from "@/db/client";
import { Random } from "@/db/seed/random";
import { createTestDatabase } from "@/db/test-database";
import { DEFAULT_MODEL } from "../default-model";
import type { ScoredEvent } from "../engagement";
import { explainScores } from "../explain";
import type { FitSubject } from "../fit";
import { FIT_FIELD_KINDS, FIT_FIELDS, scoringModelDefinitionSchema, type FitRule, type ScoringModelDefinition } from "../model-schema";
import { scoringModelVersions } from "@/db/schema";
import { rescoreContacts } from "../rescore-contacts";
import { carriedDecaySql, carryPlanOf, recountSql, type CarryPlan } from "./carried-engagement-sql";
import { accountFitPointsSql } from "./fit-sql";
import { scoreContactsSql, type ScoredContactRow } from "./score-contacts-sql";

/**
 * The SQL that scores contacts in sets must agree with the reference implementation (the code
 * the explanations come from) on every model and every contact. Random models over random,
 * awkward data — mixed case, punctuation between words, numbers written as text, properties that
 * are objects, events in the future and past the horizon — scored both ways.
 */

const AT = new Date("2026-05-20T12:00:00.000Z");
const DAY = 86_400_000;

const TITLES = ["VP Marketing", "vp of marketing", "Head of Growth", "Student Ambassador", "Marketing Intern", "Intern-Marketing", "student_rep", "Directeur Général", "CEO", "", null];
const SENIORITIES = ["c_level", "vp", "director", "manager", "individual_contributor", "student", null];
const FUNCTIONS = ["marketing", "sales", "engineering", "it", "finance", null];
const REGIONS = ["North America", "EMEA", "APAC", "LATAM", "emea", null];
const COUNTRIES = ["US", "DE", "JP", "BR", "FR", null];
const SOURCES = ["organic", "paid_search", "webinar", "referral", null];
const DOMAINS = ["northwind.io", "gmail.com", "globex.test", "leadforge.io", "initech.co.uk", "yahoo.com", "www.umbrella.test"];
const INDUSTRIES = ["Software", "software", "Healthcare", "Financial Services", "Manufacturing", null];
const TECHNOLOGIES = ["Salesforce", "HubSpot", "Slack", "Google Analytics", "Marketo Engage", "Zoom"];
const EVENT_TYPES = ["page_view", "email_open", "email_click", "form_submit", "demo_request", "webinar_attended", "unsubscribe", "meeting"];
const URLS = ["/pricing", "/Pricing?plan=pro", "/blog/speed-to-lead", "/docs", "https://x.test/PRICING", "/Été/PRICING", "/Café-Docs"];

const TEXT_VALUES: Partial<Record<(typeof FIT_FIELDS)[number], readonly (string | null)[]>> = {
  title: ["student", "intern", "vp marketing", "marketing", "head of", "général", "rep", "growth"],
  seniority: SENIORITIES,
  jobFunction: FUNCTIONS,
  country: COUNTRIES,
  region: REGIONS,
  source: SOURCES,
  emailDomain: [...DOMAINS, "umbrella.test"],
  "account.industry": INDUSTRIES,
  "account.country": COUNTRIES,
  "account.region": REGIONS,
  "account.technologies": [...TECHNOLOGIES, "analytics", "marketo"],
};

function randomFitRule(rng: Random, id: string): FitRule {
  const field = rng.pick(FIT_FIELDS);
  const kind = FIT_FIELD_KINDS[field];
  const points = rng.int(-40, 40);
  const label = `rule ${id}`;
  if (kind === "boolean") return { id, label, field, operator: "is_true", points };
  if (kind === "number") {
    const max = field === "account.employees" ? 20_000 : 500_000_000;
    const a = rng.chance(0.3) ? null : rng.int(0, max);
    const b = a === null || rng.chance(0.3) ? (a === null ? rng.int(0, max) : null) : rng.int(a, max);
    return { id, label, field, operator: "range", min: a, max: b, points };
  }
  const values = (TEXT_VALUES[field] ?? ["x"]).filter((v): v is string => !!v);
  const some = () => Array.from({ length: rng.int(1, 3) }, () => rng.pick(values));
  const operator = rng.pick(["equals", "in", "contains", "contains_word"] as const);
  if (operator === "equals") return { id, label, field, operator, value: rng.pick(values), points };
  return { id, label, field, operator, values: some(), points };
}

function randomModel(rng: Random): ScoringModelDefinition {
  const engagementRules = Array.from({ length: rng.int(1, 8) }, (_, i) => {
    const points = rng.int(-20, 30) || 5;
    const filters = [];
    if (rng.chance(0.4)) filters.push({ property: "url", operator: rng.pick(["contains", "equals"] as const), value: rng.pick(["/pricing", "PRICING", "/docs"]) });
    if (rng.chance(0.3)) filters.push({ property: "duration", operator: rng.pick(["gte", "lte"] as const), value: rng.pick([30, "60", 0]) });
    if (rng.chance(0.2)) filters.push({ property: "step", operator: "equals" as const, value: rng.pick([3, "3", "true"]) });
    return {
      id: `e${i}`,
      label: `engagement ${i}`,
      eventType: rng.pick(EVENT_TYPES),
      filters,
      points,
      cap: Math.abs(points) + rng.int(0, 30),
      halfLifeDays: rng.chance(0.4) ? rng.pick([7, 14, 90]) : null,
    };
  });
  const model = {
    halfLifeDays: rng.pick([10, 30, 45]),
    fitRules: Array.from({ length: rng.int(0, 10) }, (_, i) => randomFitRule(rng, `f${i}`)),
    engagementRules,
    thresholds: {
      fit: rng.int(0, 50),
      engagement: rng.int(0, 30),
      segmentField: rng.pick(["region", "country", "source"] as const),
      segments: rng.chance(0.6) ? [{ value: rng.pick(["emea", "APAC", "US", "webinar"]), fit: rng.int(0, 80), engagement: rng.int(0, 60) }] : [],
      qualifyingActions: rng.chance(0.7) ? [{ eventType: "demo_request", minFit: rng.int(0, 60) }, { eventType: "meeting", minFit: rng.int(0, 60) }] : [],
    },
    mqa: DEFAULT_MODEL.mqa,
  };
  return scoringModelDefinitionSchema.parse(model);
}

type Generated = { id: string; subject: FitSubject; events: ScoredEvent[] };
let handle: DatabaseHandle;
const people: Generated[] = [];

function randomProperties(rng: Random): Record<string, unknown> | null {
  if (rng.chance(0.1)) return null;
  const p: Record<string, unknown> = {};
  if (rng.chance(0.7)) p.url = rng.pick(URLS);
  if (rng.chance(0.4)) p.duration = rng.pick([0, 30, 45.5, "60", "120", "long", "", "1e400", { s: 1 }]);
  if (rng.chance(0.2)) p.step = rng.pick([3, "3", true, [3], "THREE"]);
  return p;
}

beforeAll(async () => {
  handle = await createTestDatabase();
  const rng = new Random(20260520);
  for (let i = 0; i < 80; i++) {
    const domain = rng.pick(DOMAINS);
    const hasAccount = !["gmail.com", "yahoo.com"].includes(domain) && rng.chance(0.85);
    const account = hasAccount
      ? {
          industry: rng.pick(INDUSTRIES),
          employees: rng.chance(0.1) ? null : rng.int(1, 20_000),
          annualRevenue: rng.chance(0.2) ? null : rng.int(0, 500_000_000),
          country: rng.pick(COUNTRIES),
          region: rng.pick(REGIONS),
          technologies: Array.from({ length: rng.int(0, 3) }, () => rng.pick(TECHNOLOGIES)),
        }
      : null;
    const subject: FitSubject = {
      email: `person${i}@${domain}`,
      title: rng.pick(TITLES),
      seniority: rng.pick(SENIORITIES),
      jobFunction: rng.pick(FUNCTIONS),
      country: rng.pick(COUNTRIES),
      region: rng.pick(REGIONS),
      source: rng.pick(SOURCES),
      account,
    };
    const [row] = rowsOf<{ id: string }>(
      await handle.db.execute(sql`
        with a as (
          insert into accounts (domain, name, industry, employees, annual_revenue, country, region, technologies)
          select ${`acct${i}.${domain}`}, ${`Account ${i}`}, ${account?.industry ?? null}, ${account?.employees ?? null}, ${account?.annualRevenue ?? null},
                 ${account?.country ?? null}, ${account?.region ?? null}, array(select json_array_elements_text(${JSON.stringify(account?.technologies ?? [])}::json))
          where ${hasAccount}
          returning id
        )
        insert into contacts (email, title, seniority, job_function, country, region, source, account_id)
        values (${subject.email}, ${subject.title ?? null}, ${subject.seniority ?? null}, ${subject.jobFunction ?? null}, ${subject.country ?? null},
                ${subject.region ?? null}, ${subject.source ?? null}, (select id from a))
        returning id`),
    );
    const events: ScoredEvent[] = [];
    for (let k = rng.int(0, 25); k > 0; k--) {
      // Mostly recent, some in the future, some older than any horizon the models have.
      const ageDays = rng.weighted([rng.uniform(0, 60), rng.uniform(-5, 0), rng.uniform(300, 1000)], [0.85, 0.05, 0.1]);
      const occurredAt = new Date(Math.round(AT.getTime() - ageDays * DAY));
      events.push({ id: `${i}-${k}`, type: rng.pick(EVENT_TYPES), occurredAt, properties: randomProperties(rng) });
    }
    if (events.length) {
      await handle.db.execute(sql`
        insert into engagement_events (contact_id, type, occurred_at, source, external_id, properties)
        select ${row!.id}::uuid, e.type, e.occurred_at, 'test', e.id, coalesce(e.properties, '{}'::jsonb)
        from json_to_recordset(${JSON.stringify(events.map((e) => ({ ...e, occurred_at: e.occurredAt.toISOString() })))}::json)
          as e(id text, type text, occurred_at timestamptz, properties jsonb)`);
    }
    // The database stores missing properties as {}: score what it stores.
    people.push({ id: row!.id, subject, events: events.map((e) => ({ ...e, properties: e.properties ?? {} })) });
  }
});

afterAll(async () => {
  await handle.close();
});

/** With `accountsApart`, the account rules' points come from `accountFitPointsSql`, as in a full scoring run. */
async function scoreInSql(model: ScoringModelDefinition, at: Date, ids?: string[], { accountsApart = false, sameFitAs = [] as string[] } = {}) {
  const contactIds = ids ? sql`select value::uuid from json_array_elements_text(${JSON.stringify(ids)}::json)` : undefined;
  const accountFitFrom = accountsApart ? sql`(${accountFitPointsSql(model.fitRules)})` : undefined;
  const rows = rowsOf<ScoredContactRow>(await handle.db.execute(scoreContactsSql({ model, at, contactIds, accountFitFrom, sameFitAs })));
  return new Map(rows.map((r) => [r.contact_id, r]));
}

const seen = { threshold: 0, action: 0, engaged: 0, capped: 0, negativeFit: 0, wordRules: 0 };

function expectAgreement(model: ScoringModelDefinition, at: Date, bySql: Map<string, ScoredContactRow>, who: Generated[]) {
  for (const person of who) {
    const reference = explainScores({ subject: person.subject, events: person.events, model, at });
    const row = bySql.get(person.id)!;
    const context = `${person.subject.email} under ${JSON.stringify(model.thresholds)}`;
    expect(Number(row.fit), context).toBeCloseTo(reference.fit.score, 9);
    expect(Number(row.engagement), context).toBeCloseTo(reference.engagement.score, 6);
    expect({ fit: Number(row.fit_threshold), engagement: Number(row.engagement_threshold), segment: row.segment }, context).toEqual(reference.thresholds);
    const decision = reference.decision;
    const sqlDecision = row.meets_thresholds ? "threshold" : row.qualifying_action ? `qualifying_action:${row.qualifying_action}` : "none";
    const referenceDecision = !decision.qualifies ? "none" : decision.reason === "threshold" ? "threshold" : `qualifying_action:${decision.detail}`;
    expect(sqlDecision, context).toBe(referenceDecision);
    if (sqlDecision === "threshold") seen.threshold++;
    if (sqlDecision.startsWith("qualifying_action")) seen.action++;
    if (reference.engagement.score > 0) seen.engaged++;
    if (reference.engagement.contributions.some((c) => c.capped)) seen.capped++;
    if (reference.fit.contributions.some((c) => c.points < 0)) seen.negativeFit++;
    if (reference.fit.contributions.some((c) => model.fitRules.find((r) => r.id === c.ruleId)?.operator === "contains_word")) seen.wordRules++;
  }
}

describe("scoring in SQL", () => {
  it("agrees with the reference implementation on the default model", async () => {
    expectAgreement(DEFAULT_MODEL, AT, await scoreInSql(DEFAULT_MODEL, AT), people);
    expectAgreement(DEFAULT_MODEL, AT, await scoreInSql(DEFAULT_MODEL, AT, undefined, { accountsApart: true }), people);
  });

  it("agrees on random models over awkward data", async () => {
    const rng = new Random(7);
    for (let m = 0; m < 25; m++) {
      const model = randomModel(rng);
      expectAgreement(model, AT, await scoreInSql(model, AT), people);
      expectAgreement(model, AT, await scoreInSql(model, AT, undefined, { accountsApart: true }), people);
    }
    // The comparison means something only if the data reached every branch.
    for (const [what, n] of Object.entries(seen)) expect(n, what).toBeGreaterThan(10);
  });

  it("agrees when replaying a model at a past instant", async () => {
    const past = new Date(AT.getTime() - 20 * DAY);
    expectAgreement(DEFAULT_MODEL, past, await scoreInSql(DEFAULT_MODEL, past), people);
  });

  it("scores only the contacts asked for, and those without events as 0 engagement", async () => {
    const some = people.slice(0, 5).map((p) => p.id);
    const scored = await scoreInSql(DEFAULT_MODEL, AT, some);
    expect([...scored.keys()].sort()).toEqual([...some].sort());
    expectAgreement(DEFAULT_MODEL, AT, scored, people.slice(0, 5));
    const quiet = people.find((p) => p.events.length === 0);
    if (quiet) expect(Number((await scoreInSql(DEFAULT_MODEL, AT, [quiet.id])).get(quiet.id)!.engagement)).toBe(0);
  });
});

/**
 * `model` with other weights that count the same events the same way: rules and actions in
 * another order, new points and caps, thresholds and fit rules — what a marketer's usual edit is.
 */
function reweighed(rng: Random, model: ScoringModelDefinition): ScoringModelDefinition {
  const other = randomModel(rng);
  const engagementRules = rng.shuffle(model.engagementRules).map((r) => {
    const points = rng.int(-20, 30) || 5;
    return { ...r, points, cap: Math.abs(points) + rng.int(0, 30) };
  });
  const qualifyingActions = rng.shuffle(model.thresholds.qualifyingActions).map((a) => ({ ...a, minFit: rng.int(0, 60) }));
  return scoringModelDefinitionSchema.parse({ ...model, fitRules: other.fitRules, engagementRules, thresholds: { ...other.thresholds, qualifyingActions } });
}

describe("engagement carried forward from the stored sums", () => {
  let version = 100;
  /** Stores everyone's scores under `model` at `at` as the ingest refresh does, in a version of its own. */
  async function store(model: ScoringModelDefinition, at: Date) {
    const [row] = await handle.db.insert(scoringModelVersions).values({ version: ++version, name: `v${version}`, status: "archived", definition: model }).returning();
    await rescoreContacts(handle.db, { contactIds: people.map((p) => p.id), model: { id: row!.id, version: row!.version, definition: model }, at });
    return row!;
  }

  /** Scores everyone at `at` under `model`, carrying from `plans`: the scores, and how many were read from events. */
  async function scoreCarried(model: ScoringModelDefinition, at: Date, plans: CarryPlan[]) {
    await handle.db.execute(sql`drop table if exists recount_test, decay_test`);
    await handle.db.execute(sql`create table recount_test as ${recountSql(model, plans, at)}`);
    await handle.db.execute(sql`create table decay_test as ${carriedDecaySql(model, at)}`);
    const carry = { plans, recount: sql.raw("recount_test"), decay: sql.raw("decay_test") };
    const rows = rowsOf<ScoredContactRow>(await handle.db.execute(scoreContactsSql({ model, at, carry })));
    const [{ n }] = rowsOf<{ n: number }>(await handle.db.execute(sql`select count(*)::int as n from recount_test`));
    return { scores: new Map(rows.map((r) => [r.contact_id, r])), recounted: Number(n) };
  }

  it("scores a later instant under reweighed rules exactly as the events do", async () => {
    const rng = new Random(11);
    let carried = 0;
    let recounted = 0;
    for (let m = 0; m < 12; m++) {
      const model = randomModel(rng);
      const stored = await store(model, AT);
      const next = reweighed(rng, model);
      const plan = carryPlanOf(next, { id: stored.id, definition: model });
      expect(plan, "a reweighed model counts the same events").not.toBeNull();
      // Up to two months later: some events come of age, some pass the horizon.
      const later = new Date(AT.getTime() + rng.pick([0, rng.uniform(0, 3), rng.uniform(3, 60)]) * DAY);
      const result = await scoreCarried(next, later, [plan!]);
      expectAgreement(next, later, result.scores, people);
      carried += people.length - result.recounted;
      recounted += result.recounted;
    }
    // Both ways of scoring were compared: from the sums and, where they cannot carry, from events.
    expect(carried).toBeGreaterThan(people.length * 3);
    expect(recounted).toBeGreaterThan(12);
  });

  it("carries from each stored version by its own order of rules", async () => {
    const rng = new Random(12);
    const model = randomModel(rng);
    const first = await store(model, AT);
    const reordered = reweighed(rng, model);
    const half = people.slice(0, 40).map((p) => p.id);
    const [row] = await handle.db.insert(scoringModelVersions).values({ version: ++version, name: `v${version}`, status: "archived", definition: reordered }).returning();
    await rescoreContacts(handle.db, { contactIds: half, model: { id: row!.id, version: row!.version, definition: reordered }, at: new Date(AT.getTime() - 2 * DAY) });
    // Some rows cannot carry: sums never taken, or taken under rules that count other events.
    const other = randomModel(rng);
    const [otherRow] = await handle.db.insert(scoringModelVersions).values({ version: ++version, name: `v${version}`, status: "archived", definition: other }).returning();
    const ids = (from: number, to: number) => sql`(select value::uuid from json_array_elements_text(${JSON.stringify(people.slice(from, to).map((p) => p.id))}::json))`;
    await handle.db.execute(sql`update contact_scores set rule_occurrences = null where contact_id in ${ids(40, 45)}`);
    await handle.db.execute(sql`update contact_scores set sums_version_id = ${otherRow!.id}::uuid where contact_id in ${ids(45, 50)}`);
    const next = reweighed(rng, model);
    const plans = [carryPlanOf(next, { id: first.id, definition: model })!, carryPlanOf(next, { id: row!.id, definition: reordered })!];
    const later = new Date(AT.getTime() + 9 * DAY);
    const result = await scoreCarried(next, later, plans);
    expectAgreement(next, later, result.scores, people);
    expect(result.recounted).toBeGreaterThanOrEqual(10);
    expect(result.recounted).toBeLessThan(people.length - 20);
  });

  it("scores a decay far past the smallest float, from events and carried, without failing", async () => {
    // A one-hour half-life beside a year-long one: the horizon reaches 3,650 days, where a
    // month-old page view has decayed through 720 half-lives.
    const model = scoringModelDefinitionSchema.parse({
      ...DEFAULT_MODEL,
      engagementRules: [
        { id: "flash", label: "Flash", eventType: "page_view", filters: [], points: 10, cap: 50, halfLifeDays: 1 / 24 },
        { id: "slow", label: "Slow", eventType: "email_open", filters: [], points: 2, cap: 20, halfLifeDays: 365 },
      ],
    });
    expectAgreement(model, AT, await scoreInSql(model, AT), people);
    const stored = await store(model, AT);
    const later = new Date(AT.getTime() + 45 * DAY);
    const result = await scoreCarried(model, later, [carryPlanOf(model, { id: stored.id, definition: model })!]);
    expectAgreement(model, later, result.scores, people);
    expect(result.recounted).toBeLessThan(people.length);
  });

  it("reads the events of a contact waiting for its refresh", async () => {
    const rng = new Random(13);
    const model = DEFAULT_MODEL;
    const stored = await store(model, AT);
    // A demo request dated a day before the stored scores, arriving after them: ingest stores it
    // and queues the contact in one statement.
    // Someone the stored sums would otherwise carry: no event in the future or near the horizon.
    const late = people.find((p) => p.events.every((e) => e.type !== "demo_request" && e.occurredAt <= AT && AT.getTime() - e.occurredAt.getTime() < 800 * DAY))!;
    const event = { id: `late-${rng.int(0, 1e9)}`, type: "demo_request", occurredAt: new Date(AT.getTime() - DAY), properties: {} };
    await handle.db.execute(sql`
      with stored as (
        insert into engagement_events (contact_id, type, occurred_at, source, external_id)
        values (${late.id}::uuid, ${event.type}, ${event.occurredAt.toISOString()}::timestamptz, 'test', ${event.id})
      )
      insert into contact_refresh_queue (contact_ids) values (array[${late.id}::uuid])`);
    late.events.push(event);
    try {
      const plan = carryPlanOf(model, { id: stored.id, definition: model })!;
      const later = new Date(AT.getTime() + 2 * DAY);
      const { scores } = await scoreCarried(model, later, [plan]);
      expectAgreement(model, later, scores, people);
      // The demo request's 30 points, three days old, are in.
      expect(Number(scores.get(late.id)!.engagement)).toBeGreaterThanOrEqual(30 * 0.5 ** (3 / 30));
    } finally {
      await handle.db.execute(sql`delete from contact_refresh_queue`);
    }
  });

  it("stores the sums anew when an event changes them but not the score (past a rule's cap)", async () => {
    // Ten page views at the instant fill the page rule's cap of 10 points.
    const [row] = rowsOf<{ id: string }>(await handle.db.execute(sql`insert into contacts (email) values ('capped@northwind.io') returning id`));
    const hour = (h: number) => new Date(AT.getTime() - h * 3_600_000);
    const events: ScoredEvent[] = Array.from({ length: 10 }, (_, i) => ({ id: `cap-${i}`, type: "page_view", occurredAt: hour(0), properties: {} }));
    const insert = (e: ScoredEvent) =>
      handle.db.execute(sql`insert into engagement_events (contact_id, type, occurred_at, source, external_id) values (${row!.id}::uuid, ${e.type}, ${e.occurredAt.toISOString()}::timestamptz, 'test', ${String(e.id)})`);
    for (const e of events) await insert(e);
    const model = DEFAULT_MODEL;
    const [stored] = await handle.db.insert(scoringModelVersions).values({ version: ++version, name: `v${version}`, status: "archived", definition: model }).returning();
    const scoring = { id: stored!.id, version: stored!.version, definition: model };
    await rescoreContacts(handle.db, { contactIds: [row!.id], model: scoring, at: AT });
    // An eleventh, older than the others (last activity stays), refreshed at the same instant: still 10 points.
    const late = { id: "cap-late", type: "page_view", occurredAt: hour(1), properties: {} };
    await insert(late);
    events.push(late);
    await rescoreContacts(handle.db, { contactIds: [row!.id], model: scoring, at: AT });
    // A model with room above the cap counts all eleven, from the stored sums.
    const roomier = { ...model, engagementRules: model.engagementRules.map((r) => (r.id === "page" ? { ...r, cap: 20 } : r)) };
    const later = new Date(AT.getTime() + DAY);
    const { scores } = await scoreCarried(roomier, later, [carryPlanOf(roomier, { id: stored!.id, definition: model })!]);
    const person: Generated = { id: row!.id, subject: { email: "capped@northwind.io", account: null }, events };
    expectAgreement(roomier, later, scores, [person]);
  });

  it("keeps the fit its versions stored, and computes the others', looking their accounts' points up", async () => {
    const ids = (from: number, to: number) => sql`(select value::uuid from json_array_elements_text(${JSON.stringify(people.slice(from, to).map((p) => p.id))}::json))`;
    for (const model of [DEFAULT_MODEL, randomModel(new Random(14))]) {
      const stored = await store(model, AT);
      // Some rows no version with these fit rules scored, and one whose stored fit says 42.
      await handle.db.execute(sql`update contact_scores set model_version_id = null, fit_score = 0 where contact_id in ${ids(0, 40)}`);
      await handle.db.execute(sql`update contact_scores set fit_score = 42 where contact_id = ${people[40]!.id}::uuid`);
      for (const accountsApart of [false, true]) {
        const scores = await scoreInSql(model, AT, undefined, { accountsApart, sameFitAs: [stored.id] });
        expect(Number(scores.get(people[40]!.id)!.fit)).toBe(42);
        expectAgreement(model, AT, scores, people.filter((_, i) => i !== 40));
      }
    }
    // Some of the rows computed again earned account rules' points.
    const earned = people.slice(0, 40).filter((p) => {
      const { fit } = explainScores({ subject: p.subject, events: p.events, model: DEFAULT_MODEL, at: AT });
      return fit.contributions.some((c) => DEFAULT_MODEL.fitRules.find((r) => r.id === c.ruleId)?.field.startsWith("account."));
    });
    expect(earned.length).toBeGreaterThan(3);
  });

  it("does not carry when a rule counts other events, or decays them otherwise", () => {
    const model = DEFAULT_MODEL;
    const stored = { id: "00000000-0000-0000-0000-000000000001", definition: model };
    const change = (edit: (m: ScoringModelDefinition) => void) => {
      const m = structuredClone(model);
      edit(m);
      return carryPlanOf(m, stored);
    };
    expect(change(() => {})).toEqual({ versionId: stored.id, rules: model.engagementRules.map((_, i) => i), actions: [0] });
    expect(change((m) => m.engagementRules.reverse())?.rules).toEqual(model.engagementRules.map((_, i) => i).reverse());
    expect(change((m) => (m.engagementRules[1]!.filters = [{ property: "url", operator: "contains", value: "/docs" }]))).toBeNull();
    expect(change((m) => (m.engagementRules[0]!.eventType = "form_submit"))).not.toBeNull(); // a second form rule: same events as "form"
    expect(change((m) => (m.engagementRules[0]!.eventType = "trial_started"))).toBeNull();
    expect(change((m) => (m.engagementRules[2]!.halfLifeDays = 7))).toBeNull();
    expect(change((m) => (m.halfLifeDays = 45))).toBeNull();
    expect(change((m) => m.thresholds.qualifyingActions.push({ eventType: "meeting", minFit: 20 }))).toBeNull();
    expect(change((m) => (m.thresholds.qualifyingActions = []))?.actions).toEqual([]);
  });
});

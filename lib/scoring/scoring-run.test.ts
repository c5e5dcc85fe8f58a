import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf, type DatabaseHandle } from "@/db/client";
import { accountScores, contactRefreshQueue, contactScores, contacts, mqlRecords, scoringModelVersions, scoringRuns } from "@/db/schema";
import { createTestDatabase } from "@/db/test-database";
import { insertAccount, insertContact, insertEvents } from "@/db/test-fixtures";
import { qualifyAccounts } from "../lifecycle/qualify-accounts";
import { DEFAULT_MODEL } from "./default-model";
import { scoringModelDefinitionSchema, type ScoringModelDefinition } from "./model-schema";
import { executeScoringRun } from "./scoring-run";
import { scoreContactsSql } from "./sql/score-contacts-sql";

let handle: DatabaseHandle;
const DAY = 86_400_000;
const ids: Record<string, string> = {};

async function publish(definition: ScoringModelDefinition, version: number) {
  const [row] = await handle.db
    .insert(scoringModelVersions)
    .values({ version, name: `v${version}`, status: "published", definition, publishedAt: new Date(Date.now() + version) })
    .returning();
  return row!;
}

async function run(modelVersionId: string) {
  const [created] = await handle.db.insert(scoringRuns).values({ modelVersionId, reason: "publish" }).returning();
  return executeScoringRun(handle.db, created!.id);
}

const scoresOf = async (id: string) => (await handle.db.select().from(contactScores).where(eq(contactScores.contactId, id)))[0]!;

beforeAll(async () => {
  handle = await createTestDatabase();
  const now = Date.now();
  // Two engaged VPs, a quiet manager, a student, and a VP whose last demo request was long ago.
  for (const [key, title, seniority] of [["ada", "VP Marketing", "vp"], ["bo", "VP Sales", "vp"], ["cy", "Marketing Manager", "manager"], ["di", "Student", "student"], ["ed", "VP Growth", "vp"]] as const) {
    ids[key] = (await insertContact(handle.db, { email: `${key}@northwind.io`, title, seniority, jobFunction: "marketing", region: "EMEA" })).id;
  }
  await insertEvents(handle.db, [
    { contactId: ids.ada!, type: "demo_request", occurredAt: new Date(now - DAY) },
    { contactId: ids.bo!, type: "webinar_attended", occurredAt: new Date(now - 2 * DAY) },
    { contactId: ids.bo!, type: "form_submit", occurredAt: new Date(now - 2 * DAY) },
    { contactId: ids.bo!, type: "email_reply", occurredAt: new Date(now - 3 * DAY) },
    { contactId: ids.cy!, type: "page_view", occurredAt: new Date(now - DAY), properties: { url: "/blog" } },
    { contactId: ids.ed!, type: "demo_request", occurredAt: new Date(now - 400 * DAY) },
  ]);
});

afterAll(async () => {
  await handle.close();
});

describe("a scoring run", () => {
  it("rescores every contact, records its progress and designates who now qualifies", async () => {
    const [defaultVersion] = await handle.db.select().from(scoringModelVersions).where(eq(scoringModelVersions.status, "published"));
    const result = await run(defaultVersion!.id);
    expect(result).toMatchObject({ status: "completed", phase: null, totalContacts: 5, error: null });
    expect(result.processedCandidates).toBe(result.candidateMqls);
    // Ada's demo request qualifies her at once (fit 45 ≥ 35). Bo's webinar, form and reply come to
    // about 33: below the engagement threshold of 40.
    const ada = await scoresOf(ids.ada!);
    expect(ada.modelVersionId).toBe(defaultVersion!.id);
    expect(ada.engagementScore).toBeGreaterThan(25);
    const records = await handle.db.select({ contactId: mqlRecords.contactId, reason: mqlRecords.reason }).from(mqlRecords);
    expect(records).toContainEqual({ contactId: ids.ada, reason: "qualifying_action" });
    expect(records.map((r) => r.contactId)).not.toContain(ids.bo);
    expect((await scoresOf(ids.bo!)).engagementScore).toBeCloseTo(12 * 0.5 ** (2 / 30) * 2 + 10 * 0.5 ** (3 / 30), 1);
    expect(records.map((r) => r.contactId)).not.toContain(ids.di); // the student: negative fit
    expect(records.map((r) => r.contactId)).not.toContain(ids.ed); // a demo request a year old has faded
    expect(result.designatedMqls).toBe(records.length);
    const [stage] = await handle.db.select({ stage: contacts.stage }).from(contacts).where(eq(contacts.id, ids.ada!));
    expect(stage!.stage).toBe("mql");
    // The working tables are gone, and contact_scores is whole, with the migrations' indexes and keys.
    const [left] = rowsOf<{ n: number }>(await handle.db.execute(sql`select count(*)::int as n from pg_tables where tablename ~ '^(scoring_run|contact_scores)_[0-9a-f]{32}(_[a-z_]+)?$'`));
    expect(left!.n).toBe(0);
    const structure = rowsOf<{ name: string }>(
      await handle.db.execute(sql`
        select indexname as name from pg_indexes where tablename = 'contact_scores'
        union all select conname from pg_constraint where conrelid = 'contact_scores'::regclass and contype in ('f', 'p')
        order by 1`),
    ).map((r) => r.name);
    expect(structure).toEqual([
      "contact_scores_activity_idx",
      "contact_scores_contact_id_contacts_id_fk",
      "contact_scores_engagement_idx",
      "contact_scores_fit_idx",
      "contact_scores_model_version_id_scoring_model_versions_id_fk",
      "contact_scores_pkey",
      "contact_scores_pkey",
    ]);
    // New contacts still get their scores row (the trigger writes to the swapped-in table).
    const late = await insertContact(handle.db, { email: "late@northwind.io" });
    expect(await scoresOf(late.id)).toMatchObject({ fitScore: 0 });
  });

  it("is idempotent: running again changes nothing and designates no one twice", async () => {
    const [current] = await handle.db.select().from(scoringModelVersions).where(eq(scoringModelVersions.status, "published"));
    const before = await handle.db.select().from(mqlRecords);
    const again = await run(current!.id);
    expect(again.designatedMqls).toBe(0);
    expect(await handle.db.select().from(mqlRecords)).toHaveLength(before.length);
  });

  it("applies a newly published model to everyone, naming its version", async () => {
    // Version 2 doubles the points of a page view: Cy's blog visit now counts 2.
    const v2 = await publish({ ...DEFAULT_MODEL, engagementRules: DEFAULT_MODEL.engagementRules.map((r) => (r.id === "page" ? { ...r, points: 2 } : r)) }, 2);
    const result = await run(v2.id);
    expect(result.changedContacts).toBe(6); // every row (the five, and the one added since) now names version 2
    const cy = await scoresOf(ids.cy!);
    expect(cy).toMatchObject({ modelVersionId: v2.id });
    expect(cy.engagementScore).toBeCloseTo(2 * Math.pow(0.5, 1 / 30), 3);
  });

  it("leaves alone a contact rescored after the run's instant", async () => {
    const later = new Date(Date.now() + 60_000);
    await handle.db.update(contactScores).set({ engagementScore: 77, scoredAt: later }).where(eq(contactScores.contactId, ids.cy!));
    const [current] = await handle.db.select().from(scoringModelVersions).where(eq(scoringModelVersions.version, 2));
    await run(current!.id);
    expect((await scoresOf(ids.cy!)).engagementScore).toBe(77);
  });

  it("scores the accounts from the engagement it computed, as the stored contact scores give them", async () => {
    const account = await insertAccount(handle.db, { name: "Contoso", industry: "Software", employees: 900 });
    const now = Date.now();
    for (const [key, jobFunction] of [["fay", "marketing"], ["gus", "sales"], ["hal", "it"]] as const) {
      ids[key] = (await insertContact(handle.db, { email: `${key}@contoso.test`, accountId: account.id, jobFunction, seniority: "vp" })).id;
      await insertEvents(handle.db, [
        { contactId: ids[key]!, type: "webinar_attended", occurredAt: new Date(now - DAY) },
        { contactId: ids[key]!, type: "email_reply", occurredAt: new Date(now - 2 * DAY) },
      ]);
    }
    const [current] = await handle.db.select().from(scoringModelVersions).where(eq(scoringModelVersions.version, 2));
    await run(current!.id);
    const [stored] = await handle.db.select().from(accountScores).where(eq(accountScores.accountId, account.id));
    expect(stored!.score).toBeGreaterThan(0);
    // Scoring every account again from the live contact_scores changes nothing.
    const model = { id: current!.id, version: 2, definition: current!.definition as ScoringModelDefinition };
    expect(await qualifyAccounts(handle.db, { model, at: new Date(), scope: "all" })).toMatchObject({ rescored: 0, closed: 0, opened: [] });
  });

  it("carries engagement forward when the model counts events as before, scoring as the events do", async () => {
    // Version 4 reweighs: pages count 3, forms up to 36, and Ada's demo request less.
    const definition: ScoringModelDefinition = {
      ...DEFAULT_MODEL,
      engagementRules: DEFAULT_MODEL.engagementRules.map((r) => (r.id === "page" ? { ...r, points: 3 } : r.id === "form" ? { ...r, cap: 36 } : r.id === "demo" ? { ...r, points: 25 } : r)),
    };
    const v4 = await publish(definition, 4);
    // The refresh has drained the contacts queued by the events stored above (the last run read those events too).
    await handle.db.execute(sql`delete from contact_refresh_queue`);
    const sumsOf = async () =>
      new Map((await handle.db.select().from(contactScores)).map((r) => [r.contactId, { version: r.sumsVersionId, at: r.sumsAt, rules: r.ruleOccurrences, actions: r.actionLastAt }]));
    const sumsBefore = await sumsOf();
    // A row whose fit no version with these fit rules computed: its fit is computed again, its
    // account's points looked up, while everyone else's stands.
    await handle.db.update(contactScores).set({ modelVersionId: null, fitScore: 0 }).where(eq(contactScores.contactId, ids.gus!));
    const [created] = await handle.db.insert(scoringRuns).values({ modelVersionId: v4.id, reason: "publish" }).returning();
    const notes: string[] = [];
    const result = await executeScoringRun(handle.db, created!.id, { onStep: (step, _s, note) => void (step === "scores" && notes.push(note ?? "")) });
    // Everyone's sums were taken by the earlier runs and nothing waits for a refresh: no event is
    // read. (Cy's row says it was scored later than that — its sums still say when they were taken.)
    expect(notes).toEqual([`0 of ${result.totalContacts} from their events`]);
    const fromEvents = new Map(
      rowsOf<{ contact_id: string; fit: number; engagement: number }>(await handle.db.execute(scoreContactsSql({ model: definition, at: result.scoredAt! }))).map((r) => [r.contact_id, r]),
    );
    for (const row of await handle.db.select().from(contactScores)) {
      if (row.contactId === ids.cy) continue; // left alone: rescored after the run's instant
      expect(row.modelVersionId).toBe(v4.id);
      expect(row.engagementScore).toBeCloseTo(Number(fromEvents.get(row.contactId)!.engagement), 4);
      expect(row.fitScore).toBeCloseTo(Number(fromEvents.get(row.contactId)!.fit), 4);
    }
    expect((await scoresOf(ids.bo!)).engagementScore).toBeCloseTo(12 * 0.5 ** (2 / 30) * 2 + 10 * 0.5 ** (3 / 30), 1);
    // The sums carried as they were: those an earlier run took, under its version and instant.
    expect(await sumsOf()).toEqual(sumsBefore);

    // A version later they carry again, still exactly: from sums two versions old.
    const v5 = await publish({ ...definition, engagementRules: definition.engagementRules.map((r) => (r.id === "webinar-attended" ? { ...r, points: 7 } : r)) }, 5);
    const [next] = await handle.db.insert(scoringRuns).values({ modelVersionId: v5.id, reason: "publish" }).returning();
    notes.length = 0;
    const later = await executeScoringRun(handle.db, next!.id, { onStep: (step, _s, note) => void (step === "scores" && notes.push(note ?? "")) });
    expect(notes).toEqual([`0 of ${later.totalContacts} from their events`]);
    const v5Definition = scoringModelDefinitionSchema.parse(v5.definition);
    const fromEventsLater = new Map(
      rowsOf<{ contact_id: string; engagement: number }>(await handle.db.execute(scoreContactsSql({ model: v5Definition, at: later.scoredAt! }))).map((r) => [r.contact_id, r]),
    );
    for (const row of await handle.db.select().from(contactScores)) {
      if (row.contactId === ids.cy) continue;
      expect(row.modelVersionId).toBe(v5.id);
      expect(row.engagementScore).toBeCloseTo(Number(fromEventsLater.get(row.contactId)!.engagement), 4);
    }

    // With more than a quarter of the contacts waiting for a refresh, the next run reads every event.
    await handle.db.insert(contactRefreshQueue).values({ contactIds: [ids.ada!, ids.bo!, ids.di!] });
    const [again] = await handle.db.insert(scoringRuns).values({ modelVersionId: v4.id, reason: "daily" }).returning();
    notes.length = 0;
    await executeScoringRun(handle.db, again!.id, { onStep: (step, _s, note) => void (step === "scores" && notes.push(note ?? "")) });
    expect(notes).toEqual([`${result.totalContacts} of ${result.totalContacts} from their events`]);
    await handle.db.execute(sql`delete from contact_refresh_queue`);
  });

  it("fails cleanly when a step beside the swap fails, dropping its working tables", async () => {
    const [current] = await handle.db.select().from(scoringModelVersions).where(eq(scoringModelVersions.version, 2));
    await handle.db.execute(sql`alter table account_scores rename to account_scores_away`);
    try {
      const [created] = await handle.db.insert(scoringRuns).values({ modelVersionId: current!.id, reason: "manual" }).returning();
      await expect(executeScoringRun(handle.db, created!.id)).rejects.toThrow();
      const [failed] = await handle.db.select().from(scoringRuns).where(eq(scoringRuns.id, created!.id));
      expect(failed).toMatchObject({ status: "failed" });
      expect(failed!.error).toMatch(/account_scores/);
    } finally {
      await handle.db.execute(sql`alter table account_scores_away rename to account_scores`);
    }
    const [left] = rowsOf<{ n: number }>(await handle.db.execute(sql`select count(*)::int as n from pg_tables where tablename ~ '^(scoring_run|contact_scores)_[0-9a-f]{32}(_[a-z_]+)?$'`));
    expect(left!.n).toBe(0);
    // Nor does the live table go on recording its changes for the failed run.
    const [triggers] = rowsOf<{ n: number }>(await handle.db.execute(sql`select count(*)::int as n from pg_trigger where tgrelid = 'contact_scores'::regclass and not tgisinternal`));
    expect(triggers!.n).toBe(0);
    await insertContact(handle.db, { email: "after-failure@northwind.io" });
  });

  it("fails cleanly, saying why", async () => {
    const [created] = await handle.db.insert(scoringRuns).values({ modelVersionId: (await publish({ ...DEFAULT_MODEL, halfLifeDays: -1 } as ScoringModelDefinition, 3)).id, reason: "manual" }).returning();
    await expect(executeScoringRun(handle.db, created!.id)).rejects.toThrow();
    const [failed] = await handle.db.select().from(scoringRuns).where(eq(scoringRuns.id, created!.id));
    expect(failed).toMatchObject({ status: "failed" });
    expect(failed!.error).toMatch(/halfLifeDays/);
    // It failed before its swap: it stopped recording the live table's changes all the same.
    const [triggers] = rowsOf<{ n: number }>(await handle.db.execute(sql`select count(*)::int as n from pg_trigger where tgrelid = 'contact_scores'::regclass and not tgisinternal`));
    expect(triggers!.n).toBe(0);
  });
});

import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf, type DatabaseHandle } from "@/db/client";
import { backtests } from "@/db/schema";
import { createTestDatabase } from "@/db/test-database";
import type { ScoringModelDefinition } from "@/lib/scoring/model-schema";
import { BacktestRequestError, backtestWindow, CONTACT_RANGES, executeBacktest, requestBacktest } from "./run-backtest";

/**
 * A backtest on contacts whose answers are worked out by hand. Fit is 60 for a VP and 0 otherwise;
 * each page view is worth 10 engagement points, and a contact's views all happen at one instant,
 * so its engagement just after them is exactly 10 × views. The published model wants fit ≥ 50 and
 * engagement ≥ 40; the draft lowers engagement to 20.
 *
 * | contact | title  | views in window | real outcome                          | published | draft |
 * |---------|--------|-----------------|---------------------------------------|-----------|-------|
 * | ada     | VP     | 5 (eng 50)      | MQL record, won → customer            | MQL       | MQL   |
 * | bo      | VP     | 3 (eng 30)      | never reached sales (unobserved)      | —         | MQL   |
 * | cy      | VP     | 3 (eng 30)      | stage sql, reported by a CRM          | —         | MQL   |
 * | dee     | Intern | 5 (eng 50)      | stage customer, reported by a CRM     | —         | —     |
 * | eve     | VP     | 5, a year before | — (no events in the window)           | outside   |       |
 * | fay     | VP     | 5 (eng 50)      | never reached sales                   | —         | —     |
 *
 * fay's 5 views 20 days before the window ends would qualify her under both, but 5 more views 200 days before it — in the
 * 90 days before the window — already had: she was in the funnel, so she is no new MQL.
 */

const model = (engagement: number): ScoringModelDefinition => ({
  fitRules: [{ id: "vp", label: "VP", field: "title", operator: "contains", values: ["vp"], points: 60 }],
  engagementRules: [{ id: "views", label: "Page views", eventType: "page_view", filters: [], points: 10, cap: 50, halfLifeDays: null }],
  halfLifeDays: 30,
  thresholds: { fit: 50, engagement, segmentField: "region", segments: [], qualifyingActions: [] },
  mqa: { threshold: 60, topContacts: 3, weights: { fit: 0.4, engagement: 0.4, coverage: 0.2 }, fullCoverageFunctions: 3, engagedFrom: 10 },
});

const DAY = 86_400_000;
/** Times are days before the end of the window the backtest will replay (the last 6 whole months). */
const { until: END } = backtestWindow(6);
const before = (days: number) => new Date(END.getTime() - days * DAY).toISOString();
let handle: DatabaseHandle;
let draftId: string;
let publishedId: string;

async function contact(email: string, title: string, stage: string, views: number, daysBeforeEnd: number): Promise<string> {
  const [row] = rowsOf<{ id: string }>(await handle.db.execute(sql`insert into contacts (email, title, stage) values (${email}, ${title}, ${stage}::lifecycle_stage) returning id`));
  const at = before(daysBeforeEnd);
  for (let i = 0; i < views; i++) {
    await handle.db.execute(sql`insert into engagement_events (contact_id, type, occurred_at, source, external_id, properties) values (${row!.id}, 'page_view', ${at}, 'test', ${`${email}-${i}`}, '{}')`);
  }
  return row!.id;
}

beforeAll(async () => {
  handle = await createTestDatabase();
  const [published] = rowsOf<{ id: string }>(
    await handle.db.execute(sql`
      insert into scoring_model_versions (version, name, status, definition, published_at)
      values (900, 'Backtest baseline', 'published', ${JSON.stringify(model(40))}::jsonb, now() + interval '1 minute') returning id`),
  );
  const [draft] = rowsOf<{ id: string }>(
    await handle.db.execute(sql`insert into scoring_model_versions (version, name, status, definition) values (901, 'Lower engagement', 'draft', ${JSON.stringify(model(20))}::jsonb) returning id`),
  );
  publishedId = published!.id;
  draftId = draft!.id;
  const ada = await contact("ada@x.test", "VP Marketing", "customer", 5, 30);
  await handle.db.execute(sql`
    insert into mql_records (contact_id, status, mql_at, fit_score, engagement_score, priority_score, reason, sql_at, opportunity_at, won_at)
    values (${ada}, 'customer', ${before(30)}, 60, 50, 55, 'threshold', ${before(20)}, ${before(15)}, ${before(5)})`);
  await contact("bo@x.test", "VP Sales", "lead", 3, 40);
  await contact("cy@x.test", "VP Growth", "sql", 3, 50);
  await contact("dee@x.test", "Intern", "customer", 5, 60);
  await contact("eve@x.test", "VP Finance", "lead", 5, 365);
  const fay = await contact("fay@x.test", "VP Ops", "lead", 5, 20);
  for (let i = 0; i < 5; i++) {
    await handle.db.execute(sql`insert into engagement_events (contact_id, type, occurred_at, source, external_id, properties) values (${fay}, 'page_view', ${before(200)}, 'test', ${`fay-early-${i}`}, '{}')`);
  }
});

afterAll(async () => {
  await handle.close();
});

describe("backtesting a draft against the published model", () => {
  it("refuses a version that is not a draft", async () => {
    await expect(requestBacktest(handle.db, { draftId: publishedId, months: 6, userId: null })).rejects.toThrow(BacktestRequestError);
  });

  it("replays both models and compares them with the real outcomes", async () => {
    const queued = await requestBacktest(handle.db, { draftId, months: 6, userId: null });
    expect(queued).toMatchObject({ status: "queued", chunksDone: 0, chunksTotal: CONTACT_RANGES.length, baselineVersionId: publishedId });
    const done = await executeBacktest(handle.db, queued.id);
    expect(done).toMatchObject({ status: "completed", chunksDone: CONTACT_RANGES.length });
    const r = done.result!;
    expect({ population: r.population, customers: r.customers, sqls: r.sqls }).toEqual({ population: 5, customers: 2, sqls: 3 });
    expect(r.overlap).toEqual({ both: 1, onlyBaseline: 0, onlyDraft: 2, onlyDraftObserved: 1 });

    expect(r.baseline).toMatchObject({ version: 900, mqls: 1, observed: 1, sql: 1, customers: 1, precision: 1, recall: 0.5 });
    expect(r.draft).toMatchObject({ version: 901, mqls: 3, observed: 2, sql: 2, customers: 1, recall: 0.5 });
    expect(r.draft.precision).toBeCloseTo(1 / 3, 12);
    expect(r.draft.mqlToSqlRate!.value).toBe(1);
    expect(r.draft.mqlToCustomerRate!.value).toBe(0.5);

    // Readiness = min(fit − 50, peak − threshold). Published: ada 10, bo −10, cy −10, dee −50, fay 10;
    // customers ada and dee against 3 negatives: ada beats bo and cy and ties fay (2.5), dee none → 2.5 / 6.
    expect(r.baseline.rocAuc).toBeCloseTo(2.5 / 6, 12);
    // Draft: ada 10 ties bo, cy and fay (all 10) → 1.5, dee −50 → 0 → 1.5 / 6.
    expect(r.draft.rocAuc).toBeCloseTo(1.5 / 6, 12);

    // Every MQL falls in the months of the window, listed even when empty.
    expect(r.draft.perMonth.reduce((n, m) => n + m.mqls, 0)).toBe(3);
    expect(r.draft.perMonth.map((m) => m.month)).toHaveLength(6);
    expect(r.draft.perMonth.filter((m) => m.mqls > 0).length).toBeLessThanOrEqual(2);
  });

  it("records a failure with its message instead of a result", async () => {
    const queued = await requestBacktest(handle.db, { draftId, months: 6, userId: null });
    await handle.db.execute(sql`update scoring_model_versions set definition = '{"not": "a model"}'::jsonb where id = ${draftId}`);
    await expect(executeBacktest(handle.db, queued.id)).rejects.toThrow();
    const [failed] = await handle.db.select().from(backtests).where(sql`${backtests.id} = ${queued.id}`);
    expect(failed).toMatchObject({ status: "failed", result: null });
    expect(failed!.error).toBeTruthy();
  });
});

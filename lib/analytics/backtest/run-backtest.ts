import "server-only";
import { eq, sql } from "drizzle-orm";
import type PgBoss from "pg-boss";
import { rowsOf, type Database } from "../../../db/client";
import { backtests, scoringModelVersions, type Backtest } from "../../../db/schema";
import { getRunningJobQueue } from "../../jobs/queue";
import { JOB_QUEUES } from "../../jobs/queue-names";
import { scoringModelDefinitionSchema } from "../../scoring/model-schema";
import { loadPublishedModel } from "../../scoring/published-model";
import type { ContactRange } from "../../scoring/sql/contact-range-sql";
import { replayContactsSql } from "../../scoring/sql/replay-sql";
import { reachedStage } from "../stage-reached";
import { addToTally, BACKTEST_SIDES, emptyTally, summarizeTally, type BacktestTally, type MonthCounts, type PopulationCounts, type ReadinessBin } from "./tally";

/** Contact ids split by their first hex digit: sixteen ranges, each a step of the progress bar and a bounded sort. */
export const CONTACT_RANGES: readonly ContactRange[] = Array.from({ length: 16 }, (_, i) => ({
  from: i === 0 ? null : `${i.toString(16)}0000000-0000-0000-0000-000000000000`,
  to: i === 15 ? null : `${(i + 1).toString(16)}0000000-0000-0000-0000-000000000000`,
}));

const RUN_EXPIRES_SECONDS = 2 * 60 * 60;

export class BacktestRequestError extends Error {}

/** The replayed window: the last `months` whole calendar months before the current one, so no month is partial. */
export function backtestWindow(months: number, now = new Date()): { from: Date; until: Date } {
  const until = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const from = new Date(Date.UTC(until.getUTCFullYear(), until.getUTCMonth() - months, 1));
  return { from, until };
}

/** Queues a backtest of a draft against the published model over the last `months` and returns it (the studio follows its progress). */
export async function requestBacktest(db: Database, { draftId, months, userId }: { draftId: string; months: number; userId: string | null }): Promise<Backtest> {
  const [draft] = await db.select().from(scoringModelVersions).where(eq(scoringModelVersions.id, draftId));
  if (!draft) throw new BacktestRequestError("No model version with that id.");
  if (draft.status !== "draft") throw new BacktestRequestError(`v${draft.version} is not a draft: backtest a draft against the model in force.`);
  const published = await loadPublishedModel(db);
  const { from, until } = backtestWindow(months);
  const [backtest] = await db
    .insert(backtests)
    .values({ draftVersionId: draft.id, baselineVersionId: published.id, months, from, until, chunksTotal: CONTACT_RANGES.length, requestedById: userId })
    .returning();
  const queue = getRunningJobQueue();
  if (queue) await queue.boss.send(JOB_QUEUES.backtest, { backtestId: backtest!.id }, { expireInSeconds: RUN_EXPIRES_SECONDS });
  return backtest!;
}

/**
 * One contact range of the backtest: both models replayed over the window, each contact's real
 * outcome beside it (an MQL record that reached SQL or was won, or a stage a CRM reported), then
 * counted by month, by readiness and by overlap. In one transaction, so the scratch table stays on
 * one connection and goes with it.
 */
async function tallyRange(db: Database, backtest: Backtest, models: Parameters<typeof replayContactsSql>[0]["models"], range: ContactRange): Promise<BacktestTally> {
  return db.transaction(async (tx) => {
    // A range's events sorted by contact and time: in memory rather than spilled to disk.
    await tx.execute(sql`set local work_mem = '256MB'`);
    await tx.execute(sql`
      create temp table backtest_range on commit drop as
      select r.*, coalesce(o.observed, false) as observed, coalesce(o.is_sql, false) as is_sql, coalesce(o.is_customer, false) as is_customer
      from (${replayContactsSql({ models, from: backtest.from, until: backtest.until, contactRange: range })}) r
      left join lateral (
        select bool_or(true) as observed, bool_or(x.reached_sql) as is_sql, bool_or(x.won) as is_customer
        from (
          select ${reachedStage.sql} as reached_sql, ${reachedStage.customer} as won from mql_records where mql_records.contact_id = r.contact_id
          union all
          select c.stage in ('sql', 'opportunity', 'customer'), c.stage = 'customer'
          from contacts c where c.id = r.contact_id and c.stage in ('sal', 'sql', 'opportunity', 'customer', 'lost')
        ) x
      ) o on true`);
    const perSide = (build: (side: string) => ReturnType<typeof sql>) => sql.join(BACKTEST_SIDES.map(build), sql` union all `);
    const months = rowsOf<MonthCounts>(
      await tx.execute(
        perSide(
          (side) => sql`
          select ${side} as side, to_char(date_trunc('month', ${sql.raw(`qualified_at_${side}`)}, 'UTC') at time zone 'UTC', 'YYYY-MM') as month,
                 count(*)::int as mqls, (count(*) filter (where observed))::int as observed,
                 (count(*) filter (where is_sql))::int as sql, (count(*) filter (where is_customer))::int as customers
          from backtest_range where ${sql.raw(`qualified_at_${side}`)} is not null group by 2`,
        ),
      ),
    );
    const bins = rowsOf<ReadinessBin>(
      await tx.execute(
        perSide(
          (side) => sql`
          select ${side} as side, round(${sql.raw(`readiness_${side}`)} * 10)::int as bin,
                 (count(*) filter (where is_customer))::int as positives, (count(*) filter (where not is_customer))::int as negatives
          from backtest_range group by 2`,
        ),
      ),
    );
    const [totals] = rowsOf<PopulationCounts>(
      await tx.execute(sql`
        select count(*)::int as population, (count(*) filter (where is_customer))::int as customers, (count(*) filter (where is_sql))::int as sqls,
               (count(*) filter (where qualified_at_baseline is not null and qualified_at_draft is not null))::int as "both",
               (count(*) filter (where qualified_at_baseline is not null and qualified_at_draft is null))::int as "onlyBaseline",
               (count(*) filter (where qualified_at_baseline is null and qualified_at_draft is not null))::int as "onlyDraft",
               (count(*) filter (where qualified_at_baseline is null and qualified_at_draft is not null and observed))::int as "onlyDraftObserved"
        from backtest_range`),
    );
    // Every count is cast to int, which both drivers return as a number.
    return { months, bins, totals: totals! };
  });
}

/** Works a queued backtest through every contact range, saving its progress after each, then its result. */
export async function executeBacktest(db: Database, backtestId: string): Promise<Backtest> {
  const [backtest] = await db
    .update(backtests)
    .set({ status: "running", startedAt: new Date(), chunksDone: 0, error: null })
    .where(eq(backtests.id, backtestId))
    .returning();
  if (!backtest) throw new Error(`No backtest ${backtestId}`);
  try {
    const versions = await db.select().from(scoringModelVersions).where(sql`${scoringModelVersions.id} in (${backtest.baselineVersionId}, ${backtest.draftVersionId})`);
    const version = (id: string) => {
      const v = versions.find((x) => x.id === id);
      if (!v) throw new Error("A model version of this backtest no longer exists");
      return v;
    };
    const baseline = version(backtest.baselineVersionId);
    const draft = version(backtest.draftVersionId);
    const models = [
      { key: "baseline", model: scoringModelDefinitionSchema.parse(baseline.definition) },
      { key: "draft", model: scoringModelDefinitionSchema.parse(draft.definition) },
    ];
    const started = Date.now();
    let tally = emptyTally();
    for (const [i, range] of CONTACT_RANGES.entries()) {
      tally = addToTally(tally, await tallyRange(db, backtest, models, range));
      await db.update(backtests).set({ chunksDone: i + 1 }).where(eq(backtests.id, backtest.id));
    }
    const result = summarizeTally(tally, { baseline, draft, from: backtest.from, until: backtest.until, computedMs: Date.now() - started });
    const [done] = await db.update(backtests).set({ status: "completed", result, finishedAt: new Date() }).where(eq(backtests.id, backtest.id)).returning();
    return done!;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db.update(backtests).set({ status: "failed", error: message, finishedAt: new Date() }).where(eq(backtests.id, backtest.id));
    throw error;
  }
}

/** Creates the backtest queue; with `workers`, runs backtests here, one at a time. */
export async function registerBacktestJobs(boss: PgBoss, { db, workers, pollingIntervalSeconds }: { db: Database; workers: boolean; pollingIntervalSeconds: number }): Promise<Map<string, string[]>> {
  await boss.createQueue(JOB_QUEUES.backtest, { name: JOB_QUEUES.backtest, policy: "singleton", retryLimit: 1, expireInSeconds: RUN_EXPIRES_SECONDS });
  if (!workers) return new Map();
  const worker = await boss.work<{ backtestId: string }>(JOB_QUEUES.backtest, { pollingIntervalSeconds }, async ([job]) => {
    await executeBacktest(db, job!.data.backtestId);
  });
  return new Map([[JOB_QUEUES.backtest, [worker]]]);
}

import "server-only";
import { eq, sql } from "drizzle-orm";
import { rowsOf, type Database } from "../../db/client";
import { scoringModelVersions, scoringRuns, type ScoringRun } from "../../db/schema";
import { getExplorationSettings } from "../../db/queries/exploration-settings";
import { explorationPickSql } from "../calibration/exploration";
import { designateMqls } from "../lifecycle/designate-mqls";
import { qualifyAccounts } from "../lifecycle/qualify-accounts";
import { scoringModelDefinitionSchema, type ScoringModelDefinition } from "./model-schema";
import type { ScoringModel } from "./published-model";
import type { MqlCandidate } from "./rescore-contacts";
import { stopTrackingLiveChanges, swapInContactScores, trackLiveChanges } from "./swap-contact-scores";
import { accountScoresSql, engagedFunctionSql } from "./mqa/account-score-sql";
import { accountFitPointsSql } from "./sql/fit-sql";
import type { ContactRange } from "./sql/contact-range-sql";
import { firstUnsubscribeSql, latestActivitySql, queuedContactsSql } from "./sql/activity-facts-sql";
import { carriedDecaySql, carryPlanOf, recountSql } from "./sql/carried-engagement-sql";
import { contactScorePartsSql, designableSql, mqlVerdictSql, type ScoreContactsOptions } from "./sql/score-contacts-sql";

/** Candidates designated per pass, so that progress moves while thousands become MQLs. */
const DESIGNATION_SLICE = 500;

async function modelOf(db: Database, versionId: string): Promise<ScoringModel> {
  const [row] = await db.select().from(scoringModelVersions).where(eq(scoringModelVersions.id, versionId));
  if (!row) throw new Error(`No model version ${versionId}`);
  return { id: row.id, version: row.version, definition: scoringModelDefinitionSchema.parse(row.definition) };
}

const tableNames = (runId: string) => {
  const suffix = runId.replace(/-/g, "");
  return {
    accountFit: `scoring_run_${suffix}_account_fit`,
    accountScores: `scoring_run_${suffix}_account_scores`,
    engagedContacts: `scoring_run_${suffix}_engaged_contacts`,
    candidates: `scoring_run_${suffix}`,
    recount: `scoring_run_${suffix}_recount`,
    decay: `scoring_run_${suffix}_decay`,
    changes: `scoring_run_${suffix}_changes`,
    next: `contact_scores_${suffix}`,
  };
};
type RunTables = ReturnType<typeof tableNames>;

type StoredVersion = { id: string; definition: ScoringModelDefinition };

/**
 * The model versions some contact's stored row names: as the version of its scores (`scored`) and
 * as the version of its sums (`summed`), in one pass over the rows.
 */
async function storedVersions(db: Database): Promise<{ scored: StoredVersion[]; summed: StoredVersion[] }> {
  const rows = rowsOf<{ id: string; definition: unknown; scored: boolean; summed: boolean }>(
    await db.execute(sql`
      with pairs as (select model_version_id, sums_version_id from contact_scores group by 1, 2)
      select v.id, v.definition,
             exists (select 1 from pairs p where p.model_version_id = v.id) as scored,
             exists (select 1 from pairs p where p.sums_version_id = v.id) as summed
      from scoring_model_versions v
      where v.id in (select model_version_id from pairs union select sums_version_id from pairs)`),
  );
  const versions = rows.flatMap((v) => {
    const parsed = scoringModelDefinitionSchema.safeParse(v.definition);
    return parsed.success ? [{ id: v.id, definition: parsed.data, scored: v.scored, summed: v.summed }] : [];
  });
  return { scored: versions.filter((v) => v.scored), summed: versions.filter((v) => v.summed) };
}

/** The versions whose fit rules are exactly `model`'s: their stored fit scores stand as they are. */
function versionsWithSameFit(versions: StoredVersion[], model: ScoringModel): string[] {
  const rules = JSON.stringify(model.definition.fitRules);
  return versions.filter((v) => JSON.stringify(v.definition.fitRules) === rules).map((v) => v.id);
}

/**
 * Past this share of the contacts to score from their events, a run reads every event in one
 * pass: looking up so many contacts' events one by one would cost more than reading them all.
 */
const MOST_RECOUNT = 0.25;

/** Contacts read from their events past which a carrying run compiles its statements (JIT). */
const JIT_FROM_RECOUNTED = 20_000;

/**
 * Whether the run carries engagement forward from the stored sums (lib/scoring/sql/carried-engagement-sql.ts),
 * and if so from which versions, with the contacts it must score from events in `tables.recount`
 * (those that cannot carry, and those waiting for a refresh). Undefined: every contact is scored
 * from its events — the model counts events differently from every stored version, or too few
 * contacts could carry.
 */
async function carryOf(
  db: Database,
  tables: RunTables,
  model: ScoringModel,
  versions: StoredVersion[],
  at: Date,
): Promise<(NonNullable<ScoreContactsOptions["carry"]> & { recounted: number }) | undefined> {
  const plans = versions.flatMap((v) => carryPlanOf(model.definition, v) ?? []);
  if (plans.length === 0) return undefined;
  await db.execute(sql`create unlogged table ${sql.raw(tables.recount)} as ${recountSql(model.definition, plans, at)}`);
  await db.execute(sql.raw(`analyze ${tables.recount}`));
  const [row] = rowsOf<{ recount: number; total: number }>(
    await db.execute(sql`select (select count(*) from ${sql.raw(tables.recount)})::float8 as recount, (select reltuples from pg_class where oid = 'contact_scores'::regclass)::float8 as total`),
  );
  if (Number(row?.recount) > MOST_RECOUNT * Math.max(1, Number(row?.total))) return undefined;
  // After the recount, from a later snapshot: a row the recount lets carry was written before it
  // (a refresh leaves its contact queued until it has written), so its sums' instant is here.
  await db.execute(sql`create unlogged table ${sql.raw(tables.decay)} as ${carriedDecaySql(model.definition, at)}`);
  await db.execute(sql.raw(`analyze ${tables.decay}`));
  return { plans, recount: sql.raw(tables.recount), decay: sql.raw(tables.decay), recounted: Number(row?.recount) };
}

/**
 * How many statements the run may have in flight at once: the pool's size with PostgreSQL; one
 * with PGlite, whose single connection would interleave them.
 */
function connectionsOf(db: Database): number {
  const max = (db as { $client?: { options?: { max?: unknown } } }).$client?.options?.max;
  return typeof max === "number" && max > 1 ? max : 1;
}

/**
 * How many slices of the contacts the run scores at once, each on a connection of its own: as
 * many as the processes PostgreSQL may give one query (`max_parallel_workers_per_gather`), and
 * one connection of the pool left for the rest.
 */
async function slicesOf(db: Database, connections: number): Promise<number> {
  if (connections < 2) return 1;
  const [row] = rowsOf<{ workers: string }>(await db.execute(sql`select current_setting('max_parallel_workers_per_gather') as workers`));
  return Math.max(1, Math.min(connections - 1, Number(row?.workers) || 1));
}

/**
 * Every result once all have settled — so that none is still running when the run cleans up
 * after a failure — or else the first failure.
 */
async function settled<T extends readonly unknown[]>(...work: { [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const results = await Promise.allSettled(work);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed) throw failed.reason;
  return results.map((r) => (r as PromiseFulfilledResult<unknown>).value) as unknown as T;
}

/** Contacts sampled to split them into slices: enough for even slices, few enough to sort at once. */
const RANGE_SAMPLE = 50_000;

/**
 * `slices` ranges of contact ids that together cover every id, about as many contacts in each:
 * bounded by quantiles of the ids on a sample of the contacts' pages (all of them when there are
 * few). One open range when there is one slice.
 */
async function contactRangesOf(db: Database, slices: number): Promise<ContactRange[]> {
  if (slices < 2) return [{ from: null, to: null }];
  const quantiles = Array.from({ length: slices - 1 }, (_, i) => (i + 1) / slices);
  const [size] = rowsOf<{ rows: number }>(await db.execute(sql`select reltuples::float8 as rows from pg_class where oid = 'contacts'::regclass`));
  const percent = Math.min(100, (100 * RANGE_SAMPLE) / Math.max(1, Number(size?.rows)));
  const [row] = rowsOf<{ bounds: string[] | null }>(
    await db.execute(sql`
      select percentile_disc(${`{${quantiles.join(",")}}`}::float8[]) within group (order by id)::text[] as bounds
      from contacts tablesample system (${percent})`),
  );
  const bounds = [...new Set(row?.bounds ?? [])];
  return [null, ...bounds].map((from, i) => ({ from, to: bounds[i] ?? null }));
}

async function setPhase(db: Database, runId: string, values: Partial<typeof scoringRuns.$inferInsert>) {
  await db.update(scoringRuns).set(values).where(eq(scoringRuns.id, runId));
}

/** The live contact_scores columns a run writes, in the order it writes them. */
const SCORE_COLUMNS = sql.raw(
  "contact_id, fit_score, engagement_score, model_version_id, scored_at, last_activity_at, unsubscribed_at, sums_version_id, sums_at, rule_occurrences, action_last_at, earliest_counted_at",
);

/**
 * Step 1: every contact's scores at the run's instant, written straight into the new
 * contact_scores (`tables.next`, built beside the live one: rewriting a million rows in place
 * would cost a random index insertion per row per index and far more WAL). The account rules'
 * points are evaluated once per account first. Then the contacts are scored in slices of their
 * ids, one statement per slice on a connection of its own, all at once: each reads the events of
 * its slice in one pass — or, when the model counts events as the stored rows' versions did (a
 * new publish that changes weights, the daily decay), only those of the contacts whose stored sums
 * cannot carry forward (`carryOf`) — joins its contacts' fit and thresholds, and writes their rows, with the
 * ones the MQL rule (or the exploration sample) picks in `tables.candidates`. PostgreSQL runs
 * such a statement on one process — it writes — so the slices are what spreads the work over the
 * server's cores; one statement with parallel workers would gather a million groups, and write
 * every row, through its leader alone. Returns how many contacts were scored and how many of
 * their scores changed.
 */
async function computeAll(db: Database, tables: RunTables, model: ScoringModel, at: Date, slices: number): Promise<{ total: number; changed: number; fromEvents: number }> {
  const exploration = await getExplorationSettings(db);
  const ranges = await contactRangesOf(db, slices);
  const decide = async () => {
    const { scored, summed } = await storedVersions(db);
    return { sameFitAs: versionsWithSameFit(scored, model), carry: await carryOf(db, tables, model, summed, at) };
  };
  // The account rules' points once per account: the slices join them when every contact's fit is
  // computed; the account scores read them after.
  const accountFit = () =>
    db.transaction(async (tx) => {
      // A few joins over the accounts: compiling the fit expression costs more than it saves.
      await tx.execute(sql`set local jit = off`);
      await tx.execute(sql`create unlogged table ${sql.raw(tables.accountFit)} as ${accountFitPointsSql(model.definition.fitRules)}`);
      await tx.execute(sql.raw(`create unique index on ${tables.accountFit} (account_id)`));
      await tx.execute(sql.raw(`analyze ${tables.accountFit}`));
    });
  const prepare = () =>
    db.transaction(async (tx) => {
      // Same columns, defaults and NOT NULLs as the live table; indexes come after the rows.
      await tx.execute(sql.raw(`create table ${tables.next} (like contact_scores including defaults)`));
      await tx.execute(sql`
        create unlogged table ${sql.raw(tables.candidates)} (
          contact_id uuid not null, fit float8 not null, engagement float8 not null, fit_threshold float8 not null, engagement_threshold float8 not null,
          segment text, meets_thresholds boolean not null, qualifying_action text, exploration_share float8)`);
      await tx.execute(sql`create unlogged table ${sql.raw(tables.engagedContacts)} (account_id uuid not null, engagement float8 not null, job_function text)`);
    });
  // Deciding what carries, preparing the tables and the accounts' points, at once when the slices
  // have connections to spare. When the stored fit carries, the few contacts that compute theirs
  // evaluate their account's rules themselves, so the slices need not wait for the accounts' points.
  let accountFitDone: Promise<void>;
  let decided: Awaited<ReturnType<typeof decide>>;
  if (slices > 1) {
    accountFitDone = accountFit();
    try {
      [decided] = await settled(decide(), prepare());
    } catch (error) {
      await accountFitDone.catch(() => {}); // settled before the run cleans up
      throw error;
    }
    if (decided.sameFitAs.length === 0) await accountFitDone;
  } else {
    decided = await decide();
    await prepare();
    await (accountFitDone = accountFit());
  }
  const { sameFitAs, carry } = decided;
  const accountFitFrom = sameFitAs.length === 0 ? sql.raw(tables.accountFit) : undefined;
  const explore = explorationPickSql(exploration, at);
  const scoreSlice = (contactRange: ContactRange) =>
    db.transaction(async (tx) => {
      // Each slice's groups of aggregates hashed in memory; JIT pays off over its events, but
      // inlining PostgreSQL's own functions into the long expressions costs more to compile than it
      // saves (about half a second a slice). The slices are the parallelism: no workers on top.
      await tx.execute(sql`set local work_mem = '256MB'`);
      // Compiling the statement costs about a second: worth it over millions of events, not
      // when the scores carry forward and few contacts' events are read.
      await tx.execute(sql.raw(`set local jit = ${!carry || carry.recounted > JIT_FROM_RECOUNTED ? "on" : "off"}`));
      await tx.execute(sql`set local jit_inline_above_cost = -1`);
      await tx.execute(sql`set local max_parallel_workers_per_gather = 0`);
      const parts = contactScorePartsSql({ model: model.definition, at, contactRange, accountFitFrom, sameFitAs, carry });
      const [row] = rowsOf<{ total: number; changed: number }>(
        await tx.execute(sql`
          with x as materialized (select p.*, ${mqlVerdictSql(model.definition, "p")} from (${parts} offset 0) p),
          written as (
            insert into ${sql.raw(tables.next)} (${SCORE_COLUMNS})
            select x.contact_id, x.fit, x.engagement, ${model.id}::uuid, ${at.toISOString()}::timestamptz,
                   -- A contact waiting for its refresh has events its stored facts miss, and the
                   -- refresh's own write may come too late for the swap to keep: read them here.
                   case when q.contact_id is null then x.last_activity_at else ${latestActivitySql(sql`x.contact_id`)} end,
                   case when q.contact_id is null then x.unsubscribed_at else coalesce(x.unsubscribed_at, ${firstUnsubscribeSql(sql`x.contact_id`)}) end,
                   coalesce(x.carried_sums_version_id, ${model.id}::uuid), coalesce(x.carried_sums_at, ${at.toISOString()}::timestamptz),
                   x.rule_occurrences, x.action_last_at, x.earliest_counted_at
            from x left join (${queuedContactsSql}) q on q.contact_id = x.contact_id
          ),
          picked as (
            insert into ${sql.raw(tables.candidates)}
            select contact_id, fit, engagement, fit_threshold, engagement_threshold, segment, meets_thresholds, qualifying_action,
                   case when ${explore} then ${exploration.share}::float8 end
            from x where (meets_thresholds or qualifying_action is not null or ${explore}) and ${designableSql(sql`x`, model.definition, at)}
              -- Sums taken after the run's instant: an ingest refresh rescored the contact since
              -- the run decided what carries, and designates it itself (the swap keeps its row).
              and (x.carried_sums_at is null or x.carried_sums_at <= ${at.toISOString()}::timestamptz)
          ),
          engaged as (
            insert into ${sql.raw(tables.engagedContacts)}
            select account_id, engagement::real::float8, ${engagedFunctionSql(sql`job_function`)} from x where account_id is not null
          )
          select count(*)::int as total,
                 count(*) filter (where fit::real is distinct from stored_fit or engagement::real is distinct from stored_engagement
                                     or stored_model_version_id is distinct from ${model.id}::uuid)::int as changed
          from x`),
      );
      return { total: Number(row?.total ?? 0), changed: Number(row?.changed ?? 0) };
    });
  const [counts] = await settled(settled(...ranges.map(scoreSlice)), accountFitDone);
  // The tables written are analyzed by the steps that read them (the new contact_scores as the
  // swap begins), each on its own path rather than all before any of them starts.
  const total = counts.reduce((n, c) => n + c.total, 0);
  return { total, changed: counts.reduce((n, c) => n + c.changed, 0), fromEvents: carry ? Math.min(total, carry.recounted) : total };
}

/**
 * Every account's score from the engagement and account fit points the run computed, as a CREATE
 * TABLE AS — a plain query, which PostgreSQL may run on parallel workers and plans apart (a
 * statement with data-modifying CTEs, as the MQA rule's, never is parallel).
 */
async function computeAccountScores(db: Database, tables: RunTables, model: ScoringModel) {
  await db.transaction(async (tx) => {
    // Every account at once ranks every contact: sort it in memory rather than on disk.
    await tx.execute(sql`set local work_mem = '256MB'`);
    // Planner statistics for the engaged contacts the slices wrote: a fresh table has none.
    await tx.execute(sql.raw(`analyze ${tables.engagedContacts}`));
    await tx.execute(sql`
      create unlogged table ${sql.raw(tables.accountScores)} as
      ${accountScoresSql(model.definition, undefined, { engagedContactsFrom: sql.raw(tables.engagedContacts), accountFitFrom: sql.raw(tables.accountFit) })}`);
    await tx.execute(sql.raw(`analyze ${tables.accountScores}`));
  });
}

/**
 * Step 2: the contacts the MQL rule now qualifies, designated a slice at a time — until `stopped`
 * says the run failed beside it. They are re-read with their stage: a rep may have acted on one
 * since it was scored.
 */
async function designateQualified(db: Database, runId: string, tables: RunTables, model: ScoringModel, at: Date, stopped = () => false): Promise<number> {
  await db.execute(sql.raw(`analyze ${tables.candidates}`));
  const candidates = rowsOf<MqlCandidate>(
    await db.execute(sql`
      select x.*, c.stage from ${sql.raw(tables.candidates)} x join contacts c on c.id = x.contact_id
      where ${designableSql(sql`c`, model.definition, at)}
      order by x.contact_id`),
  );
  await setPhase(db, runId, { phase: "designating", candidateMqls: candidates.length });
  let designated = 0;
  for (let i = 0; i < candidates.length && !stopped(); i += DESIGNATION_SLICE) {
    designated += (await designateMqls(db, candidates.slice(i, i + DESIGNATION_SLICE), { model, at })).length;
    await setPhase(db, runId, { designatedMqls: designated, processedCandidates: Math.min(candidates.length, i + DESIGNATION_SLICE) });
  }
  return designated;
}

async function dropWorkingTables(db: Database, tables: RunTables) {
  await stopTrackingLiveChanges(db, { changes: tables.changes });
  for (const table of Object.values(tables)) await db.execute(sql.raw(`drop table if exists ${table}`));
}

/**
 * Rescores every contact under the run's model version (PRODUCT.md §5: on publish, and daily for
 * decay): computes all scores — carried forward from the stored sums where the model counts events
 * as a stored version did, else in one pass over the events per slice of the contacts — writes them
 * as a new contact_scores swapped in for the old (keeping any contact rescored meanwhile),
 * designates the contacts that now qualify and requalifies the accounts. Its phases and counts are
 * recorded for the progress bar; `onStep` hears how long each step took (and, for the scores, how
 * many contacts were scored from their events rather than carried forward). Started again after a
 * failure or a crash, it starts over: rescoring is idempotent.
 */
export async function executeScoringRun(
  db: Database,
  runId: string,
  { onStep }: { onStep?: (step: string, seconds: number, note?: string) => void } = {},
): Promise<ScoringRun> {
  const timed = async <T>(name: string, work: () => Promise<T>, note?: (result: T) => string): Promise<T> => {
    const start = performance.now();
    const result = await work();
    onStep?.(name, (performance.now() - start) / 1000, note?.(result));
    return result;
  };
  const [run] = await db
    .update(scoringRuns)
    .set({ status: "running", phase: "computing", startedAt: new Date(), totalContacts: null, changedContacts: 0, candidateMqls: null, processedCandidates: 0, designatedMqls: 0, error: null, finishedAt: null })
    .where(eq(scoringRuns.id, runId))
    .returning();
  if (!run) throw new Error(`No scoring run ${runId}`);
  const tables = tableNames(run.id);
  try {
    // What a run left behind if it stopped (it starts over), then the record of the live table's
    // changes — begun before the run's instant, so that every write of a later instant is recorded.
    await dropWorkingTables(db, tables);
    await trackLiveChanges(db, { changes: tables.changes });
    const at = new Date();
    await setPhase(db, run.id, { scoredAt: at });
    const model = await modelOf(db, run.modelVersionId);
    const connections = connectionsOf(db);
    const slices = await slicesOf(db, connections);
    const { total, changed } = await timed(
      "scores",
      () => computeAll(db, tables, model, at, slices),
      (r) => `${r.fromEvents.toLocaleString("en")} of ${r.total.toLocaleString("en")} from their events`,
    );
    await setPhase(db, run.id, { phase: "writing", totalContacts: total, changedContacts: changed });
    const accountScores = () => timed("account scores", () => computeAccountScores(db, tables, model));
    const swap = (concurrency: number) => timed("indexes and swap", () => swapInContactScores(db, { next: tables.next, changes: tables.changes, maintenanceWorkMem: "256MB", at, concurrency }));
    const designation = (stopped?: () => boolean) => timed("designate MQLs", () => designateQualified(db, run.id, tables, model, at, stopped));
    const accounts = () => timed("qualify accounts", () => qualifyAccounts(db, { model, at, scope: "all", scoresFrom: tables.accountScores }));
    if (connections > 1) {
      // Three things at once on the pool, each reading only the run's own tables. The new
      // contact_scores is indexed and swapped in. The accounts are scored and qualified: the MQA
      // rule writes account scores, MQAs and their notifications. And the candidates are
      // designated: contacts' stages, MQL records and routing — never contact_scores. The swap's
      // exclusive locks wait for at most one designation transaction, which never waits for the
      // swap holding one the swap needs (the swap yields its locks when it cannot get them all).
      // Designation stops at its next slice if the swap fails: the MQLs would rest on scores that
      // never went live.
      let swapFailed = false;
      await settled(
        swap(Math.max(1, connections - 2)).catch((error: unknown) => {
          swapFailed = true;
          throw error;
        }),
        accountScores().then(accounts),
        designation(() => swapFailed),
      );
    } else {
      await accountScores();
      await swap(1);
      await designation();
      await accounts();
    }
    await dropWorkingTables(db, tables);
    const [done] = await db.update(scoringRuns).set({ status: "completed", phase: null, finishedAt: new Date() }).where(eq(scoringRuns.id, run.id)).returning();
    return done!;
  } catch (error) {
    await setPhase(db, run.id, { status: "failed", finishedAt: new Date(), error: (error as Error).message.slice(0, 2000) });
    await dropWorkingTables(db, tables).catch(() => {});
    throw error;
  }
}

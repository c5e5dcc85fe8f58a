import "server-only";
import { eq, sql } from "drizzle-orm";
import { rowsOf, type Database } from "../../db/client";
import { scoringModelVersions, scoringRuns, type ScoringRun } from "../../db/schema";
import { getExplorationSettings } from "../../db/queries/exploration-settings";
import { explorationPickSql } from "../calibration/exploration";
import { designateMqls } from "../lifecycle/designate-mqls";
import { qualifyAccounts } from "../lifecycle/qualify-accounts";
import { scoringModelDefinitionSchema } from "./model-schema";
import type { ScoringModel } from "./published-model";
import type { MqlCandidate } from "./rescore-contacts";
import { swapInContactScores } from "./swap-contact-scores";
import { accountScoresSql } from "./mqa/account-score-sql";
import { accountFitPointsSql } from "./sql/fit-sql";
import { contactScorePartsSql, engagementByContactSql, mqlVerdictSql } from "./sql/score-contacts-sql";

const DAY_MS = 86_400_000;
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
    engagement: `scoring_run_${suffix}_engagement`,
    accountFit: `scoring_run_${suffix}_account_fit`,
    accountScores: `scoring_run_${suffix}_account_scores`,
    computed: `scoring_run_${suffix}`,
    next: `contact_scores_${suffix}`,
  };
};
type RunTables = ReturnType<typeof tableNames>;

/** The versions whose fit rules are exactly `model`'s: their stored fit scores stand as they are. */
async function versionsWithSameFit(db: Database, model: ScoringModel): Promise<string[]> {
  const versions = await db.select({ id: scoringModelVersions.id, definition: scoringModelVersions.definition }).from(scoringModelVersions);
  const rules = JSON.stringify(model.definition.fitRules);
  return versions.filter((v) => JSON.stringify(scoringModelDefinitionSchema.safeParse(v.definition).data?.fitRules) === rules).map((v) => v.id);
}

/**
 * How many statements the run may have in flight at once: the pool's size with PostgreSQL; one
 * with PGlite, whose single connection would interleave them.
 */
function connectionsOf(db: Database): number {
  const max = (db as { $client?: { options?: { max?: unknown } } }).$client?.options?.max;
  return typeof max === "number" && max > 1 ? max : 1;
}

async function setPhase(db: Database, runId: string, values: Partial<typeof scoringRuns.$inferInsert>) {
  await db.update(scoringRuns).set(values).where(eq(scoringRuns.id, runId));
}

/**
 * Step 1: every contact's scores at the run's instant. First one pass over the events table,
 * grouped by contact, and the account rules' points once per account; then the contacts with
 * their fit, engagement and thresholds (the MQL rule's verdict is read from those columns when
 * the candidates are picked). Each is a CREATE TABLE AS, which PostgreSQL runs on parallel
 * workers where it can (an INSERT … SELECT never is), into unlogged working tables of the run.
 */
async function computeAll(db: Database, tables: RunTables, model: ScoringModel, at: Date, step: (name: string) => void): Promise<number> {
  const sameFitAs = await versionsWithSameFit(db, model);
  await db.transaction(async (tx) => {
    // A million groups of aggregates: let the hash aggregate work in memory. JIT pays off here.
    await tx.execute(sql`set local work_mem = '256MB'`);
    await tx.execute(sql`set local jit = on`);
    for (const table of [tables.engagement, tables.accountFit, tables.computed]) await tx.execute(sql.raw(`drop table if exists ${table}`));
    await tx.execute(sql`create unlogged table ${sql.raw(tables.engagement)} as ${engagementByContactSql({ model: model.definition, at })}`);
    // Statistics of the fresh table: without them the planner guesses its size and has every
    // parallel worker hash all contacts on its own, which doubles the next step's time.
    await tx.execute(sql.raw(`analyze ${tables.engagement}`));
    step("engagement aggregate");
    // The contacts step is a few joins: compiling its long fit expression in every worker costs
    // more than it saves.
    await tx.execute(sql`set local jit = off`);
    await tx.execute(sql`create unlogged table ${sql.raw(tables.accountFit)} as ${accountFitPointsSql(model.definition.fitRules)}`);
    await tx.execute(sql.raw(`analyze ${tables.accountFit}`));
    await tx.execute(sql`
      create unlogged table ${sql.raw(tables.computed)} as
      ${contactScorePartsSql({ model: model.definition, at, engagementFrom: sql.raw(tables.engagement), accountFitFrom: sql.raw(tables.accountFit), sameFitAs })}`);
  });
  step("fit and verdict");
  const [row] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from ${sql.raw(tables.computed)}`));
  return row?.n ?? 0;
}

/**
 * Step 2: the new contact_scores, built in bulk beside the live one — its rows written at once,
 * its indexes sorted once — then swapped in. Rewriting a million rows in place would cost a
 * random index insertion per row per index and far more WAL. Index builds use at most
 * `concurrency` connections. Returns how many scores changed.
 */
async function buildScores(db: Database, tables: RunTables, model: ScoringModel, at: Date, step: (name: string) => void, concurrency: number): Promise<number> {
  const write = async () => {
    await db.transaction(async (tx) => {
      await tx.execute(sql.raw(`drop table if exists ${tables.next}`));
      // Same columns, defaults and NOT NULLs as the live table; indexes come after the rows.
      await tx.execute(sql.raw(`create table ${tables.next} (like contact_scores including defaults)`));
      await tx.execute(sql`
        insert into ${sql.raw(tables.next)} (contact_id, fit_score, engagement_score, model_version_id, scored_at, last_activity_at, unsubscribed_at)
        select contact_id, fit, engagement, ${model.id}::uuid, ${at.toISOString()}::timestamptz, last_activity_at, unsubscribed_at
        from ${sql.raw(tables.computed)}`);
    });
    // Planner statistics before the table goes live: a fresh table has none.
    await db.execute(sql.raw(`analyze ${tables.next}`));
  };
  // The count reads only the run's computed table: on a pool, beside the copy's writing.
  const countChanged = async () => {
    const [row] = rowsOf<{ n: number }>(
      await db.execute(sql`
        select count(*)::int as n from ${sql.raw(tables.computed)}
        where fit::real is distinct from stored_fit or engagement::real is distinct from stored_engagement or stored_model_version_id is distinct from ${model.id}::uuid`),
    );
    return row?.n ?? 0;
  };
  let changed: number;
  if (concurrency > 1) [, changed] = await Promise.all([write(), countChanged()]);
  else {
    await write();
    changed = await countChanged();
  }
  step("new contact_scores rows");
  await swapInContactScores(db, { next: tables.next, maintenanceWorkMem: "256MB", at, concurrency });
  step("indexes and swap");
  return changed;
}

/**
 * Step 4: every account's score from the run's own contact scores and account fit points, as a
 * CREATE TABLE AS — a plain query, which PostgreSQL may run on parallel workers and plans apart
 * (a statement with data-modifying CTEs, as the MQA rule's, never is parallel) — then the MQA rule
 * applied over those rows. Accounts rescored meanwhile are requalified by their own rescoring.
 */
async function qualifyAllAccounts(db: Database, tables: RunTables, model: ScoringModel, at: Date) {
  await db.transaction(async (tx) => {
    // Every account at once ranks every contact: sort it in memory rather than on disk.
    await tx.execute(sql`set local work_mem = '256MB'`);
    await tx.execute(sql.raw(`drop table if exists ${tables.accountScores}`));
    await tx.execute(sql`
      create unlogged table ${sql.raw(tables.accountScores)} as
      ${accountScoresSql(model.definition, undefined, { contactScoresFrom: sql.raw(tables.computed), accountFitFrom: sql.raw(tables.accountFit) })}`);
    await tx.execute(sql.raw(`analyze ${tables.accountScores}`));
  });
  return qualifyAccounts(db, { model, at, scope: "all", scoresFrom: tables.accountScores });
}

/** Step 3: the contacts the MQL rule now qualifies, designated a slice at a time. */
async function designateQualified(db: Database, runId: string, table: string, model: ScoringModel, at: Date): Promise<number> {
  const cooledSince = new Date(at.getTime() - model.definition.halfLifeDays * DAY_MS).toISOString();
  const exploration = await getExplorationSettings(db);
  const explore = explorationPickSql(exploration, at);
  const candidates = rowsOf<MqlCandidate>(
    await db.execute(sql`
      select x.contact_id, x.fit, x.engagement, x.fit_threshold, x.engagement_threshold, x.segment, x.meets_thresholds, x.qualifying_action, c.stage,
             case when ${explore} then ${exploration.share}::float8 end as exploration_share
      from (select p.*, ${mqlVerdictSql(model.definition, "p")} from ${sql.raw(table)} p) x join contacts c on c.id = x.contact_id
      where (x.meets_thresholds or x.qualifying_action is not null or ${explore})
        and (c.stage = 'lead' or (c.stage = 'recycled' and c.stage_changed_at <= ${cooledSince}::timestamptz))
      order by x.contact_id`),
  );
  await setPhase(db, runId, { phase: "designating", candidateMqls: candidates.length });
  let designated = 0;
  for (let i = 0; i < candidates.length; i += DESIGNATION_SLICE) {
    designated += (await designateMqls(db, candidates.slice(i, i + DESIGNATION_SLICE), { model, at })).length;
    await setPhase(db, runId, { designatedMqls: designated, processedCandidates: Math.min(candidates.length, i + DESIGNATION_SLICE) });
  }
  return designated;
}

async function dropWorkingTables(db: Database, runId: string) {
  for (const table of Object.values(tableNames(runId))) await db.execute(sql.raw(`drop table if exists ${table}`));
}

/**
 * Rescores every contact under the run's model version (PRODUCT.md §5: on publish, and daily for
 * decay): computes all scores in one pass over the events, writes them as a new contact_scores
 * swapped in for the old (keeping any contact rescored meanwhile), then designates the contacts
 * that now qualify. Its phases and counts are recorded for the progress bar. Started again after
 * a failure or a crash, it starts over: rescoring is idempotent.
 */
export async function executeScoringRun(
  db: Database,
  runId: string,
  { onStep }: { onStep?: (step: string, seconds: number) => void } = {},
): Promise<ScoringRun> {
  let stepStart = performance.now();
  const step = (name: string) => {
    onStep?.(name, (performance.now() - stepStart) / 1000);
    stepStart = performance.now();
  };
  const at = new Date();
  const [run] = await db
    .update(scoringRuns)
    .set({ status: "running", phase: "computing", startedAt: at, scoredAt: at, totalContacts: null, changedContacts: 0, candidateMqls: null, processedCandidates: 0, designatedMqls: 0, error: null, finishedAt: null })
    .where(eq(scoringRuns.id, runId))
    .returning();
  if (!run) throw new Error(`No scoring run ${runId}`);
  const tables = tableNames(run.id);
  try {
    const model = await modelOf(db, run.modelVersionId);
    const total = await computeAll(db, tables, model, at, step);
    await setPhase(db, run.id, { phase: "writing", totalContacts: total });
    const timed = async (name: string, work: () => Promise<unknown>) => {
      const start = performance.now();
      await work();
      onStep?.(name, (performance.now() - start) / 1000);
    };
    const designation = () => timed("designate MQLs", () => designateQualified(db, run.id, tables.computed, model, at));
    const accounts = () => timed("qualify accounts", () => qualifyAllAccounts(db, tables, model, at));
    const connections = connectionsOf(db);
    if (connections > 1) {
      // The accounts' scores are computed from the run's own tables (its contacts and account fit
      // points), and the MQA rule writes account scores, MQAs and their notifications — never
      // contact_scores, whose state mid-swap nothing of it reads. On a pool the accounts are
      // qualified on a connection of their own while the new contact_scores is written, indexed and
      // swapped in, then beside designating (contacts' stages and MQL records: different rows).
      const accountsDone = accounts();
      // Awaited below, also when the steps beside it fail: the working tables are dropped after.
      const settled = accountsDone.then(
        () => undefined,
        () => undefined,
      );
      try {
        const changed = await buildScores(db, tables, model, at, step, connections - 1);
        await setPhase(db, run.id, { changedContacts: changed });
        await designation();
      } catch (error) {
        await settled;
        throw error;
      }
      await accountsDone;
    } else {
      const changed = await buildScores(db, tables, model, at, step, 1);
      await setPhase(db, run.id, { changedContacts: changed });
      await designation();
      await accounts();
    }
    stepStart = performance.now();
    await dropWorkingTables(db, run.id);
    const [done] = await db.update(scoringRuns).set({ status: "completed", phase: null, finishedAt: new Date() }).where(eq(scoringRuns.id, run.id)).returning();
    return done!;
  } catch (error) {
    await setPhase(db, run.id, { status: "failed", finishedAt: new Date(), error: (error as Error).message.slice(0, 2000) });
    await dropWorkingTables(db, run.id).catch(() => {});
    throw error;
  }
}

import "server-only";
import { eq, sql } from "drizzle-orm";
import { rowsOf, type Database } from "../../db/client";
import { scoringModelVersions, scoringRuns, type ScoringRun } from "../../db/schema";
import { designateMqls } from "../lifecycle/designate-mqls";
import { scoringModelDefinitionSchema } from "./model-schema";
import type { ScoringModel } from "./published-model";
import type { MqlCandidate } from "./rescore-contacts";
import { scoreContactsSql } from "./sql/score-contacts-sql";

const DAY_MS = 86_400_000;

/** Contacts applied per slice: progress moves in these steps, and no transaction holds more. */
export const RUN_SLICE = 10_000;

async function modelOf(db: Database, versionId: string): Promise<ScoringModel> {
  const [row] = await db.select().from(scoringModelVersions).where(eq(scoringModelVersions.id, versionId));
  if (!row) throw new Error(`No model version ${versionId}`);
  return { id: row.id, version: row.version, definition: scoringModelDefinitionSchema.parse(row.definition) };
}

/**
 * Step 1: every contact's scores at the run's instant, in one statement — one pass over the
 * events table, grouped by contact — into the run's working rows, numbered for slicing.
 */
async function computeAll(db: Database, run: ScoringRun, model: ScoringModel, at: Date): Promise<number> {
  return db.transaction(async (tx) => {
    // A million groups of aggregates: let the hash aggregate work in memory. JIT pays off here.
    await tx.execute(sql`set local work_mem = '256MB'`);
    await tx.execute(sql`set local jit = on`);
    await tx.execute(sql`delete from scoring_run_results where run_id = ${run.id}::uuid`);
    const [row] = rowsOf<{ n: number }>(
      await tx.execute(sql`
        with inserted as (
          insert into scoring_run_results (run_id, seq, contact_id, fit, engagement, fit_threshold, engagement_threshold, segment, meets_thresholds, qualifying_action)
          select ${run.id}::uuid, row_number() over (order by s.contact_id), s.contact_id, s.fit, s.engagement, s.fit_threshold,
                 s.engagement_threshold, s.segment, s.meets_thresholds, s.qualifying_action
          from (${scoreContactsSql({ model: model.definition, at })}) s
          returning 1
        )
        select count(*)::int as n from inserted`),
    );
    return row?.n ?? 0;
  });
}

/**
 * Step 2, one slice: stores the scores that changed — unless the contact was rescored after the
 * run's instant (an event arrived meanwhile: that newer score stands) — and returns the contacts
 * the MQL rule now qualifies.
 */
async function applySlice(db: Database, run: ScoringRun, model: ScoringModel, at: Date, from: number, to: number) {
  const slice = sql`select * from scoring_run_results where run_id = ${run.id}::uuid and seq > ${from} and seq <= ${to}`;
  const [written] = rowsOf<{ n: number }>(
    await db.execute(sql`
      with x as (${slice}), written as (
        update contact_scores s set fit_score = x.fit, engagement_score = x.engagement, model_version_id = ${model.id}::uuid, scored_at = ${at.toISOString()}::timestamptz
        from x
        where s.contact_id = x.contact_id
          and (s.scored_at is null or s.scored_at <= ${at.toISOString()}::timestamptz)
          and (s.fit_score is distinct from x.fit::real or s.engagement_score is distinct from x.engagement::real or s.model_version_id is distinct from ${model.id}::uuid)
        returning 1
      )
      select count(*)::int as n from written`),
  );
  const cooledSince = new Date(at.getTime() - model.definition.halfLifeDays * DAY_MS).toISOString();
  const candidates = rowsOf<MqlCandidate>(
    await db.execute(sql`
      select x.contact_id, x.fit, x.engagement, x.fit_threshold, x.engagement_threshold, x.segment, x.meets_thresholds, x.qualifying_action, c.stage
      from (${slice}) x join contacts c on c.id = x.contact_id
      where (x.meets_thresholds or x.qualifying_action is not null)
        and (c.stage = 'lead' or (c.stage = 'recycled' and c.stage_changed_at <= ${cooledSince}::timestamptz))`),
  );
  return { changed: written?.n ?? 0, candidates };
}

/**
 * Rescores every contact under the run's model version (PRODUCT.md §5: on publish, and daily
 * for decay): computes all scores in one pass, then applies them a slice at a time, designating
 * the contacts that now qualify, and records progress after each slice. Started again after a
 * failure or a crash, it simply starts over: rescoring is idempotent.
 */
export async function executeScoringRun(db: Database, runId: string, { sliceSize = RUN_SLICE }: { sliceSize?: number } = {}): Promise<ScoringRun> {
  const at = new Date();
  const [run] = await db
    .update(scoringRuns)
    .set({ status: "running", startedAt: at, scoredAt: at, processedContacts: 0, changedContacts: 0, designatedMqls: 0, error: null })
    .where(eq(scoringRuns.id, runId))
    .returning();
  if (!run) throw new Error(`No scoring run ${runId}`);
  try {
    const model = await modelOf(db, run.modelVersionId);
    const total = await computeAll(db, run, model, at);
    await db.update(scoringRuns).set({ totalContacts: total }).where(eq(scoringRuns.id, run.id));
    let changed = 0;
    let designated = 0;
    for (let from = 0; from < total; from += sliceSize) {
      const to = Math.min(total, from + sliceSize);
      const slice = await applySlice(db, run, model, at, from, to);
      changed += slice.changed;
      if (slice.candidates.length) designated += (await designateMqls(db, slice.candidates, { model, at })).length;
      await db.update(scoringRuns).set({ processedContacts: to, changedContacts: changed, designatedMqls: designated }).where(eq(scoringRuns.id, run.id));
    }
    await db.execute(sql`delete from scoring_run_results where run_id = ${run.id}::uuid`);
    const [done] = await db.update(scoringRuns).set({ status: "completed", finishedAt: new Date() }).where(eq(scoringRuns.id, run.id)).returning();
    return done!;
  } catch (error) {
    await db
      .update(scoringRuns)
      .set({ status: "failed", finishedAt: new Date(), error: (error as Error).message.slice(0, 2000) })
      .where(eq(scoringRuns.id, run.id));
    await db.execute(sql`delete from scoring_run_results where run_id = ${run.id}::uuid`);
    throw error;
  }
}

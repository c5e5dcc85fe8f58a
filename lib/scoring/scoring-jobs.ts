import "server-only";
import type PgBoss from "pg-boss";
import type { Database } from "../../db/client";
import { scoringRuns, type ScoringRun } from "../../db/schema";
import { getRunningJobQueue } from "../jobs/queue";
import { JOB_QUEUES } from "../jobs/queue-names";
import { loadPublishedModel } from "./published-model";
import { executeScoringRun } from "./scoring-run";

type RunJob = { runId: string };

/** Longest a run may take before pg-boss hands it to another worker: a million contacts take minutes. */
const RUN_EXPIRES_SECONDS = 4 * 60 * 60;

/**
 * Queues a rescoring of every contact under `modelVersionId` and returns its run (which the
 * scoring page follows). Runs go one at a time, in the order asked for.
 */
export async function requestScoringRun(
  db: Database,
  input: { modelVersionId: string; reason: ScoringRun["reason"]; requestedById?: string | null },
): Promise<ScoringRun> {
  const [run] = await db
    .insert(scoringRuns)
    .values({ modelVersionId: input.modelVersionId, reason: input.reason, requestedById: input.requestedById ?? null })
    .returning();
  const queue = getRunningJobQueue();
  if (queue) await queue.boss.send(JOB_QUEUES.scoringRun, { runId: run!.id } satisfies RunJob, { expireInSeconds: RUN_EXPIRES_SECONDS });
  return run!;
}

/** Creates the rescoring queues; with `workers`, runs them here, and rescores everyone every night for decay. */
export async function registerScoringJobs(
  boss: PgBoss,
  { db, workers, pollingIntervalSeconds }: { db: Database; workers: boolean; pollingIntervalSeconds: number },
): Promise<Map<string, string[]>> {
  // "singleton": one run at a time; the others wait their turn.
  await boss.createQueue(JOB_QUEUES.scoringRun, { name: JOB_QUEUES.scoringRun, policy: "singleton", retryLimit: 2, expireInSeconds: RUN_EXPIRES_SECONDS });
  await boss.createQueue(JOB_QUEUES.scoringDaily, { name: JOB_QUEUES.scoringDaily, policy: "short" });
  if (!workers) return new Map();
  const runWorker = await boss.work<RunJob>(JOB_QUEUES.scoringRun, { pollingIntervalSeconds }, async ([job]) => {
    await executeScoringRun(db, job!.data.runId);
  });
  const dailyWorker = await boss.work(JOB_QUEUES.scoringDaily, { pollingIntervalSeconds }, async () => {
    const model = await loadPublishedModel(db);
    await requestScoringRun(db, { modelVersionId: model.id, reason: "daily" });
  });
  // Engagement decays every day; 03:00 UTC is a quiet hour for most teams.
  await boss.schedule(JOB_QUEUES.scoringDaily, "0 3 * * *");
  return new Map([
    [JOB_QUEUES.scoringRun, [runWorker]],
    [JOB_QUEUES.scoringDaily, [dailyWorker]],
  ]);
}

import type PgBoss from "pg-boss";
import type { Database } from "../../db/client";
import { getRunningJobQueue } from "../jobs/queue";
import { JOB_QUEUES } from "../jobs/queue-names";
import { refreshQueuedContacts } from "./refresh-contacts";

const SET_SIZE = 5000;

/** Creates the contact-refresh queue; with `workers`, drains the refresh queue here every time it is asked, and every minute. */
export async function registerContactRefreshJobs(
  boss: PgBoss,
  { db, workers, pollingIntervalSeconds, assertRunning }: { db: Database; workers: boolean; pollingIntervalSeconds: number; assertRunning: () => void },
): Promise<Map<string, string[]>> {
  // "short": while one refresh waits, asking again adds nothing — a burst of ingest batches is one job.
  await boss.createQueue(JOB_QUEUES.contactRefresh, { name: JOB_QUEUES.contactRefresh, policy: "short", retryLimit: 3 });
  if (!workers) return new Map();
  const id = await boss.work(JOB_QUEUES.contactRefresh, { pollingIntervalSeconds }, async () => {
    assertRunning();
    while ((await refreshQueuedContacts(db, { limit: SET_SIZE })) === SET_SIZE) assertRunning();
  });
  await boss.schedule(JOB_QUEUES.contactRefresh, "* * * * *");
  await boss.send(JOB_QUEUES.contactRefresh, {});
  return new Map([[JOB_QUEUES.contactRefresh, [id]]]);
}

/** Asks for a refresh soon (ingest calls it after each batch); without a running queue the minute schedule catches up. */
export async function requestContactRefresh(): Promise<void> {
  const queue = getRunningJobQueue();
  if (!queue) return;
  await queue.boss.send(JOB_QUEUES.contactRefresh, {});
  queue.wake(JOB_QUEUES.contactRefresh);
}

import type PgBoss from "pg-boss";
import type { Database } from "../../db/client";
import { getRunningJobQueue } from "../jobs/queue";
import { JOB_QUEUES } from "../jobs/queue-names";
import { drainRefreshQueue } from "./refresh-contacts";

/** Queue rows (ingest batches) one pass of the drain takes. */
const DRAIN_ENTRIES = 200;

/**
 * A refresh starts this long after it is first asked for: ingest asks after every batch, and the
 * wait lets a burst of batches for the same people become one refresh of each person.
 */
export const REFRESH_MIN_DELAY_SECONDS = 2;

/**
 * After a drain, the worker rests for this multiple of its duration before it takes the next
 * job, so that under sustained ingest refreshing takes at most a quarter of the time. Its cost is
 * per contact, not per event: a longer wait lets each refresh cover more events, and the lag stays
 * a few drains long. A light load drains in milliseconds and barely rests.
 */
const REST_PER_DRAIN_SECOND = 3;

// When this process last asked; asking again before that job can have started adds nothing.
let lastRequestedAt = 0;

/** Creates the contact-refresh queue; with `workers`, drains the refresh queue here when asked, and every minute. */
export async function registerContactRefreshJobs(
  boss: PgBoss,
  { db, workers, pollingIntervalSeconds, assertRunning }: { db: Database; workers: boolean; pollingIntervalSeconds: number; assertRunning: () => void },
): Promise<Map<string, string[]>> {
  // "short": while one refresh waits, asking again adds nothing — a burst of ingest batches is one job.
  await boss.createQueue(JOB_QUEUES.contactRefresh, { name: JOB_QUEUES.contactRefresh, policy: "short", retryLimit: 3 });
  if (!workers) return new Map();
  const id = await boss.work(JOB_QUEUES.contactRefresh, { pollingIntervalSeconds }, async () => {
    assertRunning();
    const started = performance.now();
    while ((await drainRefreshQueue(db, { entries: DRAIN_ENTRIES })) === DRAIN_ENTRIES) assertRunning();
    const drainMs = performance.now() - started;
    await restUnlessStopping(drainMs * REST_PER_DRAIN_SECOND, assertRunning);
  });
  await boss.schedule(JOB_QUEUES.contactRefresh, "* * * * *");
  await boss.send(JOB_QUEUES.contactRefresh, {});
  return new Map([[JOB_QUEUES.contactRefresh, [id]]]);
}

/**
 * Asks for a refresh soon (ingest calls it after each batch that stored something). Without a
 * running queue the minute schedule catches up.
 */
export async function requestContactRefresh(now = Date.now()): Promise<void> {
  const queue = getRunningJobQueue();
  if (!queue) return;
  if (now - lastRequestedAt < 1000) return;
  lastRequestedAt = now;
  await queue.boss.send(JOB_QUEUES.contactRefresh, {}, { startAfter: REFRESH_MIN_DELAY_SECONDS });
}

/** Waits `ms`, checking every half second whether the queue is stopping. */
async function restUnlessStopping(ms: number, assertRunning: () => void): Promise<void> {
  for (let left = ms; left > 0; left -= 500) {
    await new Promise((resolve) => setTimeout(resolve, Math.min(500, left)));
    assertRunning();
  }
}

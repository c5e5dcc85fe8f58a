import PgBoss from "pg-boss";
import { getDatabaseHandle, type DatabaseHandle } from "../../db/client";
import { DEFAULT_WEBHOOK_DELIVERY_POLICY, type WebhookDeliveryPolicy } from "../webhooks/delivery-policy";
import { registerContactRefreshJobs } from "../ingest/refresh-jobs";
import { registerNotificationEmailJobs } from "../notifications/email-jobs";
import { registerBacktestJobs } from "../analytics/backtest/run-backtest";
import { registerScoringJobs } from "../scoring/scoring-jobs";
import { registerWebhookJobs } from "../webhooks/webhook-jobs";
import { pgBossDatabaseFor } from "./pg-boss-database";
import { JOB_QUEUE_SCHEMA, type JobQueueName } from "./queue-names";

export type JobQueue = {
  boss: PgBoss;
  handle: DatabaseHandle;
  /** Whether this process works the queues (the web app does) or only sends jobs. */
  workers: boolean;
  /** Polls this process's workers of `queue` now rather than at their next interval. */
  wake(queue: JobQueueName): void;
};

export type JobQueueOptions = {
  /** Defaults to the application's database. */
  handle?: DatabaseHandle;
  /** Process jobs in this process; default true. */
  workers?: boolean;
  /** How often an idle worker looks for jobs; default 2 s (pg-boss's minimum is 0.5 s). */
  pollingIntervalSeconds?: number;
  /** Tests shorten the waits between attempts. */
  webhookDelivery?: Partial<WebhookDeliveryPolicy>;
};

type RunningQueue = { queue: JobQueue; stop(timeoutMs: number): Promise<void> };

// Cached on globalThis: instrumentation.ts and the route bundles are separate module graphs in one
// process, and hot reloads in development must not start a second set of workers.
const globalForJobs = globalThis as unknown as { handoffJobQueue?: Promise<RunningQueue>; handoffJobQueueReady?: RunningQueue };

/**
 * Starts the durable job queue (pg-boss) on the application's database: installs or migrates
 * pg-boss's own schema, creates the queues and, unless `workers: false`, starts the workers and
 * the every-minute outbox sweep. Idempotent: a second call returns the running queue.
 */
export async function startJobQueue(options: JobQueueOptions = {}): Promise<JobQueue> {
  globalForJobs.handoffJobQueue ??= createJobQueue(options).then(
    (running) => (globalForJobs.handoffJobQueueReady = running),
    (error: unknown) => {
      globalForJobs.handoffJobQueue = undefined;
      throw error;
    },
  );
  return (await globalForJobs.handoffJobQueue).queue;
}

/** The queue if this process has started one; never starts it (emitting an event must not). */
export function getRunningJobQueue(): JobQueue | undefined {
  return globalForJobs.handoffJobQueueReady?.queue;
}

/**
 * Stops the workers, waiting up to `timeoutMs` for attempts in flight. Jobs not done by then are
 * handed back and their deliveries picked up by the next start's sweep. Leaves the database open.
 */
export async function stopJobQueue({ timeoutMs = 15_000 }: { timeoutMs?: number } = {}): Promise<void> {
  const starting = globalForJobs.handoffJobQueue;
  if (!starting) return;
  globalForJobs.handoffJobQueue = undefined;
  globalForJobs.handoffJobQueueReady = undefined;
  const running = await starting.catch(() => undefined);
  await running?.stop(timeoutMs);
}

async function createJobQueue(options: JobQueueOptions): Promise<RunningQueue> {
  const handle = options.handle ?? (await getDatabaseHandle());
  const workers = options.workers ?? true;
  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 2;
  const database = pgBossDatabaseFor(handle);
  const boss = new PgBoss({
    db: database,
    schema: JOB_QUEUE_SCHEMA,
    migrate: true,
    supervise: workers,
    schedule: workers,
    pollingIntervalSeconds,
  });
  // pg-boss reports worker and maintenance failures here; without a listener they would crash the process.
  boss.on("error", (error) => console.error(`Job queue: ${error.message}`));
  await boss.start();

  let stopping = false;
  const assertRunning = () => {
    if (stopping) throw new Error("The job queue is stopping.");
  };
  let workerIds: Map<string, string[]>;
  try {
    workerIds = await registerWebhookJobs(boss, {
      db: handle.db,
      policy: { ...DEFAULT_WEBHOOK_DELIVERY_POLICY, ...options.webhookDelivery },
      workers,
      pollingIntervalSeconds,
      assertRunning,
    });
    for (const registered of [
      await registerContactRefreshJobs(boss, { db: handle.db, workers, pollingIntervalSeconds, assertRunning }),
      await registerScoringJobs(boss, { db: handle.db, workers, pollingIntervalSeconds }),
      await registerNotificationEmailJobs(boss, { db: handle.db, workers, pollingIntervalSeconds }),
      await registerBacktestJobs(boss, { db: handle.db, workers, pollingIntervalSeconds }),
    ]) {
      for (const [name, ids] of registered) workerIds.set(name, ids);
    }
  } catch (error) {
    await boss.stop({ graceful: false, wait: true });
    throw error;
  }

  const queue: JobQueue = {
    boss,
    handle,
    workers,
    wake: (name) => workerIds.get(name)?.forEach((id) => boss.notifyWorker(id)),
  };
  return {
    queue,
    async stop(timeoutMs) {
      stopping = true;
      await boss.stop({ graceful: true, timeout: timeoutMs, wait: true });
      // pg-boss does not await its last completions and a fetch may still be on the wire.
      await database.whenIdle();
    },
  };
}

import type PgBoss from "pg-boss";
import type { Database } from "../../db/client";
import { JOB_QUEUES } from "../jobs/queue-names";
import { deliverWebhook } from "./deliver-webhook";
import type { DeliveryJobData } from "./delivery-jobs";
import type { WebhookDeliveryPolicy } from "./delivery-policy";
import { sweepDueDeliveries } from "./sweep-deliveries";

/** Deliveries handled side by side per poll; each waits at most the policy's timeout. */
const DELIVERY_BATCH = 10;

/** Creates the webhook queues; with `workers`, also processes them here and schedules the sweep. */
export async function registerWebhookJobs(
  boss: PgBoss,
  {
    db,
    policy,
    workers,
    pollingIntervalSeconds,
    assertRunning,
  }: {
    db: Database;
    policy: WebhookDeliveryPolicy;
    workers: boolean;
    pollingIntervalSeconds: number;
    /** Throws once the queue is stopping, so a job fetched during shutdown is handed back. */
    assertRunning: () => void;
  },
): Promise<Map<string, string[]>> {
  // Retries are the delivery's own (see deliver-webhook.ts); a job that throws is picked up by the sweep.
  await boss.createQueue(JOB_QUEUES.webhookDelivery, {
    name: JOB_QUEUES.webhookDelivery,
    policy: "short",
    retryLimit: 0,
    expireInSeconds: Math.ceil(policy.timeoutMs / 1000) * DELIVERY_BATCH + 60,
  });
  await boss.createQueue(JOB_QUEUES.webhookSweep, { name: JOB_QUEUES.webhookSweep, policy: "short", retryLimit: 0 });
  const workerIds = new Map<string, string[]>();
  if (!workers) return workerIds;

  const deliveryWorker = await boss.work<DeliveryJobData>(
    JOB_QUEUES.webhookDelivery,
    { batchSize: DELIVERY_BATCH, pollingIntervalSeconds },
    async (jobs) => {
      assertRunning();
      const results = await Promise.allSettled(jobs.map((job) => deliverWebhook({ db, boss, deliveryId: job.data.deliveryId, policy })));
      const failure = results.find((r) => r.status === "rejected");
      if (failure) throw failure.reason;
    },
  );
  const sweepWorker = await boss.work(JOB_QUEUES.webhookSweep, { pollingIntervalSeconds }, async () => {
    assertRunning();
    await sweepDueDeliveries({ db, boss });
  });
  await boss.schedule(JOB_QUEUES.webhookSweep, "* * * * *");
  // Deliveries whose job was lost while no worker ran go out now rather than in a minute.
  await boss.send(JOB_QUEUES.webhookSweep, {});
  workerIds.set(JOB_QUEUES.webhookDelivery, [deliveryWorker]);
  workerIds.set(JOB_QUEUES.webhookSweep, [sweepWorker]);
  return workerIds;
}

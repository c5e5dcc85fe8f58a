import type PgBoss from "pg-boss";
import type { Database } from "../../db/client";
import { pgBossDatabaseWithin } from "../jobs/pg-boss-database";
import { JOB_QUEUES } from "../jobs/queue-names";

export type DeliveryJobData = { deliveryId: number };

/**
 * Inserts one delivery job per delivery through `db`: given a transaction, the jobs commit or roll
 * back with the rows they point at. The queue is a "short" one keyed by delivery, so a delivery
 * whose job is still waiting does not get a second one.
 */
export async function insertDeliveryJobs(
  boss: PgBoss,
  db: Database,
  deliveries: { id: number; nextAttemptAt: Date | null }[],
): Promise<void> {
  if (deliveries.length === 0) return;
  await boss.insert(
    deliveries.map((d) => ({
      name: JOB_QUEUES.webhookDelivery,
      data: { deliveryId: d.id } satisfies DeliveryJobData,
      singletonKey: `delivery:${d.id}`,
      startAfter: d.nextAttemptAt ?? undefined,
    })),
    { db: pgBossDatabaseWithin(db) },
  );
}

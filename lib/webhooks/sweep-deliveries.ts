import { and, asc, eq, lte, sql } from "drizzle-orm";
import type PgBoss from "pg-boss";
import type { Database } from "../../db/client";
import { webhookDeliveries } from "../../db/schema";
import { insertDeliveryJobs } from "./delivery-jobs";

/** Per run; a backlog larger than this drains over the following runs. */
const SWEEP_BATCH = 500;

/**
 * The outbox's safety net, run every minute and when the queue starts: every pending delivery
 * that is due gets a job. Deliveries whose job is still waiting are skipped by the queue's key;
 * the ones whose job was lost (emitted while no queue ran, or a worker died mid-attempt and its
 * claim ran out) go out now. Returns how many deliveries were looked at.
 */
export async function sweepDueDeliveries({ db, boss }: { db: Database; boss: PgBoss }): Promise<number> {
  const due = await db
    .select({ id: webhookDeliveries.id, nextAttemptAt: webhookDeliveries.nextAttemptAt })
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.status, "pending"), lte(webhookDeliveries.nextAttemptAt, sql`now()`)))
    .orderBy(asc(webhookDeliveries.nextAttemptAt))
    .limit(SWEEP_BATCH);
  await insertDeliveryJobs(boss, db, due.map((d) => ({ id: d.id, nextAttemptAt: null })));
  return due.length;
}

import { and, eq, lte, sql } from "drizzle-orm";
import type PgBoss from "pg-boss";
import type { Database } from "../../db/client";
import { webhookDeliveries, webhooks } from "../../db/schema";
import { insertDeliveryJobs } from "./delivery-jobs";
import { attemptLeaseMs, retryDelayMs, type WebhookDeliveryPolicy } from "./delivery-policy";
import { postWebhook, type WebhookAttemptResult } from "./post-webhook";
import { signPayload, WEBHOOK_HEADERS } from "./signature";
import { webhookUrlSchema } from "./webhook-input";

export type DeliveryOutcome = "succeeded" | "retrying" | "failed" | "skipped";

const inMs = (ms: number) => sql`now() + ${Math.round(ms)}::int * interval '1 millisecond'`;

/**
 * One attempt at one delivery, run by the queue's worker. The delivery row, not the job, is the
 * source of truth: the attempt first claims the row (due and pending), so a duplicate job — from
 * the sweep, or a job that outlived a crash — finds nothing to do and no receiver gets an
 * attempt twice. Afterwards the row records what happened and, on failure, the next job is
 * inserted in the same transaction.
 */
export async function deliverWebhook({
  db,
  boss,
  deliveryId,
  policy,
}: {
  db: Database;
  boss: PgBoss;
  deliveryId: number;
  policy: WebhookDeliveryPolicy;
}): Promise<DeliveryOutcome> {
  const [claimed] = await db
    .update(webhookDeliveries)
    .set({ nextAttemptAt: inMs(attemptLeaseMs(policy)) })
    .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.status, "pending"), lte(webhookDeliveries.nextAttemptAt, sql`now()`)))
    .returning();
  if (!claimed) return "skipped";

  const [webhook] = await db.select({ url: webhooks.url, secret: webhooks.secret, disabledAt: webhooks.disabledAt }).from(webhooks).where(eq(webhooks.id, claimed.webhookId));
  // A deleted webhook took its deliveries with it.
  if (!webhook) return "skipped";
  const refusal = webhook.disabledAt ? "Not sent: the webhook was disabled." : webhookUrlSchema.safeParse(webhook.url).error?.issues[0]?.message;
  if (refusal) {
    await db.update(webhookDeliveries).set({ status: "failed", nextAttemptAt: null, lastError: refusal }).where(eq(webhookDeliveries.id, deliveryId));
    return "failed";
  }

  const body = JSON.stringify(claimed.payload);
  const timestamp = Math.floor(Date.now() / 1000);
  const result = await postWebhook({
    url: webhook.url,
    body,
    timeoutMs: policy.timeoutMs,
    headers: {
      "Content-Type": "application/json",
      "User-Agent": "Handoff-Webhooks/1.0",
      [WEBHOOK_HEADERS.signature]: signPayload({ secret: webhook.secret, timestamp, body }),
      [WEBHOOK_HEADERS.event]: claimed.eventType,
      [WEBHOOK_HEADERS.delivery]: String(claimed.id),
    },
  });
  return recordAttempt({ db, boss, policy, deliveryId, attempt: claimed.attempts + 1, result });
}

async function recordAttempt({
  db,
  boss,
  policy,
  deliveryId,
  attempt,
  result,
}: {
  db: Database;
  boss: PgBoss;
  policy: WebhookDeliveryPolicy;
  deliveryId: number;
  attempt: number;
  result: WebhookAttemptResult;
}): Promise<DeliveryOutcome> {
  const answered = { attempts: attempt, responseStatus: result.status, responseBody: result.body };
  if (result.ok) {
    await db
      .update(webhookDeliveries)
      .set({ ...answered, status: "succeeded", lastError: null, nextAttemptAt: null, deliveredAt: sql`now()` })
      .where(eq(webhookDeliveries.id, deliveryId));
    return "succeeded";
  }
  if (attempt >= policy.maxAttempts) {
    await db
      .update(webhookDeliveries)
      .set({ ...answered, status: "failed", lastError: result.error, nextAttemptAt: null })
      .where(eq(webhookDeliveries.id, deliveryId));
    return "failed";
  }
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(webhookDeliveries)
      .set({ ...answered, lastError: result.error, nextAttemptAt: inMs(retryDelayMs(policy, attempt)) })
      .where(eq(webhookDeliveries.id, deliveryId))
      .returning({ id: webhookDeliveries.id, nextAttemptAt: webhookDeliveries.nextAttemptAt });
    if (row) await insertDeliveryJobs(boss, tx, [row]);
  });
  return "retrying";
}

import { randomUUID } from "node:crypto";
import { and, arrayContains, isNull } from "drizzle-orm";
import type { Database } from "../../db/client";
import { insertRows } from "../../db/insert-rows";
import { webhookDeliveries, webhooks, type WebhookEventType } from "../../db/schema";
import { getRunningJobQueue } from "../jobs/queue";
import { JOB_QUEUES } from "../jobs/queue-names";
import { insertDeliveryJobs } from "./delivery-jobs";

export type WebhookEvent = {
  type: WebhookEventType;
  /** The event's body for receivers; JSON-serialisable (Dates become ISO strings). */
  data: Record<string, unknown>;
  /** When it happened; defaults to now. */
  occurredAt?: Date;
};

/** What receivers get as the JSON body. */
export type WebhookPayload = { id: string; type: string; createdAt: string; data: Record<string, unknown> };

export type EmittedWebhookEvent = { eventId: string; deliveryIds: number[] };

/**
 * Announces a lifecycle event to every active webhook subscribed to its type.
 *
 *     await db.transaction(async (tx) => {
 *       // … change the lead …
 *       await emitWebhookEvent(tx, { type: "lead.accepted", data: { mqlRecordId, contactId }, occurredAt: at });
 *     });
 *
 * Pass the transaction that makes the change: the deliveries (an outbox row per webhook) and
 * their queue jobs commit with it, or vanish with a rollback, so receivers never hear of a change
 * that did not happen and never miss one that did. Given the plain database it commits on its own.
 * It never calls a receiver itself and returns fast; the queue sends, signs and retries.
 */
export async function emitWebhookEvent(db: Database, event: WebhookEvent): Promise<EmittedWebhookEvent> {
  const eventId = randomUUID();
  const payload: WebhookPayload = { id: eventId, type: event.type, createdAt: (event.occurredAt ?? new Date()).toISOString(), data: event.data };
  const deliveryIds = await createDeliveries(db, async (tx) => {
    const subscribed = await tx
      .select({ id: webhooks.id })
      .from(webhooks)
      .where(and(isNull(webhooks.disabledAt), arrayContains(webhooks.eventTypes, [event.type])));
    return subscribed.map((w) => ({ webhookId: w.id, eventType: event.type, eventId, payload }));
  });
  return { eventId, deliveryIds };
}

/**
 * `emitWebhookEvent` for many events at once — one read of the subscriptions and one insert of
 * the deliveries — for changes made in bulk (a scoring run designating hundreds of MQLs).
 */
export async function emitWebhookEvents(db: Database, events: WebhookEvent[]): Promise<void> {
  if (events.length === 0) return;
  await createDeliveries(db, async (tx) => {
    const types = [...new Set(events.map((e) => e.type))];
    const subscribed = await tx
      .select({ id: webhooks.id, eventTypes: webhooks.eventTypes })
      .from(webhooks)
      .where(isNull(webhooks.disabledAt));
    const forType = new Map(types.map((t) => [t, subscribed.filter((w) => w.eventTypes.includes(t))]));
    return events.flatMap((event) => {
      const hooks = forType.get(event.type)!;
      if (hooks.length === 0) return [];
      const eventId = randomUUID();
      const payload: WebhookPayload = { id: eventId, type: event.type, createdAt: (event.occurredAt ?? new Date()).toISOString(), data: event.data };
      return hooks.map((w) => ({ webhookId: w.id, eventType: event.type, eventId, payload }));
    });
  });
}

type NewDelivery = { webhookId: string; eventType: string; eventId: string; payload: WebhookPayload };

/**
 * In one transaction (a savepoint inside the caller's): inserts the deliveries `choose` returns
 * and, when this process runs the job queue, their jobs. Without a running queue (a script, a
 * test) the rows wait for the sweep of whichever process runs it.
 */
export async function createDeliveries(db: Database, choose: (tx: Database) => Promise<NewDelivery[]>): Promise<number[]> {
  const queue = getRunningJobQueue();
  const ids = await db.transaction(async (tx) => {
    const rows = await choose(tx);
    if (rows.length === 0) return [];
    const inserted = await insertRows(tx, webhookDeliveries, rows, ["id"]);
    if (queue) {
      try {
        // Its own savepoint: if the jobs cannot be inserted, the deliveries still commit for the sweep.
        await tx.transaction((savepoint) => insertDeliveryJobs(queue.boss, savepoint, inserted.map((d) => ({ id: d.id, nextAttemptAt: null }))));
      } catch (error) {
        console.warn(`Webhook deliveries ${inserted.map((d) => d.id).join(", ")} wait for the sweep: ${(error as Error).message}`);
      }
    }
    return inserted.map((d) => d.id);
  });
  if (ids.length > 0) queue?.wake(JOB_QUEUES.webhookDelivery);
  return ids;
}

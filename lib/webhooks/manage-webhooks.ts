import "server-only";
import { randomUUID } from "node:crypto";
import { desc, eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { webhookDeliveries, webhooks, type WebhookEventType } from "../../db/schema";
import { createDeliveries } from "./emit-webhook-event";
import { PING_EVENT_TYPE } from "./event-types";
import { generateWebhookSecret } from "./webhook-input";

type DeliveryStatus = "pending" | "succeeded" | "failed";

/** A webhook as the settings page shows it: never with its secret. */
export type WebhookSummary = {
  id: string;
  url: string;
  description: string | null;
  eventTypes: WebhookEventType[];
  createdAt: Date;
  disabledAt: Date | null;
  lastDelivery: { status: DeliveryStatus; attempts: number; createdAt: Date } | null;
};

export async function listWebhooks(db: Database): Promise<WebhookSummary[]> {
  const rows = await db
    .select({
      id: webhooks.id,
      url: webhooks.url,
      description: webhooks.description,
      eventTypes: webhooks.eventTypes,
      createdAt: webhooks.createdAt,
      disabledAt: webhooks.disabledAt,
      last: sql<{ status: DeliveryStatus; attempts: number; createdAt: string } | null>`(
        select json_build_object('status', d.status, 'attempts', d.attempts, 'createdAt', d.created_at)
        from ${webhookDeliveries} d where d.webhook_id = ${webhooks}.id
        order by d.created_at desc, d.id desc limit 1)`,
    })
    .from(webhooks)
    .orderBy(desc(webhooks.createdAt));
  return rows.map(({ last, ...w }) => ({ ...w, lastDelivery: last ? { ...last, createdAt: new Date(last.createdAt) } : null }));
}

/** Stores a webhook; returns the secret, which is shown once and never read back by the UI. */
export async function createWebhook(
  db: Database,
  input: { url: string; eventTypes: WebhookEventType[]; description?: string; secret?: string; createdById?: string },
): Promise<{ id: string; secret: string }> {
  const secret = input.secret ?? generateWebhookSecret();
  const [row] = await db
    .insert(webhooks)
    .values({ url: input.url, eventTypes: input.eventTypes, description: input.description, secret, createdById: input.createdById })
    .returning({ id: webhooks.id });
  return { id: row!.id, secret };
}

/** Disabling stops new events at once; deliveries already pending are not sent. */
export async function setWebhookEnabled(db: Database, { id, enabled }: { id: string; enabled: boolean }): Promise<boolean> {
  const rows = await db
    .update(webhooks)
    .set({ disabledAt: enabled ? null : sql`coalesce(${webhooks.disabledAt}, now())` })
    .where(eq(webhooks.id, id))
    .returning({ id: webhooks.id });
  return rows.length > 0;
}

/** Deletes the webhook and its delivery log. */
export async function deleteWebhook(db: Database, { id }: { id: string }): Promise<boolean> {
  const rows = await db.delete(webhooks).where(eq(webhooks.id, id)).returning({ id: webhooks.id });
  return rows.length > 0;
}

export type TestDeliveryResult = { status: "queued"; deliveryId: number } | { status: "not_found" } | { status: "disabled" };

/** Queues a signed `ping` to one webhook, whatever it subscribes to. */
export async function queueTestDelivery(db: Database, { webhookId }: { webhookId: string }): Promise<TestDeliveryResult> {
  const [webhook] = await db.select({ id: webhooks.id, disabledAt: webhooks.disabledAt }).from(webhooks).where(eq(webhooks.id, webhookId));
  if (!webhook) return { status: "not_found" };
  if (webhook.disabledAt) return { status: "disabled" };
  const eventId = randomUUID();
  const [deliveryId] = await createDeliveries(db, async () => [
    {
      webhookId,
      eventType: PING_EVENT_TYPE,
      eventId,
      payload: { id: eventId, type: PING_EVENT_TYPE, createdAt: new Date().toISOString(), data: { webhookId, message: "A test event from Handoff." } },
    },
  ]);
  return { status: "queued", deliveryId: deliveryId! };
}

export type DeliveryLogEntry = {
  id: number;
  eventType: string;
  eventId: string;
  status: DeliveryStatus;
  attempts: number;
  responseStatus: number | null;
  lastError: string | null;
  createdAt: Date;
  deliveredAt: Date | null;
  nextAttemptAt: Date | null;
};

/** The latest deliveries of one webhook, newest first. */
export async function listWebhookDeliveries(db: Database, { webhookId, limit = 50 }: { webhookId: string; limit?: number }): Promise<DeliveryLogEntry[]> {
  return db
    .select({
      id: webhookDeliveries.id,
      eventType: webhookDeliveries.eventType,
      eventId: webhookDeliveries.eventId,
      status: webhookDeliveries.status,
      attempts: webhookDeliveries.attempts,
      responseStatus: webhookDeliveries.responseStatus,
      lastError: webhookDeliveries.lastError,
      createdAt: webhookDeliveries.createdAt,
      deliveredAt: webhookDeliveries.deliveredAt,
      nextAttemptAt: webhookDeliveries.nextAttemptAt,
    })
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.webhookId, webhookId))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(limit);
}

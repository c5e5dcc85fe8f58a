import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { webhookDeliveries, webhooks } from "@/db/schema";
import { createTestDatabase } from "@/db/test-database";
import { startJobQueue, stopJobQueue } from "../jobs/queue";
import { emitWebhookEvent, type WebhookPayload } from "./emit-webhook-event";
import { createWebhook, listWebhookDeliveries, queueTestDelivery, setWebhookEnabled } from "./manage-webhooks";
import { verifyWebhookSignature } from "./signature";
import { eventually, startTestReceiver } from "./test-receiver";

let handle: DatabaseHandle;
const receivers: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  handle = await createTestDatabase();
});

afterEach(async () => {
  await stopJobQueue({ timeoutMs: 1000 });
  await Promise.all(receivers.splice(0).map((r) => r.close()));
  await handle.db.delete(webhooks);
});

afterAll(async () => {
  await handle.close();
});

/** Fast waits: a second between attempts, two seconds to answer, a poll every half second. */
const startQueue = (policy: { maxAttempts?: number; timeoutMs?: number } = {}) =>
  startJobQueue({ handle, pollingIntervalSeconds: 0.5, webhookDelivery: { baseDelayMs: 1000, timeoutMs: 2000, ...policy } });

async function receiver(respond?: Parameters<typeof startTestReceiver>[0]) {
  const r = await startTestReceiver(respond);
  receivers.push(r);
  return r;
}

async function deliveryRow(id: number) {
  const [row] = await handle.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id));
  return row!;
}

describe("webhook delivery through the job queue", { timeout: 60_000 }, () => {
  it("delivers a signed event that the receiver verifies", async () => {
    const r = await receiver();
    const { id: webhookId, secret } = await createWebhook(handle.db, { url: r.url, eventTypes: ["mql.created"] });
    await startQueue();
    const occurredAt = new Date("2026-03-02T09:30:00Z");
    const { eventId, deliveryIds } = await emitWebhookEvent(handle.db, { type: "mql.created", data: { contactId: "c-1", fitScore: 82 }, occurredAt });
    expect(deliveryIds).toHaveLength(1);

    const [request] = await eventually(() => r.requests.length === 1 && r.requests);
    expect(verifyWebhookSignature({ secret, header: request!.headers["handoff-signature"] as string, body: request!.body })).toBe(true);
    expect(verifyWebhookSignature({ secret: "not-the-secret-1234", header: request!.headers["handoff-signature"] as string, body: request!.body })).toBe(false);
    expect(request!.headers["handoff-event"]).toBe("mql.created");
    expect(request!.headers["handoff-delivery"]).toBe(String(deliveryIds[0]));
    expect(request!.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(request!.body) satisfies WebhookPayload).toEqual({
      id: eventId,
      type: "mql.created",
      createdAt: "2026-03-02T09:30:00.000Z",
      data: { contactId: "c-1", fitScore: 82 },
    });

    const row = await eventually(async () => {
      const d = await deliveryRow(deliveryIds[0]!);
      return d.status === "succeeded" && d;
    });
    expect(row).toMatchObject({ webhookId, attempts: 1, responseStatus: 200, responseBody: "ok", lastError: null, nextAttemptAt: null });
    expect(row.deliveredAt).toBeInstanceOf(Date);
  });

  it("only sends to active webhooks subscribed to the type", async () => {
    const r = await receiver();
    await createWebhook(handle.db, { url: r.url, eventTypes: ["lead.accepted"] });
    const disabled = await createWebhook(handle.db, { url: r.url, eventTypes: ["mql.created"] });
    await setWebhookEnabled(handle.db, { id: disabled.id, enabled: false });
    const { deliveryIds } = await emitWebhookEvent(handle.db, { type: "mql.created", data: {} });
    expect(deliveryIds).toEqual([]);
    expect(await queueTestDelivery(handle.db, { webhookId: disabled.id })).toEqual({ status: "disabled" });
  });

  it("does not send what was queued for a webhook disabled since", async () => {
    const r = await receiver();
    const { id: webhookId } = await createWebhook(handle.db, { url: r.url, eventTypes: ["mql.created"] });
    // No queue runs yet: the delivery waits as an outbox row.
    const { deliveryIds } = await emitWebhookEvent(handle.db, { type: "mql.created", data: {} });
    await setWebhookEnabled(handle.db, { id: webhookId, enabled: false });
    await startQueue();
    const row = await eventually(async () => {
      const d = await deliveryRow(deliveryIds[0]!);
      return d.status === "failed" && d;
    });
    expect(row).toMatchObject({ attempts: 0, lastError: "Not sent: the webhook was disabled." });
    expect(r.requests).toHaveLength(0);
  });

  it("retries after the receiver fails: 500, 500, then 200 succeeds on the third attempt", async () => {
    const r = await receiver((i) => (i < 2 ? 500 : 200));
    const { id: webhookId, secret } = await createWebhook(handle.db, { url: r.url, eventTypes: ["lead.rejected"] });
    await startQueue();
    const { deliveryIds } = await emitWebhookEvent(handle.db, { type: "lead.rejected", data: { reason: "bad_fit" } });
    const id = deliveryIds[0]!;

    // After the first failure the log says why and when it tries again.
    const failedOnce = await eventually(async () => {
      const d = await deliveryRow(id);
      return d.attempts === 1 && d;
    });
    expect(failedOnce).toMatchObject({ status: "pending", responseStatus: 500, lastError: "HTTP 500: receiver error 1" });
    expect(failedOnce.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now() - 200);

    const done = await eventually(async () => {
      const d = await deliveryRow(id);
      return d.status !== "pending" && d;
    }, 25_000);
    expect(done).toMatchObject({ status: "succeeded", attempts: 3, responseStatus: 200, lastError: null });
    expect(r.requests).toHaveLength(3);
    // Exponential backoff: about 1 s, then about 2 s (the half-second poll may add to each).
    const gaps = [r.requests[1]!.at - r.requests[0]!.at, r.requests[2]!.at - r.requests[1]!.at];
    expect(gaps[0]).toBeGreaterThanOrEqual(900);
    expect(gaps[1]).toBeGreaterThanOrEqual(1900);
    // Every attempt is signed afresh and carries the same delivery id for de-duplication.
    for (const req of r.requests) {
      expect(verifyWebhookSignature({ secret, header: req.headers["handoff-signature"] as string, body: req.body })).toBe(true);
      expect(req.headers["handoff-delivery"]).toBe(String(id));
    }
    const [logged] = await listWebhookDeliveries(handle.db, { webhookId });
    expect(logged).toMatchObject({ id, eventType: "lead.rejected", status: "succeeded", attempts: 3, responseStatus: 200 });
  });

  it("gives up after the last attempt and keeps the error", async () => {
    const r = await receiver(() => 503);
    await createWebhook(handle.db, { url: r.url, eventTypes: ["stage.changed"] });
    const closedPort = await receiver();
    const unreachable = closedPort.url;
    await closedPort.close();
    await createWebhook(handle.db, { url: unreachable, eventTypes: ["stage.changed"] });
    await startQueue({ maxAttempts: 2 });
    const { deliveryIds } = await emitWebhookEvent(handle.db, { type: "stage.changed", data: { from: "mql", to: "sal" } });
    expect(deliveryIds).toHaveLength(2);

    const rows = await eventually(async () => {
      const all = await Promise.all(deliveryIds.map(deliveryRow));
      return all.every((d) => d.status === "failed") && all;
    }, 25_000);
    const [refused, answered] = rows[0]!.responseStatus === null ? rows : [rows[1]!, rows[0]!];
    expect(answered).toMatchObject({ attempts: 2, responseStatus: 503, lastError: "HTTP 503: receiver error 2", nextAttemptAt: null });
    expect(refused).toMatchObject({ attempts: 2, responseStatus: null, nextAttemptAt: null });
    expect(refused!.lastError).toMatch(/^Request failed: .*ECONNREFUSED/);
    expect(r.requests).toHaveLength(2);
  });

  it("counts a receiver that does not answer in time as a failed attempt", async () => {
    const r = await receiver(() => "hang");
    const { id: webhookId } = await createWebhook(handle.db, { url: r.url, eventTypes: ["mql.created"] });
    await startQueue({ maxAttempts: 1, timeoutMs: 500 });
    await emitWebhookEvent(handle.db, { type: "mql.created", data: {} });
    const [row] = await eventually(async () => {
      const log = await listWebhookDeliveries(handle.db, { webhookId });
      return log[0]?.status === "failed" && log;
    });
    expect(row).toMatchObject({ attempts: 1, responseStatus: null, lastError: "No response within 0.5 s" });
  });

  it("sends nothing for a change that rolled back", async () => {
    const r = await receiver();
    const { id: webhookId } = await createWebhook(handle.db, { url: r.url, eventTypes: ["lead.accepted"] });
    await startQueue();
    await expect(
      handle.db.transaction(async (tx) => {
        await emitWebhookEvent(tx, { type: "lead.accepted", data: {} });
        throw new Error("the lead changed meanwhile");
      }),
    ).rejects.toThrow("the lead changed meanwhile");
    const { deliveryIds } = await handle.db.transaction((tx) => emitWebhookEvent(tx, { type: "lead.accepted", data: { n: 2 } }));
    await eventually(() => r.requests.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(r.requests.map((q) => JSON.parse(q.body).data)).toEqual([{ n: 2 }]);
    expect((await listWebhookDeliveries(handle.db, { webhookId })).map((d) => d.id)).toEqual(deliveryIds);
  });

  it("sends a test ping to one webhook", async () => {
    const r = await receiver();
    const { id: webhookId, secret } = await createWebhook(handle.db, { url: r.url, eventTypes: ["lead.accepted"] });
    await startQueue();
    const queued = await queueTestDelivery(handle.db, { webhookId });
    expect(queued.status).toBe("queued");
    const [ping] = await eventually(() => r.requests.length === 1 && r.requests);
    expect(ping!.headers["handoff-event"]).toBe("ping");
    expect(JSON.parse(ping!.body)).toMatchObject({ type: "ping", data: { webhookId } });
    expect(verifyWebhookSignature({ secret, header: ping!.headers["handoff-signature"] as string, body: ping!.body })).toBe(true);
  });
});

import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgres, rowsOf, type Database, type DatabaseHandle } from "@/db/client";
import * as schema from "@/db/schema";
import { webhookDeliveries, webhooks } from "@/db/schema";
import { createTestDatabase } from "@/db/test-database";
import { emitWebhookEvent, type WebhookPayload } from "../webhooks/emit-webhook-event";
import { createWebhook } from "../webhooks/manage-webhooks";
import { verifyWebhookSignature } from "../webhooks/signature";
import { sweepDueDeliveries } from "../webhooks/sweep-deliveries";
import { eventually, startTestReceiver } from "../webhooks/test-receiver";
import { getRunningJobQueue, startJobQueue, stopJobQueue } from "./queue";
import { JOB_QUEUES } from "./queue-names";

const fast = { pollingIntervalSeconds: 0.5, webhookDelivery: { baseDelayMs: 1000, timeoutMs: 2000 } };
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A restart as the app sees one: every object in this process is dropped and the database is
 * opened anew — PGlite from its saved data folder, PostgreSQL through a new pool.
 */
async function reopen(handle: DatabaseHandle): Promise<DatabaseHandle> {
  if (handle.kind === "pglite") {
    const saved = await handle.client.dumpDataDir("none");
    await handle.close();
    const client = await PGlite.create({ loadDataDir: saved, extensions: { pg_trgm } });
    return { kind: "pglite", client, db: drizzle({ client, schema }) as unknown as Database, close: () => client.close() };
  }
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${handle.client.options.database}`;
  return openPostgres(url.toString(), 3);
}

async function jobsWaiting(db: Database, queue: string): Promise<number> {
  const result = await db.execute(`select count(*)::int as n from pgboss.job where name = '${queue}' and state < 'active'`);
  return rowsOf<{ n: number }>(result)[0]!.n;
}

async function delivery(db: Database, id: number) {
  const [row] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id));
  return row!;
}

describe("durable delivery across an app restart", () => {
  const handles: DatabaseHandle[] = [];
  let receiver: Awaited<ReturnType<typeof startTestReceiver>>;

  beforeAll(async () => {
    receiver = await startTestReceiver((i) => (i === 0 ? 500 : 200));
  });

  afterAll(async () => {
    await stopJobQueue({ timeoutMs: 1000 });
    await receiver.close();
    // Newest first: on PostgreSQL the first handle's close drops the test database.
    for (const h of handles.reverse()) await h.close().catch(() => {});
  });

  it("delivers exactly once after a restart an event queued while no worker ran", async () => {
    const first = await createTestDatabase();
    handles.push(first);
    const { secret } = await createWebhook(first.db, { url: receiver.url, eventTypes: ["mql.created"] });

    // A process that queues jobs but works none, then goes away.
    const before = await startJobQueue({ ...fast, handle: first, workers: false });
    const { deliveryIds } = await emitWebhookEvent(first.db, { type: "mql.created", data: { contactId: "c-9" } });
    expect(await jobsWaiting(first.db, JOB_QUEUES.webhookDelivery)).toBe(1);
    await stopJobQueue();
    const id = deliveryIds[0]!;

    const second = await reopen(first);
    handles.push(second);
    const after = await startJobQueue({ ...fast, handle: second });
    expect(after.boss).not.toBe(before.boss);

    // The receiver fails the first attempt; the retry is a job of its own, due a second later.
    await eventually(async () => (await delivery(second.db, id)).attempts === 1);
    expect(await jobsWaiting(second.db, JOB_QUEUES.webhookDelivery)).toBe(1);
    // Stop again between the attempts: the retry is picked up by the next queue instance.
    await stopJobQueue();
    const third = await startJobQueue({ ...fast, handle: second });
    expect(third.boss).not.toBe(after.boss);
    const done = await eventually(async () => {
      const d = await delivery(second.db, id);
      return d.status === "succeeded" && d;
    }, 25_000);
    expect(done).toMatchObject({ attempts: 2, responseStatus: 200 });

    // A few more polls and sweeps: nothing is sent again.
    await getRunningJobQueue()!.boss.send(JOB_QUEUES.webhookSweep, {});
    await pause(1500);
    expect(receiver.requests).toHaveLength(2);
    const bodies = receiver.requests.map((r) => JSON.parse(r.body) as WebhookPayload);
    expect(new Set(bodies.map((b) => b.id)).size).toBe(1);
    for (const r of receiver.requests) {
      expect(verifyWebhookSignature({ secret, header: r.headers["handoff-signature"] as string, body: r.body })).toBe(true);
    }
    await stopJobQueue();
  }, 60_000);
});

describe("the outbox sweep", { timeout: 60_000 }, () => {
  let handle: DatabaseHandle;

  beforeAll(async () => {
    handle = await createTestDatabase();
  });

  afterAll(async () => {
    await stopJobQueue({ timeoutMs: 1000 });
    await handle.close();
  });

  it("enqueues a pending delivery whose job was never sent, once", async () => {
    const receiver = await startTestReceiver();
    try {
      const { id: webhookId } = await createWebhook(handle.db, { url: receiver.url, eventTypes: ["lead.accepted"] });
      const sender = await startJobQueue({ ...fast, handle, workers: false });

      // The process died between committing the outbox row and sending its job.
      const payload = { id: crypto.randomUUID(), type: "lead.accepted", createdAt: new Date().toISOString(), data: {} };
      const [row] = await handle.db
        .insert(webhookDeliveries)
        .values({ webhookId, eventType: "lead.accepted", eventId: payload.id, payload })
        .returning({ id: webhookDeliveries.id });
      expect(await jobsWaiting(handle.db, JOB_QUEUES.webhookDelivery)).toBe(0);

      // Two sweeps in a row (a minute's and a restart's) make one job.
      expect(await sweepDueDeliveries({ db: handle.db, boss: sender.boss })).toBe(1);
      expect(await sweepDueDeliveries({ db: handle.db, boss: sender.boss })).toBe(1);
      expect(await jobsWaiting(handle.db, JOB_QUEUES.webhookDelivery)).toBe(1);
      await stopJobQueue();

      // Workers run the sweep every minute (and once at start), and send the delivery once.
      const worker = await startJobQueue({ ...fast, handle });
      expect(await worker.boss.getSchedules()).toEqual(
        expect.arrayContaining([expect.objectContaining({ name: JOB_QUEUES.webhookSweep, cron: "* * * * *" })]),
      );
      await eventually(() => receiver.requests.length === 1);
      await worker.boss.send(JOB_QUEUES.webhookSweep, {});
      await pause(1500);
      expect(receiver.requests).toHaveLength(1);
      expect(await delivery(handle.db, row!.id)).toMatchObject({ status: "succeeded", attempts: 1 });
      await handle.db.delete(webhooks);
    } finally {
      await receiver.close();
    }
  });
});

import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf, type DatabaseHandle } from "./client";
import { insertRows } from "./insert-rows";
import { contactScores, webhookDeliveries, webhooks } from "./schema";
import { createTestDatabase } from "./test-database";
import { insertContact } from "./test-fixtures";

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createTestDatabase();
});

afterAll(async () => {
  await handle.close();
});

describe("insertRows", () => {
  it("stores every column type as drizzle's own insert does, and maps what it returns", async () => {
    const row = { url: "https://receiver.example.test/a", secret: "s3cret", eventTypes: ["mql.created", "stage.changed"] as ("mql.created" | "stage.changed")[], description: "Ünïcode \"quoted\" \\ back" };
    const [viaJson] = await insertRows(handle.db, webhooks, [row], ["id", "createdAt", "eventTypes"]);
    const [viaDrizzle] = await handle.db.insert(webhooks).values(row).returning();
    expect(viaJson!.eventTypes).toEqual(row.eventTypes);
    expect(viaJson!.createdAt).toBeInstanceOf(Date);
    const stored = await handle.db.select().from(webhooks).where(inArray(webhooks.id, [viaJson!.id, viaDrizzle!.id]));
    const strip = (w: (typeof stored)[number]) => ({ ...w, id: undefined, createdAt: undefined });
    expect(stored).toHaveLength(2);
    expect(strip(stored[0]!)).toEqual(strip(stored[1]!));

    // A jsonb document, a bigint identity returned as a number, and defaults for the columns left out.
    const at = new Date("2026-03-02T09:15:30.123Z");
    const payload = { nested: { list: [1, "two", null], flag: true }, at: at.toISOString() };
    const deliveries = await insertRows(
      handle.db,
      webhookDeliveries,
      [
        { webhookId: viaJson!.id, eventType: "mql.created", eventId: crypto.randomUUID(), payload, nextAttemptAt: at },
        { webhookId: viaJson!.id, eventType: "stage.changed", eventId: crypto.randomUUID(), payload: {}, nextAttemptAt: null },
      ],
      ["id"],
    );
    expect(deliveries.map((d) => typeof d.id)).toEqual(["number", "number"]);
    const [first, second] = await handle.db.select().from(webhookDeliveries).where(inArray(webhookDeliveries.id, deliveries.map((d) => d.id))).orderBy(webhookDeliveries.id);
    expect(first).toMatchObject({ payload, status: "pending", attempts: 0, nextAttemptAt: at });
    expect(second).toMatchObject({ payload: {}, nextAttemptAt: null });
    expect(first!.createdAt).toBeInstanceOf(Date);
  });

  it("stores float and timestamp arrays, reals and nulls exactly", async () => {
    const contact = await insertContact(handle.db, { email: "arrays@example.test" });
    await handle.db.delete(contactScores).where(eq(contactScores.contactId, contact.id));
    const at = new Date("2026-01-31T23:59:59.999Z");
    await insertRows(handle.db, contactScores, [
      { contactId: contact.id, fitScore: 42.5, engagementScore: 0.1, ruleOccurrences: [1e-22, 0.5, 3], actionLastAt: [at, null as unknown as Date], lastActivityAt: null, earliestCountedAt: at },
    ]);
    const [stored] = await handle.db.select().from(contactScores).where(eq(contactScores.contactId, contact.id));
    expect(stored).toMatchObject({ fitScore: 42.5, ruleOccurrences: [1e-22, 0.5, 3], lastActivityAt: null, earliestCountedAt: at });
    expect(stored!.engagementScore).toBeCloseTo(0.1, 6);
    // Read as text: drizzle maps a null element of a timestamp array to an invalid Date.
    const [raw] = rowsOf<{ last: string }>(await handle.db.execute(sql`select (action_last_at[1] = ${at.toISOString()}::timestamptz and action_last_at[2] is null)::text as last from contact_scores where contact_id = ${contact.id}`));
    expect(raw!.last).toBe("true");
  });

  it("refuses a column some rows give and others leave to its default, and a key the table lacks, writing nothing", async () => {
    const before = await handle.db.$count(webhooks);
    await expect(
      insertRows(handle.db, webhooks, [
        { url: "https://a.example.test", secret: "x", eventTypes: [], createdAt: new Date() },
        { url: "https://b.example.test", secret: "x", eventTypes: [] },
      ]),
    ).rejects.toThrow(/created_at is given for some rows/);
    await expect(insertRows(handle.db, webhooks, [{ url: "https://c.example.test", secret: "x", eventTypes: [], colour: "red" } as never])).rejects.toThrow(/no column colour/);
    expect(await handle.db.$count(webhooks)).toBe(before);
    expect(await insertRows(handle.db, webhooks, [], ["id"])).toEqual([]);
  });
});

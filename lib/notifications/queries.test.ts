import { eq, inArray } from "drizzle-orm";
import type { Logger } from "drizzle-orm/logger";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { rowsOf, type Database, type DatabaseHandle } from "@/db/client";
import * as schema from "@/db/schema";
import { notifications } from "@/db/schema";
import { createTestDatabase } from "@/db/test-database";
import { insertUser } from "@/db/test-fixtures";
import { notifyAll } from "./notify";
import { countUnreadNotifications, listNotifications, markAllNotificationsRead, markNotificationsRead } from "./queries";

let handle: DatabaseHandle;
let priya: string;
let omar: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  priya = (await insertUser(handle.db, { role: "sdr", name: "Priya Shah" })).id;
  omar = (await insertUser(handle.db, { role: "sdr", name: "Omar Haddad" })).id;
});

afterAll(async () => {
  await handle.close();
});

beforeEach(async () => {
  await handle.db.delete(notifications);
});

const start = Date.parse("2026-03-02T09:00:00Z");

/** `count` notifications for a user, one minute apart (the last is the newest); the first `read` are read. */
async function seed(userId: string, count: number, { read = 0, prefix = "MQL" }: { read?: number; prefix?: string } = {}) {
  const rows = await handle.db
    .insert(notifications)
    .values(
      Array.from({ length: count }, (_, i) => ({
        userId,
        kind: "mql.assigned",
        title: `${prefix} ${i + 1}`,
        body: `Fit ${60 + i}`,
        href: `/contacts/${i + 1}`,
        createdAt: new Date(start + i * 60_000),
        readAt: i < read ? new Date(start + i * 60_000 + 30_000) : null,
      })),
    )
    .returning();
  return rows;
}

async function readAtOf(ids: string[]) {
  const rows = await handle.db.select({ id: notifications.id, readAt: notifications.readAt }).from(notifications).where(inArray(notifications.id, ids));
  return new Map(rows.map((r) => [r.id, r.readAt]));
}

describe("listNotifications", () => {
  it("lists only the user's own notifications, newest first, at most 20, with the unread count of all of them", async () => {
    await seed(priya, 25, { read: 3 });
    await seed(omar, 4, { prefix: "Omar's" });

    const { unread, items } = await listNotifications(handle.db, { userId: priya });
    expect(unread).toBe(22);
    expect(items).toHaveLength(20);
    expect(items.map((n) => n.title)).toEqual(Array.from({ length: 20 }, (_, i) => `MQL ${25 - i}`));
    expect(items[0]).toEqual({
      id: expect.any(String),
      kind: "mql.assigned",
      title: "MQL 25",
      body: "Fit 84",
      href: "/contacts/25",
      createdAt: new Date(start + 24 * 60_000),
      readAt: null,
    });

    const omars = await listNotifications(handle.db, { userId: omar });
    expect(omars.unread).toBe(4);
    expect(omars.items.map((n) => n.title)).toEqual(["Omar's 4", "Omar's 3", "Omar's 2", "Omar's 1"]);
  });

  it("is empty with no unread for a user without notifications", async () => {
    await seed(omar, 2);
    expect(await listNotifications(handle.db, { userId: priya })).toEqual({ unread: 0, items: [] });
  });

  it("counts unread from the partial index notifications_unread_idx", async () => {
    await seed(priya, 3, { read: 1 });
    const plan = await explainQueryOf((db) => countUnreadNotifications(db, { userId: priya }));
    expect(plan).toContain("notifications_unread_idx");
  });
});

describe("markNotificationsRead", () => {
  it("marks one notification read and lowers the unread count; marking it again keeps the first read time", async () => {
    const [first, second] = await seed(priya, 2);
    const at = new Date("2026-03-02T10:00:00Z");

    expect(await markNotificationsRead(handle.db, { userId: priya, ids: [second!.id], at })).toEqual({ found: true, marked: 1 });
    expect(await countUnreadNotifications(handle.db, { userId: priya })).toBe(1);
    expect(await readAtOf([first!.id, second!.id])).toEqual(new Map([[first!.id, null], [second!.id, at]]));

    const later = new Date("2026-03-02T11:00:00Z");
    expect(await markNotificationsRead(handle.db, { userId: priya, ids: [second!.id], at: later })).toEqual({ found: true, marked: 0 });
    expect((await readAtOf([second!.id])).get(second!.id)).toEqual(at);
  });

  it("changes nothing when asked to mark another user's notification, alone or among the user's own", async () => {
    const [own] = await seed(priya, 1);
    const [others] = await seed(omar, 1);

    expect(await markNotificationsRead(handle.db, { userId: priya, ids: [others!.id] })).toEqual({ found: false, marked: 0 });
    expect(await markNotificationsRead(handle.db, { userId: priya, ids: [own!.id, others!.id] })).toEqual({ found: false, marked: 0 });
    expect(await markNotificationsRead(handle.db, { userId: priya, ids: ["00000000-0000-4000-8000-000000000000"] })).toEqual({ found: false, marked: 0 });

    expect(await readAtOf([own!.id, others!.id])).toEqual(new Map([[own!.id, null], [others!.id, null]]));
    expect(await countUnreadNotifications(handle.db, { userId: omar })).toBe(1);
    expect(await countUnreadNotifications(handle.db, { userId: priya })).toBe(1);
  });
});

describe("markAllNotificationsRead", () => {
  it("marks every unread notification of the user, and none of anyone else's", async () => {
    const priyas = await seed(priya, 25, { read: 2 });
    await seed(omar, 3);
    const at = new Date("2026-03-02T12:00:00Z");

    expect(await markAllNotificationsRead(handle.db, { userId: priya, at })).toBe(23);
    expect(await countUnreadNotifications(handle.db, { userId: priya })).toBe(0);
    expect(await countUnreadNotifications(handle.db, { userId: omar })).toBe(3);
    // Notifications read before keep their read time.
    const readAt = await readAtOf(priyas.map((n) => n.id));
    expect(readAt.get(priyas[0]!.id)).toEqual(priyas[0]!.readAt);
    expect(readAt.get(priyas[24]!.id)).toEqual(at);

    expect(await markAllNotificationsRead(handle.db, { userId: priya })).toBe(0);
    const omars = await handle.db.select().from(notifications).where(eq(notifications.userId, omar));
    expect(omars.every((n) => n.readAt === null)).toBe(true);
  });
});

/**
 * The plan PostgreSQL chooses for the statement a query function sends, with sequential scans
 * priced out: a tiny test table would otherwise be scanned whole whatever the indexes.
 */
async function explainQueryOf(run: (db: Database) => Promise<unknown>): Promise<string> {
  const sent: { query: string; params: unknown[] }[] = [];
  const logger: Logger = { logQuery: (query, params) => void sent.push({ query, params }) };
  const db = (handle.kind === "pglite" ? drizzlePglite({ client: handle.client, schema, logger }) : drizzlePostgres({ client: handle.client, schema, logger })) as unknown as Database;
  await run(db);
  expect(sent).toHaveLength(1);
  const { query, params } = sent[0]!;
  let rows: { "QUERY PLAN": string }[];
  if (handle.kind === "pglite") {
    const client = handle.client;
    await client.exec("set enable_seqscan = off");
    try {
      rows = rowsOf(await client.query(`explain ${query}`, params));
    } finally {
      await client.exec("reset enable_seqscan");
    }
  } else {
    rows = await handle.client.begin(async (tx) => {
      await tx.unsafe("set local enable_seqscan = off");
      return tx.unsafe(`explain ${query}`, params as never[]);
    }) as never;
  }
  return rows.map((r) => r["QUERY PLAN"]).join("\n");
}

describe("notifyAll", () => {
  it("stores many notifications at once, past what one statement's parameters hold", async () => {
    const list = Array.from({ length: 14_000 }, (_, i) => ({ userId: i % 2 ? priya : omar, kind: "mqa.assigned" as const, title: `Account ${i}`, href: `/accounts/${i}` }));
    await handle.db.transaction((tx) => notifyAll(tx, list));
    expect(await countUnreadNotifications(handle.db, { userId: priya })).toBe(7_000);
    expect(await countUnreadNotifications(handle.db, { userId: omar })).toBe(7_000);
  });
});

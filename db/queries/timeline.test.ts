import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabaseHandle, type DatabaseHandle } from "../client";
import { createTestDatabase } from "../test-database";
import { insertContact, insertEvents } from "../test-fixtures";
import { cursorSchema } from "@/lib/validation/common";
import { listTimeline } from "./timeline";

let handle: DatabaseHandle;
let contactId: string;
const t0 = new Date("2026-05-01T09:00:00Z").getTime();

beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabaseHandle(handle);
  const contact = await insertContact(handle.db, { email: "timeline@test.dev" });
  const other = await insertContact(handle.db, { email: "someone-else@test.dev" });
  contactId = contact.id;
  const types = ["page_view", "email_open", "call", "trial_started"];
  // 40 events, every pair sharing a timestamp: pagination must not lose or repeat ties.
  await insertEvents(
    handle.db,
    Array.from({ length: 40 }, (_, i) => ({
      contactId,
      type: types[i % 4]!,
      occurredAt: new Date(t0 + Math.floor(i / 2) * 3_600_000),
      properties: {},
    })),
  );
  await insertEvents(handle.db, [{ contactId: other.id, type: "page_view", occurredAt: new Date(t0), properties: {} }]);
});

afterAll(async () => {
  setDatabaseHandle(undefined);
  await handle.close();
});

async function allPages(categories: string[] = []) {
  const ids: number[] = [];
  const times: number[] = [];
  let cursor: string | null = null;
  do {
    const page: Awaited<ReturnType<typeof listTimeline>> = await listTimeline({
      contactId,
      categories,
      limit: 7,
      cursor: cursor ? cursorSchema.parse(cursor) : undefined,
    });
    ids.push(...page.events.map((e) => e.id));
    times.push(...page.events.map((e) => e.occurredAt.getTime()));
    cursor = page.nextCursor;
  } while (cursor);
  return { ids, times };
}

describe("listTimeline", () => {
  it("pages through every event of the contact once, newest first, across equal timestamps", async () => {
    const { ids, times } = await allPages();
    expect(ids).toHaveLength(40);
    expect(new Set(ids).size).toBe(40);
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("filters by category, with custom types under other", async () => {
    expect((await allPages(["web"])).ids).toHaveLength(10);
    expect((await allPages(["sales", "email"])).ids).toHaveLength(20);
    expect((await allPages(["other"])).ids).toHaveLength(10);
    // An unknown category is ignored rather than hiding everything.
    expect((await allPages(["nonsense"])).ids).toHaveLength(40);
  });
});

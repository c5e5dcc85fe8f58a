import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { mqlRecords } from "@/db/schema";
import { createTestDatabase } from "@/db/test-database";
import { insertContact, insertUser } from "@/db/test-fixtures";
import { queueFiltersSchema, type QueueFilters } from "@/lib/validation/queue";
import { listQueuePage, queueCounts } from "./queue-list";

let handle: DatabaseHandle;
let rep: string;
let other: string;
const now = new Date("2026-11-04T12:00:00Z");
const hours = (h: number) => new Date(now.getTime() + h * 3_600_000);

beforeAll(async () => {
  handle = await createTestDatabase();
  rep = (await insertUser(handle.db, { role: "sdr" })).id;
  other = (await insertUser(handle.db, { role: "sdr" })).id;
  // 30 leads for `rep` with scores that tie in threes, one closed and one of another rep's.
  for (let i = 0; i < 32; i++) {
    const c = await insertContact(handle.db, { email: `lead${i}@q.test` });
    await handle.db.insert(mqlRecords).values({
      contactId: c.id,
      status: i === 30 ? "sql" : "mql",
      assignedRepId: i === 31 ? other : rep,
      mqlAt: hours(-24 * (i % 10)),
      fitScore: 60,
      engagementScore: 50,
      priorityScore: 90 - Math.floor(i / 3),
      reason: "threshold",
      segment: i % 2 ? "EMEA" : "North America",
      source: i % 3 ? "webinar" : "paid_search",
      slaDueAt: i % 7 === 0 ? null : hours((i % 5) - 2),
      firstTouchAt: i % 4 === 0 ? hours(-1) : null,
    });
  }
});
afterAll(() => handle.close());

async function allPages(f: Partial<QueueFilters>, limit = 7) {
  const seen = [];
  let cursor: string | undefined;
  for (;;) {
    const filters = queueFiltersSchema.parse({ limit: String(limit), ...(cursor ? { cursor } : {}), ...Object.fromEntries(Object.entries(f).map(([k, v]) => [k, String(v)])) });
    const page = await listQueuePage(handle.db, { repId: rep, filters, now });
    seen.push(...page.rows);
    if (!page.nextCursor) return seen;
    cursor = page.nextCursor;
  }
}

describe("the rep's queue", () => {
  it("pages by score without skipping or repeating leads that tie", async () => {
    const rows = await allPages({});
    expect(rows).toHaveLength(30);
    expect(new Set(rows.map((r) => r.id)).size).toBe(30);
    for (let i = 1; i < rows.length; i++) {
      const [a, b] = [rows[i - 1]!, rows[i]!];
      expect(a.priorityScore > b.priorityScore || (a.priorityScore === b.priorityScore && a.id > b.id)).toBe(true);
    }
  });

  it("orders by SLA urgency: untouched first, earliest due first, no SLA last", async () => {
    const rows = await allPages({ sort: "sla" }, 4);
    expect(rows).toHaveLength(30);
    const key = (r: (typeof rows)[number]) => [r.firstTouchAt ? 1 : 0, r.slaDueAt?.getTime() ?? Infinity] as const;
    for (let i = 1; i < rows.length; i++) {
      const [a, b] = [key(rows[i - 1]!), key(rows[i]!)];
      expect(a[0] < b[0] || (a[0] === b[0] && a[1] <= b[1])).toBe(true);
    }
  });

  it("filters by segment, source, age and overdue, and counts what is overdue", async () => {
    const all = await allPages({}, 100);
    const expectFilter = async (f: Partial<QueueFilters>, keep: (r: (typeof all)[number]) => boolean) => {
      const rows = await allPages(f, 5);
      expect(rows.map((r) => r.id).sort()).toEqual(all.filter(keep).map((r) => r.id).sort());
      expect(rows.length).toBeGreaterThan(0);
    };
    await expectFilter({ segment: "EMEA" }, (r) => r.segment === "EMEA");
    await expectFilter({ source: "paid_search" }, (r) => r.source === "paid_search");
    await expectFilter({ age: "3d" }, (r) => r.mqlAt.getTime() >= now.getTime() - 3 * 86_400_000);
    await expectFilter({ age: "older" }, (r) => r.mqlAt.getTime() < now.getTime() - 7 * 86_400_000);
    const overdue = (r: (typeof all)[number]) => !r.firstTouchAt && r.slaDueAt !== null && r.slaDueAt < now;
    await expectFilter({ overdue: true }, overdue);
    expect(await queueCounts(handle.db, { repId: rep, now })).toEqual({ open: 30, overdue: all.filter(overdue).length });
  });

  it("ignores unknown values in the URL instead of failing the page", () => {
    expect(queueFiltersSchema.parse({ sort: "nope", age: "forever", overdue: "maybe", limit: "9999" })).toMatchObject({ sort: "score", age: undefined, overdue: false, limit: 25 });
  });
});

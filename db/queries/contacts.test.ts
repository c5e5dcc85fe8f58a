import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { setDatabaseHandle, type DatabaseHandle } from "../client";
import { createTestDatabase } from "../test-database";
import { insertAccount, insertContact, insertUser } from "../test-fixtures";
import { contactListFiltersSchema, type ContactListFilters } from "@/lib/validation/contacts";
import { countContacts, listContacts } from "./contacts";

let handle: DatabaseHandle;
let ownerId: string;
const DAY = 86_400_000;
const base = new Date("2026-06-01T12:00:00Z").getTime();

beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabaseHandle(handle);
  const db = handle.db;
  const owner = await insertUser(db, { role: "sdr", name: "Olivia Owner" });
  ownerId = owner.id;
  const acme = await insertAccount(db, { name: "Acme Analytics" });
  const globex = await insertAccount(db, { name: "Globex" });
  // 25 contacts with deliberate ties in every sort key, so pagination must break ties by id.
  for (let i = 0; i < 25; i++) {
    await insertContact(db, {
      email: `person${i}@${i % 2 ? "acme" : "globex"}.test`,
      firstName: i === 7 ? "Zelda" : `First${i}`,
      lastName: `Last${i}`,
      accountId: i % 2 ? acme.id : globex.id,
      ownerId: i % 3 === 0 ? ownerId : null,
      stage: i % 5 === 0 ? "mql" : "lead",
      fitScore: (i % 4) * 20,
      engagementScore: (i % 3) * 30,
      createdAt: new Date(base + (i % 6) * DAY),
      lastActivityAt: i % 4 === 0 ? null : new Date(base + (i % 5) * DAY),
    });
  }
});

afterAll(async () => {
  setDatabaseHandle(undefined);
  await handle.close();
});

function filters(input: Record<string, string | number>): ContactListFilters {
  return contactListFiltersSchema.parse(input);
}

async function collectAllPages(input: Record<string, string | number>) {
  const seen: string[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 50; guard++) {
    const page = await listContacts({ filters: filters({ ...input, limit: 4, ...(cursor ? { cursor } : {}) }) });
    seen.push(...page.rows.map((r) => r.email));
    if (!page.nextCursor) return { seen, rows: page.rows };
    cursor = page.nextCursor;
  }
  throw new Error("pagination did not end");
}

describe("listContacts keyset pagination", () => {
  for (const sort of ["created", "fit", "engagement", "activity"] as const) {
    it(`returns every contact exactly once when sorted by ${sort}`, async () => {
      const { seen } = await collectAllPages({ sort });
      expect(seen).toHaveLength(25);
      expect(new Set(seen).size).toBe(25);
    });
  }

  it("orders by the sort key, highest first, never-active contacts last", async () => {
    const all = await listContacts({ filters: filters({ sort: "activity", limit: 200 }) });
    const times = all.rows.map((r) => r.lastActivityAt?.getTime() ?? -1);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(all.rows.at(-1)?.lastActivityAt).toBeNull();
    const fit = await listContacts({ filters: filters({ sort: "fit", limit: 200 }) });
    expect(fit.rows.map((r) => r.fitScore)).toEqual([...fit.rows.map((r) => r.fitScore)].sort((a, b) => b - a));
  });
});

describe("listContacts filters", () => {
  it("searches name, email and company name, case-insensitively", async () => {
    expect((await listContacts({ filters: filters({ q: "zelda" }) })).rows.map((r) => r.email)).toEqual(["person7@acme.test"]);
    expect((await listContacts({ filters: filters({ q: "PERSON12@" }) })).rows).toHaveLength(1);
    const byCompany = await listContacts({ filters: filters({ q: "acme analytics", limit: 200 }) });
    expect(byCompany.rows).toHaveLength(12);
    expect(byCompany.rows.every((r) => r.accountName === "Acme Analytics")).toBe(true);
  });

  it("treats LIKE wildcards in the search as plain text", async () => {
    expect((await listContacts({ filters: filters({ q: "%" }) })).rows).toHaveLength(0);
    expect((await listContacts({ filters: filters({ q: "_" }) })).rows).toHaveLength(0);
  });

  it("filters by stage, owner and score ranges, and counts what it filters", async () => {
    const mql = filters({ stage: "mql", limit: 200 });
    expect((await listContacts({ filters: mql })).rows).toHaveLength(5);
    expect(await countContacts({ filters: mql })).toEqual({ count: 5, exact: true, estimated: false });

    const owned = await listContacts({ filters: filters({ owner: ownerId, limit: 200 }) });
    expect(owned.rows).toHaveLength(9);
    expect(owned.rows.every((r) => r.ownerName === "Olivia Owner")).toBe(true);
    expect((await listContacts({ filters: filters({ owner: "none", limit: 200 }) })).rows).toHaveLength(16);

    const scored = await listContacts({ filters: filters({ fitMin: 40, engagementMax: 30, limit: 200 }) });
    expect(scored.rows.length).toBeGreaterThan(0);
    expect(scored.rows.every((r) => r.fitScore >= 40 && r.engagementScore <= 30)).toBe(true);
    // 25 contacts: fit = (i%4)*20 ≥ 40 ⇔ i%4 ∈ {2,3}; engagement = (i%3)*30 ≤ 30 ⇔ i%3 ∈ {0,1}.
    const expected = Array.from({ length: 25 }, (_, i) => i).filter((i) => i % 4 >= 2 && i % 3 <= 1).length;
    expect(scored.rows).toHaveLength(expected);
  });

  it("caps the count of a broad filter instead of counting a million rows", async () => {
    expect(await countContacts({ filters: filters({ q: "person" }), upTo: 10 })).toEqual({ count: 10, exact: false, estimated: false });
  });
});

describe("contact list validation", () => {
  it("refuses contradictory or out-of-range filters with a clear message", () => {
    const bad = contactListFiltersSchema.safeParse({ fitMin: "80", fitMax: "20" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe("The minimum fit is above the maximum");
    expect(contactListFiltersSchema.safeParse({ engagementMin: "140" }).error?.issues[0]?.message).toBe("Scores end at 100");
    expect(contactListFiltersSchema.safeParse({ cursor: "not-a-cursor" }).success).toBe(false);
    expect(contactListFiltersSchema.safeParse({ stage: "purple" }).success).toBe(false);
  });
});

describe("listContacts pages over exact ties", () => {
  beforeAll(async () => {
    // Ties the database stores more precisely than JavaScript reads them: microseconds and `real`.
    await handle.db.execute(sql`
      insert into contacts (email, created_at)
      select 'tie' || g || '@ties.test', '2025-06-01T10:00:00.123456Z'::timestamptz from generate_series(1, 30) g`);
    await handle.db.execute(sql`
      update contact_scores set fit_score = 33.3, engagement_score = 0.1 + (g.n % 2) * 0.2,
             last_activity_at = '2025-07-01T08:00:00.654321Z'::timestamptz + (g.n % 3) * interval '1 microsecond'
      from (select id, row_number() over (order by id) as n from contacts where email like '%@ties.test') g
      where contact_scores.contact_id = g.id`);
  });

  for (const sort of ["created", "fit", "engagement", "activity"] as const) {
    it(`returns each tied contact once when sorted by ${sort}`, async () => {
      const { seen } = await collectAllPages({ sort, q: "@ties.test" });
      expect(seen).toHaveLength(30);
      expect(new Set(seen).size).toBe(30);
    });
  }
});

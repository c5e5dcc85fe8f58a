import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabaseHandle, type DatabaseHandle } from "@/db/client";
import { mqlRecords, type NewMqlRecord } from "@/db/schema";
import { createTestDatabase } from "@/db/test-database";
import { insertContact } from "@/db/test-fixtures";
import { createApiKey } from "@/lib/api-keys/store";
import { GET } from "@/app/api/v1/analytics/funnel/route";

/**
 * A funnel whose answers are worked out by hand: stage jumps count the skipped stages, a recycled
 * contact that qualifies twice is two MQLs, and `to` takes its whole day.
 */
let handle: DatabaseHandle;
let key: string;
const t = (iso: string) => new Date(iso);

beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabaseHandle(handle);
  key = (await createApiKey(handle.db, { name: "bi", scopes: ["read"] })).key;
  const ids: Record<string, string> = {};
  for (const name of ["a", "b", "c", "d", "e", "f", "g"]) ids[name] = (await insertContact(handle.db, { email: `${name}@funnel.test`, region: name === "c" ? "EMEA" : "North America" })).id;
  const base = { fitScore: 60, engagementScore: 50, priorityScore: 55, reason: "threshold" as const, region: "North America" };
  const records: NewMqlRecord[] = [
    // January: A accepted and qualified (still open as SQL); B jumped straight from MQL to customer.
    { ...base, contactId: ids.a!, source: "webinar", status: "sql", mqlAt: t("2026-01-10T09:00Z"), acceptedAt: t("2026-01-11T09:00Z"), sqlAt: t("2026-01-15T09:00Z") },
    { ...base, contactId: ids.b!, source: "webinar", status: "customer", mqlAt: t("2026-01-20T09:00Z"), wonAt: t("2026-03-01T09:00Z"), closedAt: t("2026-03-01T09:00Z") },
    // February: C rejected and recycled; D went all the way to an opportunity and was lost.
    { ...base, contactId: ids.c!, region: "EMEA", source: "paid_search", status: "rejected", mqlAt: t("2026-02-05T09:00Z"), rejectedAt: t("2026-02-06T09:00Z"), recycledAt: t("2026-02-06T09:00Z"), closedAt: t("2026-02-06T09:00Z") },
    { ...base, contactId: ids.d!, source: "webinar", status: "lost", mqlAt: t("2026-02-15T09:00Z"), acceptedAt: t("2026-02-16T09:00Z"), sqlAt: t("2026-02-20T09:00Z"), opportunityAt: t("2026-02-25T09:00Z"), lostAt: t("2026-03-10T09:00Z"), closedAt: t("2026-03-10T09:00Z") },
    // March: C qualifies again; F qualifies in the last half hour of the range.
    { ...base, contactId: ids.c!, region: "EMEA", source: "paid_search", status: "mql", mqlAt: t("2026-03-01T09:00Z") },
    { ...base, contactId: ids.f!, source: "webinar", status: "mql", mqlAt: t("2026-03-31T23:30Z") },
    // Outside the range on either side.
    { ...base, contactId: ids.e!, source: "webinar", status: "mql", mqlAt: t("2025-12-31T23:59Z") },
    { ...base, contactId: ids.g!, source: "webinar", status: "mql", mqlAt: t("2026-04-01T00:00Z") },
  ];
  await handle.db.insert(mqlRecords).values(records);
});

afterAll(async () => {
  setDatabaseHandle(undefined);
  await handle.close();
});

const get = (query: string, auth = `Bearer ${key}`) =>
  GET(new Request(`http://test/api/v1/analytics/funnel?${query}`, { headers: { authorization: auth } }), { params: Promise.resolve({}) });
const zero = { mqls: 0, sal: 0, sql: 0, opportunity: 0, customer: 0, lost: 0, rejected: 0, open: 0 };

describe("GET /api/v1/analytics/funnel", () => {
  it("counts each month's MQLs and how far they got, with the totals", async () => {
    const res = await get("from=2026-01-01&to=2026-03-31&groupBy=month");
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.rows).toEqual([
      { group: "2026-01", ...zero, mqls: 2, sal: 2, sql: 2, opportunity: 1, customer: 1, open: 1, mqlToSqlRate: 1, mqlToCustomerRate: 0.5 },
      { group: "2026-02", ...zero, mqls: 2, sal: 1, sql: 1, opportunity: 1, lost: 1, rejected: 1, mqlToSqlRate: 0.5, mqlToCustomerRate: 0 },
      { group: "2026-03", ...zero, mqls: 2, open: 2, mqlToSqlRate: 0, mqlToCustomerRate: 0 },
    ]);
    expect(body.totals).toEqual({ ...zero, mqls: 6, sal: 3, sql: 3, opportunity: 2, customer: 1, lost: 1, rejected: 1, open: 3, mqlToSqlRate: 0.5, mqlToCustomerRate: 1 / 6 });
  });

  it("breaks down by source and by region", async () => {
    const bySource = await (await get("from=2026-01-01&to=2026-03-31&groupBy=source")).json();
    expect(bySource.rows).toEqual([
      { group: "paid_search", ...zero, mqls: 2, rejected: 1, open: 1, mqlToSqlRate: 0, mqlToCustomerRate: 0 },
      { group: "webinar", ...zero, mqls: 4, sal: 3, sql: 3, opportunity: 2, customer: 1, lost: 1, open: 2, mqlToSqlRate: 0.75, mqlToCustomerRate: 0.25 },
    ]);
    const byRegion = await (await get("from=2026-01-01&to=2026-03-31&groupBy=region")).json();
    expect(byRegion.rows.map((r: { group: string; mqls: number }) => [r.group, r.mqls])).toEqual([
      ["EMEA", 2],
      ["North America", 4],
    ]);
  });

  it("takes `to` as a whole day and defaults to months; an empty range has zero totals", async () => {
    const oneDay = await (await get("from=2026-03-31&to=2026-03-31")).json();
    expect(oneDay.totals.mqls).toBe(1);
    expect(oneDay.rows[0].group).toBe("2026-03");
    const none = await (await get("from=2024-01-01&to=2024-01-31")).json();
    expect(none).toEqual({ rows: [], totals: { ...zero, mqlToSqlRate: 0, mqlToCustomerRate: 0 } });
  });

  it("says what is wrong with a bad query, and wants a read key", async () => {
    for (const [query, message] of [
      ["from=2026-02-30&to=2026-03-01", /from: Dates are YYYY-MM-DD/],
      ["from=2026-03-01&to=2026-01-01", /from: `from` is after `to`/],
      ["from=2026-01-01&to=2026-03-01&groupBy=planet", /groupBy is one of month, source/],
      ["to=2026-03-01", /from/],
    ] as const) {
      const res = await get(query);
      expect(res.status, query).toBe(400);
      const body = await res.json();
      expect(body.error.code).toBe("bad_request:analytics");
      expect(body.error.message).toMatch(message);
    }
    expect((await get("from=2026-01-01&to=2026-03-31", "")).status).toBe(401);
  });
});

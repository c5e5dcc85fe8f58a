import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabaseHandle, type DatabaseHandle } from "@/db/client";
import { mqlRecords, type NewMqlRecord } from "@/db/schema";
import { createTestDatabase } from "@/db/test-database";
import { insertContact } from "@/db/test-fixtures";
import { createApiKey } from "@/lib/api-keys/store";
import { wilsonInterval } from "@/lib/analytics/wilson";
import { GET } from "@/app/api/v1/analytics/threshold-sweep/route";

let handle: DatabaseHandle;
let key: string;

// Fit at qualification, and how far each went. 70.9 passes 70 but not 71.
const RECORDS: [fit: number, engagement: number, outcome: "none" | "sql" | "customer"][] = [
  [45, 90, "none"],
  [55, 20, "sql"],
  [55, 30, "none"],
  [62, 40, "none"],
  [70, 50, "sql"],
  [70.9, 60, "customer"],
  [88, 70, "sql"],
  [100, 80, "customer"],
];

beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabaseHandle(handle);
  key = (await createApiKey(handle.db, { name: "bi", scopes: ["read"] })).key;
  const rows: NewMqlRecord[] = [];
  for (const [i, [fit, engagement, outcome]] of RECORDS.entries()) {
    const c = await insertContact(handle.db, { email: `s${i}@sweep.test` });
    const at = new Date(Date.UTC(2026, 1, 1 + i, 10));
    rows.push({
      contactId: c.id,
      status: outcome === "none" ? "mql" : outcome,
      mqlAt: at,
      fitScore: fit,
      engagementScore: engagement,
      priorityScore: (fit + engagement) / 2,
      reason: "threshold",
      sqlAt: outcome === "sql" ? at : null,
      wonAt: outcome === "customer" ? at : null,
    });
  }
  const outside = await insertContact(handle.db, { email: "outside@sweep.test" });
  rows.push({ contactId: outside.id, status: "customer", mqlAt: new Date("2026-05-01T10:00Z"), wonAt: new Date("2026-05-02T10:00Z"), fitScore: 99, engagementScore: 99, priorityScore: 99, reason: "threshold" });
  await handle.db.insert(mqlRecords).values(rows);
});

afterAll(async () => {
  setDatabaseHandle(undefined);
  await handle.close();
});

const get = (query: string) => GET(new Request(`http://test/api/v1/analytics/threshold-sweep?${query}`, { headers: { authorization: `Bearer ${key}` } }), { params: Promise.resolve({}) });

describe("GET /api/v1/analytics/threshold-sweep", () => {
  it("gives every threshold 0–100 on fit the MQLs it passes and their conversion with 95% intervals", async () => {
    const res = await get("dimension=fit&from=2026-02-01&to=2026-02-28");
    expect(res.status).toBe(200);
    const { rows } = await res.json();
    expect(rows).toHaveLength(101);
    const at = (t: number) => rows[t];
    const expectPoint = (t: number, mqls: number, sql: number, customers: number) => {
      expect(at(t), `threshold ${t}`).toMatchObject({ threshold: t, mqls, sql, customers, sparse: true });
      expect(at(t).mqlToSqlRate).toEqual(wilsonInterval(sql, mqls));
      expect(at(t).mqlToCustomerRate).toEqual(wilsonInterval(customers, mqls));
    };
    expectPoint(0, 8, 5, 2);
    expectPoint(45, 8, 5, 2);
    expectPoint(46, 7, 5, 2);
    expectPoint(55, 7, 5, 2);
    expectPoint(56, 5, 4, 2);
    expectPoint(70, 4, 4, 2);
    expectPoint(71, 2, 2, 1);
    expectPoint(88, 2, 2, 1);
    expectPoint(89, 1, 1, 1);
    expectPoint(100, 1, 1, 1);
    // Monotone: a higher bar never passes more.
    for (let t = 1; t <= 100; t++) expect(at(t).mqls).toBeLessThanOrEqual(at(t - 1).mqls);
  });

  it("sweeps engagement too, and a range with no records has no rates", async () => {
    const { rows } = await (await get("dimension=engagement&from=2026-02-01&to=2026-02-28")).json();
    expect(rows[50]).toMatchObject({ mqls: 5, sql: 4, customers: 2 }); // engagement 50 (SQL), 60 (won), 70 (SQL), 80 (won), 90
    const empty = await (await get("dimension=fit&from=2025-01-01&to=2025-01-31")).json();
    expect(empty.rows[0]).toMatchObject({ threshold: 0, mqls: 0, sql: 0, customers: 0, mqlToSqlRate: null, mqlToCustomerRate: null, backing: 0, sparse: true });
  });

  it("refuses a bad dimension or range with a clear message", async () => {
    const bad = await get("dimension=color&from=2026-02-01&to=2026-02-28");
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/dimension is fit or engagement/);
    const backwards = await get("dimension=fit&from=2026-03-01&to=2026-02-01");
    expect((await backwards.json()).error.message).toMatch(/`from` is after `to`/);
  });
});

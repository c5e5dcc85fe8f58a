import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { setDatabaseHandle, type DatabaseHandle } from "@/db/client";
import { mqlRecords, type NewMqlRecord } from "@/db/schema";
import { createTestDatabase } from "@/db/test-database";
import { insertContact, insertUser } from "@/db/test-fixtures";
import { gridQuerySchema, sweepQuerySchema } from "@/lib/analytics/sweep-query";
import type { InForceThresholds } from "@/lib/calibration/in-force";
import { thresholdGrid, thresholdSweep } from "./threshold-sweep";

// The session is the one thing faked for the studio's endpoints.
const session = vi.hoisted(() => ({ current: null as null | { user: { id: string; role: string } } }));
vi.mock("@/lib/auth", () => ({ auth: async () => session.current }));
const { GET: getSweep } = await import("@/app/api/analytics/threshold-sweep/route");
const { GET: getGrid } = await import("@/app/api/analytics/threshold-grid/route");

let handle: DatabaseHandle;
const users: Record<string, string> = {};

const IN_FORCE: InForceThresholds = { fit: 50, engagement: 40, regions: [{ value: "APAC", fit: 55, engagement: 45 }] };
type Outcome = "none" | "sql" | "customer";
type Group = { n: number; fit: number; engagement: number; region: string; reason: NewMqlRecord["reason"]; share?: number; outcomes: Outcome[] };

// A hand-built quarter (2026-01-01 – 2026-03-31, 90 days) of decisions at fit ≥ 50, engagement ≥ 40
// (APAC: 55 / 45). Outcomes listed are for the first records of a group; the rest stayed MQLs.
const GROUPS: Record<string, Group> = {
  A: { n: 10, fit: 60, engagement: 50, region: "EMEA", reason: "threshold", outcomes: ["sql", "sql", "sql", "customer"] },
  B: { n: 10, fit: 80, engagement: 70, region: "EMEA", reason: "threshold", outcomes: ["sql", "sql", "sql", "customer", "customer", "customer"] },
  // Exploration at a 10% share: each stands for 10 near misses.
  C: { n: 4, fit: 45, engagement: 45, region: "EMEA", reason: "exploration", share: 0.1, outcomes: ["sql"] },
  // Reached sales another way, far below the thresholds.
  D: { n: 2, fit: 30, engagement: 20, region: "EMEA", reason: "qualifying_action", outcomes: ["sql", "sql"] },
  E: { n: 3, fit: 58, engagement: 50, region: "APAC", reason: "threshold", outcomes: ["customer"] },
  // Below APAC's 55 but above the default 50, drawn at 5%: weighs 20.
  F: { n: 1, fit: 52, engagement: 50, region: "APAC", reason: "exploration", share: 0.05, outcomes: ["none"] },
};
const QUARTER = { from: "2026-01-01", to: "2026-03-31" };
const MONTHS = 90 / (365.2425 / 12);

beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabaseHandle(handle);
  for (const role of ["marketer", "sdr", "sales", "admin"] as const) users[role] = (await insertUser(handle.db, { role })).id;
  const rows: NewMqlRecord[] = [];
  let k = 0;
  for (const [name, g] of Object.entries(GROUPS)) {
    for (let i = 0; i < g.n; i++) {
      const contact = await insertContact(handle.db, { email: `${name}${i}@calibration.test`, region: g.region });
      const at = new Date(Date.UTC(2026, k % 3, 1 + (k % 27), 12));
      k++;
      const outcome = g.outcomes[i] ?? "none";
      rows.push({
        contactId: contact.id,
        status: outcome === "none" ? "mql" : outcome,
        mqlAt: at,
        fitScore: g.fit,
        engagementScore: g.engagement,
        priorityScore: (g.fit + g.engagement) / 2,
        reason: g.reason,
        isExploration: g.reason === "exploration",
        explorationShare: g.share ?? null,
        region: g.region,
        segment: g.region,
        sqlAt: outcome === "sql" ? at : null,
        wonAt: outcome === "customer" ? at : null,
      });
    }
  }
  // Outside the range: never counted.
  const late = await insertContact(handle.db, { email: "late@calibration.test", region: "EMEA" });
  rows.push({ contactId: late.id, status: "customer", mqlAt: new Date("2026-04-01T00:00:00Z"), wonAt: new Date("2026-04-02T00:00:00Z"), fitScore: 90, engagementScore: 90, priorityScore: 90, reason: "threshold", region: "EMEA" });
  await handle.db.insert(mqlRecords).values(rows);
});

afterAll(async () => {
  setDatabaseHandle(undefined);
  await handle.close();
});

const sweep = (q: Record<string, string>) => thresholdSweep(handle.db, { ...sweepQuerySchema.parse({ ...QUARTER, ...q }), inForce: IN_FORCE });

describe("the weighted threshold sweep", () => {
  it("counts exploration records for 1/share contacts, with the interval of the effective sample", async () => {
    const result = await sweep({ dimension: "fit", segment: "EMEA" });
    expect(result).toMatchObject({ dimension: "fit", segment: "EMEA", inForce: 50 });
    expect(result.months).toBeCloseTo(MONTHS, 10);
    const at = (t: number) => result.rows[t]!;

    // At the threshold in force only the rule's own records: A and B, unweighted.
    expect(at(50)).toMatchObject({ mqls: 20, sql: 10, customers: 4, backing: 20, explorationBacking: 0, effectiveN: 20, belowInForceBacking: 0, observed: true, sparse: true });
    expect(at(50).mqlToSqlRate!.value).toBe(0.5);
    expect(at(50).mqlToSqlRate!.low).toBeCloseTo(0.299298008, 8);
    expect(at(50).mqlToSqlRate!.high).toBeCloseTo(0.700701992, 8);

    // Five points lower the four exploration records stand for 40 contacts: 60 MQLs, 20 SQLs.
    const p45 = at(45);
    expect(p45).toMatchObject({ mqls: 60, sql: 20, customers: 4, backing: 24, explorationBacking: 4, belowInForceBacking: 4, observed: true });
    expect(p45.mqlsPerMonth).toBeCloseTo(60 / MONTHS, 10);
    expect(p45.effectiveN).toBeCloseTo(3600 / 420, 10);
    expect(p45.belowInForceEffectiveN).toBeCloseTo(4, 10);
    expect(p45.mqlToSqlRate!.value).toBeCloseTo(1 / 3, 12);
    expect(p45.mqlToSqlRate!.low).toBeCloseTo(0.117644102, 8);
    expect(p45.mqlToSqlRate!.high).toBeCloseTo(0.652180374, 8);
    expect(p45.mqlToCustomerRate!.value).toBeCloseTo(4 / 60, 12);
    expect(p45.mqlToCustomerRate!.low).toBeCloseTo(0.007794317, 8);
    expect(p45.mqlToCustomerRate!.high).toBeCloseTo(0.393749321, 8);
    // Four records below the threshold in force cannot be leaned on.
    expect(p45.sparse).toBe(true);

    // Below the exploration sample's reach only the qualifying actions have outcomes: not observed.
    expect(at(44)).toMatchObject({ mqls: 60, backing: 24, observed: false });
    expect(at(30)).toMatchObject({ mqls: 62, sql: 22, backing: 26, belowInForceBacking: 6, observed: false });
    expect(at(30).effectiveN).toBeCloseTo(62 ** 2 / 422, 10);
    expect(at(30).mqlToSqlRate!.low).toBeCloseTo(0.133775596, 8);
    expect(at(61)).toMatchObject({ mqls: 10, sql: 6, customers: 3, backing: 10 });
    expect(at(81)).toMatchObject({ mqls: 0, backing: 0, mqlToSqlRate: null });
  });

  it("holds the other score at its threshold in force when asked", async () => {
    const fit = await sweep({ dimension: "fit", segment: "EMEA", hold: "inForce" });
    // D (engagement 20) misses engagement ≥ 40 and drops out; C (45) stays.
    expect(fit.rows[0]).toMatchObject({ mqls: 60, backing: 24 });
    const engagement = await sweep({ dimension: "engagement", segment: "EMEA", hold: "inForce" });
    // Holding fit ≥ 50 drops C (45) and D (30).
    expect(engagement.rows[0]).toMatchObject({ mqls: 20, backing: 20, explorationBacking: 0 });
    expect(engagement.inForce).toBe(40);
  });

  it("uses each region's own threshold in force", async () => {
    const apac = await sweep({ dimension: "fit", segment: "apac" });
    expect(apac.inForce).toBe(55);
    expect(apac.rows[55]).toMatchObject({ mqls: 3, backing: 3, belowInForceBacking: 0, customers: 1 });
    expect(apac.rows[52]).toMatchObject({ mqls: 23, backing: 4, explorationBacking: 1, belowInForceBacking: 1, observed: true });
    expect(apac.rows[51]).toMatchObject({ mqls: 23, observed: false });
    // Every region: F is below APAC's 55 though above the default 50.
    const all = await sweep({ dimension: "fit" });
    expect(all.inForce).toBe(50);
    expect(all.rows[50]).toMatchObject({ mqls: 43, backing: 24, belowInForceBacking: 1, explorationBacking: 1 });
    expect(all.rows[50]!.effectiveN).toBeCloseTo(43 ** 2 / 423, 10);
  });
});

describe("the fit × engagement grid", () => {
  it("gives 21 × 21 cells, each counting the records at or above both thresholds", async () => {
    const grid = await thresholdGrid(handle.db, { ...gridQuerySchema.parse({ ...QUARTER, segment: "EMEA" }), inForce: IN_FORCE });
    expect(grid).toMatchObject({ step: 5, segment: "EMEA", inForce: { fit: 50, engagement: 40 } });
    expect(grid.cells).toHaveLength(441);
    const cell = (fit: number, engagement: number) => grid.cells.find((c) => c.fit === fit && c.engagement === engagement)!;
    expect(cell(0, 0)).toMatchObject({ mqls: 62, backing: 26, sql: 22, customers: 4 });
    expect(cell(30, 20)).toMatchObject({ mqls: 62, backing: 26 });
    expect(cell(30, 25)).toMatchObject({ mqls: 60, backing: 24 });
    expect(cell(45, 45)).toMatchObject({ mqls: 60, backing: 24, explorationBacking: 4, belowInForceBacking: 4, observed: true, sparse: true });
    expect(cell(45, 50)).toMatchObject({ mqls: 20, backing: 20 });
    expect(cell(50, 40)).toMatchObject({ mqls: 20, sql: 10, customers: 4, backing: 20, observed: true });
    expect(cell(60, 50)).toMatchObject({ mqls: 20, backing: 20 });
    expect(cell(65, 50)).toMatchObject({ mqls: 10, backing: 10, sql: 6 });
    expect(cell(60, 55)).toMatchObject({ mqls: 10, backing: 10 });
    expect(cell(100, 100)).toMatchObject({ mqls: 0, backing: 0, mqlToSqlRate: null });
    // Below the sample's reach on either score: not observed.
    expect(cell(40, 45).observed).toBe(false);
    expect(cell(45, 35).observed).toBe(false);
    expect(cell(45, 45).mqlToSqlRate!.low).toBeCloseTo(0.117644102, 8);
    // Monotone on both axes.
    for (const c of grid.cells) {
      if (c.fit < 100) expect(cell(c.fit + 5, c.engagement).mqls).toBeLessThanOrEqual(c.mqls);
      if (c.engagement < 100) expect(cell(c.fit, c.engagement + 5).mqls).toBeLessThanOrEqual(c.mqls);
    }
  });
});

describe("the studio's endpoints", () => {
  const request = (path: string, query: string) => new Request(`http://test/api/analytics/${path}?${query}`);
  it("answer marketers and admins, refuse other roles and the signed-out", async () => {
    session.current = null;
    expect((await getSweep(request("threshold-sweep", "dimension=fit&from=2026-01-01&to=2026-03-31"))).status).toBe(401);
    for (const role of ["sdr", "sales"]) {
      session.current = { user: { id: users[role]!, role } };
      const res = await getGrid(request("threshold-grid", "from=2026-01-01&to=2026-03-31"));
      expect(res.status).toBe(403);
      expect((await res.json()).error.code).toBe("forbidden:calibration");
    }
    for (const role of ["marketer", "admin"]) {
      session.current = { user: { id: users[role]!, role } };
      const res = await getSweep(request("threshold-sweep", "dimension=fit&from=2026-01-01&to=2026-03-31&segment=EMEA&hold=inForce"));
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body.rows).toHaveLength(101);
      expect(body.rows[0]).toMatchObject({ backing: 24 });
      const grid = await (await getGrid(request("threshold-grid", "from=2026-01-01&to=2026-03-31&segment=EMEA"))).json();
      expect(grid.cells).toHaveLength(441);
    }
  });

  it("refuse a bad query with a clear message", async () => {
    session.current = { user: { id: users.marketer!, role: "marketer" } };
    const res = await getSweep(request("threshold-sweep", "dimension=fit&from=2026-01-01&to=2026-03-31&hold=maybe"));
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/hold is none or inForce/);
  });
});

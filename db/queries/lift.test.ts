import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabaseHandle, type DatabaseHandle } from "@/db/client";
import { accounts, mqlRecords, type NewMqlRecord } from "@/db/schema";
import { createTestDatabase } from "@/db/test-database";
import { insertContact, insertEvents } from "@/db/test-fixtures";
import { createApiKey } from "@/lib/api-keys/store";
import { liftQuerySchema, type LiftRow } from "@/lib/analytics/lift";
import { GET } from "@/app/api/v1/analytics/lift/route";
import { liftAnalysis } from "./lift";

/**
 * A population whose lift is worked out by hand, against the default model (the workspace's
 * published version 1). 110 MQL records qualified in January–March 2026, 24 became customers —
 * a base rate of 24/110 = 21.8%:
 *
 * - 40 at Acme (Software, 800 people, Salesforce and Slack), VPs in EMEA from webinars, each
 *   requesting a demo as they qualified and viewing pricing 10 days before: 20 won, 10 of them
 *   straight from MQL (a stage jump); 5 more reached SQL only. Meetings after qualifying.
 * - 60 records at Beta (Retail, 30 people), managers in North America from paid search, who read
 *   the blog 5 days before: 3 won. One of them qualified twice (rejected in January, won in March).
 * - 10 with personal (gmail) addresses and no account in APAC, from webinars: 1 won; their
 *   e-mail opens were 100 days before qualifying, outside the 90-day window.
 * - Records qualified just before and after the range count for nothing.
 *
 * Wilson 95% intervals worked out by hand (z = 1.95996), lifts as rate ÷ (24/110).
 */
let handle: DatabaseHandle;
let key: string;
const at = (iso: string) => new Date(iso);
const days = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);

beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabaseHandle(handle);
  const db = handle.db;
  key = (await createApiKey(db, { name: "bi", scopes: ["read"] })).key;
  const [acme, beta] = await db
    .insert(accounts)
    .values([
      { name: "Acme", domain: "acme.test", industry: "Software", employees: 800, technologies: ["Salesforce", "Slack"] },
      { name: "Beta", domain: "beta.test", industry: "Retail", employees: 30 },
    ])
    .returning();
  const base = { fitScore: 60, engagementScore: 50, priorityScore: 55, reason: "threshold" as const };
  const records: NewMqlRecord[] = [];
  const events: Parameters<typeof insertEvents>[1] = [];

  for (let i = 0; i < 40; i++) {
    const c = await insertContact(db, { email: `s${i}@acme.test`, accountId: acme!.id, seniority: "vp", region: "EMEA", source: "webinar" });
    const mqlAt = at(`2026-01-${String(1 + (i % 28)).padStart(2, "0")}T10:00Z`);
    const won = i < 20;
    const viaSql = i < 10 || (i >= 20 && i < 25);
    records.push({
      ...base,
      contactId: c.id,
      accountId: acme!.id,
      region: "EMEA",
      source: "webinar",
      mqlAt,
      status: won ? "customer" : viaSql ? "sql" : "mql",
      sqlAt: viaSql ? days(mqlAt, 7) : null,
      wonAt: won ? days(mqlAt, 40) : null,
    });
    events.push(
      { contactId: c.id, type: "demo_request", occurredAt: mqlAt },
      { contactId: c.id, type: "page_view", occurredAt: days(mqlAt, -10), properties: { url: "https://acme.example/pricing" } },
      { contactId: c.id, type: "meeting", occurredAt: days(mqlAt, 3) },
    );
  }
  for (let i = 0; i < 59; i++) {
    const c = await insertContact(db, { email: `r${i}@beta.test`, accountId: beta!.id, seniority: "manager", region: "North America", source: "paid_search" });
    const retail = { ...base, contactId: c.id, accountId: beta!.id, region: "North America", source: "paid_search" };
    if (i === 0) {
      // Rejected in January, qualified again in March and won: two records.
      const first = at("2026-01-05T10:00Z");
      const second = at("2026-03-02T10:00Z");
      records.push(
        { ...retail, mqlAt: first, status: "rejected", rejectedAt: days(first, 1), recycledAt: days(first, 1) },
        { ...retail, mqlAt: second, status: "customer", wonAt: days(second, 20) },
      );
      events.push(
        { contactId: c.id, type: "page_view", occurredAt: days(first, -5), properties: { url: "/blog/intro" } },
        { contactId: c.id, type: "page_view", occurredAt: days(second, -5), properties: { url: "/blog/funnels" } },
      );
      continue;
    }
    const mqlAt = at(`2026-02-${String(1 + (i % 28)).padStart(2, "0")}T10:00Z`);
    const won = i <= 2;
    records.push({ ...retail, mqlAt, status: won ? "customer" : "mql", wonAt: won ? days(mqlAt, 30) : null });
    events.push({ contactId: c.id, type: "page_view", occurredAt: days(mqlAt, -5), properties: { url: "/blog/funnels" } });
  }
  for (let i = 0; i < 10; i++) {
    const c = await insertContact(db, { email: `p${i}@gmail.com`, region: "APAC", source: "webinar" });
    const mqlAt = at(`2026-03-${String(10 + i).padStart(2, "0")}T10:00Z`);
    records.push({ ...base, contactId: c.id, region: "APAC", source: "webinar", mqlAt, status: i === 0 ? "customer" : "mql", wonAt: i === 0 ? days(mqlAt, 10) : null });
    events.push({ contactId: c.id, type: "email_open", occurredAt: days(mqlAt, -100) });
  }
  // Outside the range on either side: a won Software VP and a lost one.
  for (const [i, mqlAt] of [at("2025-12-31T23:59Z"), at("2026-04-01T00:00Z")].entries()) {
    const c = await insertContact(db, { email: `out${i}@acme.test`, accountId: acme!.id, seniority: "vp", region: "EMEA", source: "webinar" });
    records.push({ ...base, contactId: c.id, accountId: acme!.id, region: "EMEA", source: "webinar", mqlAt, status: "customer", wonAt: days(mqlAt, 5) });
    events.push({ contactId: c.id, type: "webinar_attended", occurredAt: days(mqlAt, -1) });
  }
  await db.insert(mqlRecords).values(records);
  await insertEvents(db, events);
});

afterAll(async () => {
  setDatabaseHandle(undefined);
  await handle.close();
});

const q1 = (outcome?: "customer" | "sql") => liftQuerySchema.parse({ from: "2026-01-01", to: "2026-03-31", outcome });
const find = (rows: LiftRow[], field: string, value: string | null) => {
  const row = rows.find((r) => r.field === field && r.value === value);
  if (!row) throw new Error(`no row ${field} = ${value}`);
  return row;
};
const counts = (rows: LiftRow[], field: string) => rows.filter((r) => r.field === field).map((r) => [r.valueLabel, r.records, r.outcomes]);

describe("liftAnalysis", () => {
  it("counts the population and the base rate", async () => {
    const result = await liftAnalysis(handle.db, q1());
    expect(result.population.records).toBe(110);
    expect(result.population.outcomes).toBe(24);
    expect(result.population.rate!.low).toBeCloseTo(0.15123, 5);
    expect(result.population.rate!.high).toBeCloseTo(0.30415, 5);
    expect(result.modelVersion).toBe(1);
    expect(result.windowDays).toBe(90);
  });

  it("counts every attribute value of the contact and its account, banded at the model's bounds", async () => {
    const { rows } = await liftAnalysis(handle.db, q1());
    expect(counts(rows, "account.industry")).toEqual([["Retail", 60, 3], ["Software", 40, 20], ["Unknown", 10, 1]]);
    expect(counts(rows, "account.employees")).toEqual([["10–49", 60, 3], ["200–999", 40, 20], ["Unknown", 10, 1]]);
    expect(counts(rows, "account.annualRevenue")).toEqual([["Unknown", 110, 24]]);
    expect(counts(rows, "seniority")).toEqual([["Manager", 60, 3], ["VP", 40, 20], ["(none)", 10, 1]]);
    expect(counts(rows, "region")).toEqual([["North America", 60, 3], ["EMEA", 40, 20], ["APAC", 10, 1]]);
    expect(counts(rows, "source")).toEqual([["paid_search", 60, 3], ["webinar", 50, 21]]);
    expect(counts(rows, "account.technologies")).toEqual([["Salesforce", 40, 20], ["Slack", 40, 20]]);
    expect(counts(rows, "personalEmail")).toEqual([["No", 100, 23], ["Yes", 10, 1]]);
  });

  it("gives each value its rate, interval, lift, direction and the model's points", async () => {
    const { rows } = await liftAnalysis(handle.db, q1());
    const software = find(rows, "account.industry", "Software");
    expect(software.rate.value).toBe(0.5);
    expect(software.rate.low).toBeCloseTo(0.352, 3);
    expect(software.lift!.value).toBeCloseTo(2.2917, 4);
    expect(software.lift!.low).toBeCloseTo(1.6133, 4);
    expect(software.lift!.high).toBeCloseTo(2.97, 3);
    expect(software).toMatchObject({ direction: "over", sparse: false, model: { points: 15, rules: ["Core industry"] } });
    expect(find(rows, "account.industry", "Retail")).toMatchObject({ direction: "under", sparse: false, model: { points: 0 } });
    expect(find(rows, "account.industry", null)).toMatchObject({ direction: "neither", sparse: true });
    expect(find(rows, "account.employees", "3")).toMatchObject({ valueLabel: "200–999", model: { points: 20 } });
    expect(find(rows, "personalEmail", "true")).toMatchObject({ sparse: true, model: { points: -30 } });
    const webinar = find(rows, "source", "webinar");
    expect(webinar.lift!.value).toBeCloseTo(1.925, 3);
    expect(webinar.lift!.low).toBeCloseTo(1.3464, 4);
    expect(webinar.direction).toBe("over");
  });

  it("counts behaviours of the 90 days up to qualifying, not after it, with filtered rules on their own", async () => {
    const { rows } = await liftAnalysis(handle.db, q1());
    expect(counts(rows, "event")).toEqual([["Visited the website", 100, 23], ["Requested a demo", 40, 20]]);
    expect(counts(rows, "engagementRule")).toEqual([["Viewed pricing", 40, 20]]);
    expect(find(rows, "event", "demo_request")).toMatchObject({ direction: "over", model: { points: 30, cap: 30, qualifiesFromFit: 35 } });
    expect(find(rows, "event", "page_view")).toMatchObject({ direction: "neither", model: { points: 1, cap: 10 } });
    expect(find(rows, "engagementRule", "pricing")).toMatchObject({ direction: "over", model: { points: 8, cap: 24 } });
  });

  it("suggests rule changes where the model's points disagree, strongest first", async () => {
    const { suggestions } = await liftAnalysis(handle.db, q1());
    expect(suggestions.map((s) => s.text)).toEqual([
      "Technology = Slack: 2.3× (1.6–3.0×), the model gives nothing — consider a rule that gives it points.",
      "Seniority = Manager: 0.23× (0.08–0.63×), the model gives +8 — consider fewer points.",
      "Region = North America: 0.23× (0.08–0.63×), the model gives +10 — consider fewer points.",
      "Source = webinar: 1.9× (1.3–2.6×), the model gives nothing — consider a rule that gives it points.",
    ]);
  });

  it("measures against SQL too, counting a record that jumped to customer as having reached it", async () => {
    const { population, rows } = await liftAnalysis(handle.db, q1("sql"));
    expect(population).toMatchObject({ records: 110, outcomes: 29 });
    const software = find(rows, "account.industry", "Software");
    expect(software.outcomes).toBe(25);
    expect(software.lift!.value).toBeCloseTo(2.3707, 4);
  });

  it("reads behaviours from all records of a small range, and from a stable uniform sample of a large one", async () => {
    const all = await liftAnalysis(handle.db, q1());
    expect(all.behaviourPopulation).toMatchObject({ records: 110, outcomes: 24, sampled: false });
    const sampled = await liftAnalysis(handle.db, q1(), { behaviourSampleRecords: 40 });
    const sample = sampled.behaviourPopulation;
    expect(sample.sampled).toBe(true);
    expect(sample.records).toBeGreaterThan(15);
    expect(sample.records).toBeLessThan(70);
    expect(sample.rate!.value).toBe(sample.outcomes / sample.records);
    // Behaviours are the sample's, against the sample's base rate; attributes still count every record.
    const demo = find(sampled.rows, "event", "demo_request");
    expect(demo.records).toBeLessThan(40);
    expect(demo.lift!.value).toBeCloseTo(demo.rate.value / sample.rate!.value, 10);
    expect(find(sampled.rows, "account.industry", "Software").records).toBe(40);
    expect(sampled.population).toEqual(all.population);
    expect(await liftAnalysis(handle.db, q1(), { behaviourSampleRecords: 40 })).toEqual(sampled);
  });

  it("has nothing to say about an empty range", async () => {
    const result = await liftAnalysis(handle.db, liftQuerySchema.parse({ from: "2024-01-01", to: "2024-12-31" }));
    expect(result).toMatchObject({
      population: { records: 0, outcomes: 0, rate: null },
      behaviourPopulation: { records: 0, outcomes: 0, rate: null, sampled: false },
      rows: [],
      suggestions: [],
    });
  });
});

const get = (query: string, auth = `Bearer ${key}`) =>
  GET(new Request(`http://test/api/v1/analytics/lift?${query}`, { headers: { authorization: auth } }), { params: Promise.resolve({}) });

describe("GET /api/v1/analytics/lift", () => {
  it("answers what the query function answers", async () => {
    const res = await get("from=2026-01-01&to=2026-03-31");
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toEqual(JSON.parse(JSON.stringify(await liftAnalysis(handle.db, q1()))));
    expect(body.suggestions).toHaveLength(4);
  });

  it("says what is wrong with a bad query, and wants a read key", async () => {
    for (const [query, message] of [
      ["from=2026-02-30&to=2026-03-01", /from: Dates are YYYY-MM-DD/],
      ["from=2026-03-01&to=2026-01-01", /from: `from` is after `to`/],
      ["from=2026-01-01&to=2026-03-01&outcome=won", /outcome is customer or sql/],
      ["to=2026-03-01", /from/],
    ] as const) {
      const res = await get(query);
      expect(res.status, query).toBe(400);
      const body = await res.json();
      expect(body.error.code).toBe("bad_request:analytics");
      expect(body.error.message).toMatch(message);
    }
    expect((await get("from=2026-01-01&to=2026-03-31", "")).status).toBe(401);
    const ingestOnly = (await createApiKey(handle.db, { name: "loader", scopes: ["ingest"] })).key;
    expect((await get("from=2026-01-01&to=2026-03-31", `Bearer ${ingestOnly}`)).status).toBe(403);
  });
});

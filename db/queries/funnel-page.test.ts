import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { campaigns, campaignSpend, mqlRecords, rejectionReasons, type NewMqlRecord } from "@/db/schema";
import { createTestDatabase } from "@/db/test-database";
import { insertContact } from "@/db/test-fixtures";
import { campaignCost } from "./campaign-cost";
import { funnelCohorts } from "./funnel-cohorts";
import { countNewLeads } from "./funnel-leads";
import { funnelRejections } from "./funnel-rejections";
import { speedToLeadConversion } from "./speed-to-lead";

/**
 * The funnel page's figures on a hand-built data set, every answer worked out by hand. The range
 * is January–March 2026 and "now" is 15 April 2026:
 *
 *   Jan  A  touched 30 min, accepted +1 d, SQL +4 d, opportunity +17 d, customer +29 d (campaign X)
 *        B  never touched, jumped straight from MQL to customer 40 days later   (campaign X)
 *        E  touched after 5 days, rejected by the SDR (bad fit)
 *        I  touched 1 h, accepted +2 d, SQL +3 d, opportunity +10 d, still open (campaign X)
 *   Feb  C  touched 2 h, rejected by the SDR (bad fit) and recycled          (campaign Y)
 *        D  touched 6 h, accepted +1 d, SQL +4 d, opportunity +5 d, lost
 *        J  touched 20 min, rejected by the SDR (duplicate)
 *   Mar  C  qualifies again: touched 24 h, accepted +1 d, SQL +1 d, refused by sales (no budget), recycled (campaign Y)
 *        F  never touched, open
 *        G  touched 10 min, accepted 1 h after qualifying, open
 *   Dec  H  (outside the range) customer 20 days after qualifying
 *
 * Customers took 51 (A), 40 (B) and 20 (H) days, so the typical MQL → customer time is 40 days:
 * March ended 14 days before "now" and is immature; February ended 45 days before and is not.
 */
let handle: DatabaseHandle;
const t = (iso: string) => new Date(iso);
const range = { from: t("2026-01-01T00:00Z"), until: t("2026-04-01T00:00Z") };
const now = t("2026-04-15T00:00Z");
const HOUR = 1 / 24;

beforeAll(async () => {
  handle = await createTestDatabase();
  const db = handle.db;
  const created: Record<string, string> = {
    a: "2025-12-15", b: "2026-01-05", c: "2026-01-20", d: "2026-02-01", e: "2026-01-02", f: "2026-03-10",
    g: "2026-03-31T23:00", h: "2025-11-20", i: "2026-01-11", j: "2026-02-19", k: "2026-02-10", l: "2026-04-01",
  };
  const ids: Record<string, string> = {};
  for (const [name, day] of Object.entries(created)) ids[name] = (await insertContact(db, { email: `${name}@funnel-page.test`, createdAt: t(`${day}${day.length === 10 ? "T12:00" : ""}Z`) })).id;
  await db.insert(rejectionReasons).values([
    { code: "bad_fit", label: "Bad fit" },
    { code: "duplicate", label: "Duplicate" },
    { code: "no_budget", label: "No budget" },
  ]).onConflictDoNothing();
  const [x, y, z] = await db.insert(campaigns).values([{ name: "X webinar", channel: "events" }, { name: "Y search", channel: "paid_search" }, { name: "Z social", channel: "paid_social" }]).returning();
  await db.insert(campaigns).values({ name: "W unused", channel: "content" });
  await db.insert(campaignSpend).values([
    { campaignId: x!.id, month: "2025-12-01", amountCents: 100_000 },
    { campaignId: x!.id, month: "2026-01-01", amountCents: 300_000 },
    { campaignId: x!.id, month: "2026-02-01", amountCents: 280_000 },
    { campaignId: x!.id, month: "2026-03-01", amountCents: 310_000 },
    { campaignId: x!.id, month: "2026-04-01", amountCents: 999_999 },
    { campaignId: y!.id, month: "2026-02-01", amountCents: 140_000 },
    { campaignId: z!.id, month: "2026-01-01", amountCents: 50_000 },
  ]);
  const base = { fitScore: 60, engagementScore: 50, priorityScore: 55, reason: "threshold" as const };
  const records: NewMqlRecord[] = [
    { ...base, contactId: ids.a!, campaignId: x!.id, status: "customer", mqlAt: t("2026-01-10T09:00Z"), firstTouchAt: t("2026-01-10T09:30Z"), acceptedAt: t("2026-01-11T09:00Z"), sqlAt: t("2026-01-15T09:00Z"), opportunityAt: t("2026-02-01T09:00Z"), wonAt: t("2026-03-02T09:00Z") },
    { ...base, contactId: ids.b!, campaignId: x!.id, status: "customer", mqlAt: t("2026-01-20T09:00Z"), wonAt: t("2026-03-01T09:00Z") },
    { ...base, contactId: ids.e!, status: "rejected", mqlAt: t("2026-01-25T09:00Z"), firstTouchAt: t("2026-01-30T09:00Z"), rejectedAt: t("2026-01-30T09:00Z"), rejectionReason: "bad_fit" },
    { ...base, contactId: ids.i!, campaignId: x!.id, status: "opportunity", mqlAt: t("2026-01-12T09:00Z"), firstTouchAt: t("2026-01-12T10:00Z"), acceptedAt: t("2026-01-14T09:00Z"), sqlAt: t("2026-01-17T09:00Z"), opportunityAt: t("2026-01-27T09:00Z") },
    { ...base, contactId: ids.c!, campaignId: y!.id, status: "rejected", mqlAt: t("2026-02-05T09:00Z"), firstTouchAt: t("2026-02-05T11:00Z"), rejectedAt: t("2026-02-06T09:00Z"), rejectionReason: "bad_fit", recycledAt: t("2026-02-06T09:00Z") },
    { ...base, contactId: ids.d!, status: "lost", mqlAt: t("2026-02-15T09:00Z"), firstTouchAt: t("2026-02-15T15:00Z"), acceptedAt: t("2026-02-16T09:00Z"), sqlAt: t("2026-02-20T09:00Z"), opportunityAt: t("2026-02-25T09:00Z"), lostAt: t("2026-03-10T09:00Z") },
    { ...base, contactId: ids.j!, status: "rejected", mqlAt: t("2026-02-20T09:00Z"), firstTouchAt: t("2026-02-20T09:20Z"), rejectedAt: t("2026-02-20T10:00Z"), rejectionReason: "duplicate" },
    { ...base, contactId: ids.c!, campaignId: y!.id, status: "recycled", mqlAt: t("2026-03-01T09:00Z"), firstTouchAt: t("2026-03-02T09:00Z"), acceptedAt: t("2026-03-02T09:00Z"), sqlAt: t("2026-03-03T09:00Z"), salesRejectedAt: t("2026-03-05T09:00Z"), salesRejectionReason: "no_budget", salesRejectionOutcome: "recycle", recycledAt: t("2026-03-05T09:00Z") },
    { ...base, contactId: ids.f!, status: "mql", mqlAt: t("2026-03-20T09:00Z") },
    { ...base, contactId: ids.g!, status: "sal", mqlAt: t("2026-03-25T09:00Z"), firstTouchAt: t("2026-03-25T09:10Z"), acceptedAt: t("2026-03-25T10:00Z") },
    { ...base, contactId: ids.h!, campaignId: x!.id, status: "customer", mqlAt: t("2025-12-01T09:00Z"), firstTouchAt: t("2025-12-01T09:05Z"), acceptedAt: t("2025-12-02T09:00Z"), wonAt: t("2025-12-21T09:00Z") },
  ];
  await db.insert(mqlRecords).values(records);
});

afterAll(async () => {
  await handle.close();
});

const zero = { mqls: 0, sal: 0, sql: 0, opportunity: 0, customer: 0, lost: 0, rejected: 0, open: 0 };

describe("funnel cohorts by MQL month", () => {
  it("counts each cohort's outcomes, stage jumps included and a recycled contact twice", async () => {
    const { rows, typicalDaysToCustomer } = await funnelCohorts(handle.db, { ...range, now });
    expect(typicalDaysToCustomer).toBe(40);
    expect(rows.map(({ medianDays: _m, immature: _i, reason: _r, ...counts }) => counts)).toEqual([
      { month: "2026-01", group: "2026-01", ...zero, mqls: 4, sal: 3, sql: 3, opportunity: 3, customer: 2, rejected: 1, open: 1, mqlToSqlRate: 0.75, mqlToCustomerRate: 0.5 },
      { month: "2026-02", group: "2026-02", ...zero, mqls: 3, sal: 1, sql: 1, opportunity: 1, lost: 1, rejected: 2, mqlToSqlRate: 1 / 3, mqlToCustomerRate: 0 },
      { month: "2026-03", group: "2026-03", ...zero, mqls: 3, sal: 2, sql: 1, open: 2, mqlToSqlRate: 1 / 3, mqlToCustomerRate: 0 },
    ]);
  });

  it("takes the median days of each step over the records that recorded both stages", async () => {
    const { rows } = await funnelCohorts(handle.db, { ...range, now });
    const [jan, feb, mar] = rows.map((r) => r.medianDays);
    // B jumped to customer: it counts as a customer above, but gives no step a duration.
    expect(jan).toEqual({ mqlToSal: 1.5, salToSql: 3.5, sqlToOpportunity: 13.5, opportunityToCustomer: 29 });
    expect(feb).toEqual({ mqlToSal: 1, salToSql: 4, sqlToOpportunity: 5, opportunityToCustomer: null });
    expect(mar!.mqlToSal).toBeCloseTo((1 + HOUR) / 2, 9);
    expect(mar).toMatchObject({ salToSql: 1, sqlToOpportunity: null, opportunityToCustomer: null });
  });

  it("marks the cohort younger than the typical time to close as immature", async () => {
    const { rows } = await funnelCohorts(handle.db, { ...range, now });
    expect(rows.map((r) => [r.month, r.immature, r.reason])).toEqual([
      ["2026-01", false, null],
      ["2026-02", false, null],
      ["2026-03", true, "young"],
    ]);
    // Two months on, March is old enough — but two of its three MQLs are still open.
    const later = await funnelCohorts(handle.db, { ...range, now: t("2026-06-01T00:00Z") });
    expect(later.rows.map((r) => r.reason)).toEqual([null, null, "open"]);
  });

  it("is empty for a range without MQLs", async () => {
    const { rows } = await funnelCohorts(handle.db, { from: t("2024-01-01T00:00Z"), until: t("2024-02-01T00:00Z"), now });
    expect(rows).toEqual([]);
  });
});

describe("new leads", () => {
  it("counts the contacts created in the range", async () => {
    expect(await countNewLeads(handle.db, range)).toBe(9);
    expect(await countNewLeads(handle.db, { from: t("2026-03-31T00:00Z"), until: range.until })).toBe(1);
  });
});

describe("rejection reasons", () => {
  it("counts SDR and sales rejections by reason, with their shares", async () => {
    expect(await funnelRejections(handle.db, range)).toEqual({
      totals: { sdr: 3, sales: 1 },
      rows: [
        { kind: "sdr", code: "bad_fit", reason: "Bad fit", count: 2, share: 2 / 3 },
        { kind: "sdr", code: "duplicate", reason: "Duplicate", count: 1, share: 1 / 3 },
        { kind: "sales", code: "no_budget", reason: "No budget", count: 1, share: 1 },
      ],
    });
  });
});

describe("speed to lead", () => {
  it("buckets MQLs by time to first touch, lower bounds included, against SQL and customer", async () => {
    const rows = await speedToLeadConversion(handle.db, range);
    expect(rows.map((r) => [r.bucket, r.mqls, r.sql, r.customer])).toEqual([
      ["under1h", 3, 1, 1], // A, J, G
      ["1to4h", 2, 1, 0], // I (exactly 1 h), C
      ["4to24h", 1, 1, 0], // D
      ["1to3d", 1, 1, 0], // C again (exactly 24 h)
      ["over3d", 1, 0, 0], // E
      ["never", 2, 1, 1], // F, and B, who jumped to customer
    ]);
    expect(rows[0]).toMatchObject({ label: "< 1 h", mqlToSqlRate: 1 / 3, mqlToCustomerRate: 1 / 3 });
  });

  it("keeps every bucket when the range is empty", async () => {
    const rows = await speedToLeadConversion(handle.db, { from: t("2024-01-01T00:00Z"), until: t("2024-02-01T00:00Z") });
    expect(rows.map((r) => [r.bucket, r.mqls, r.mqlToSqlRate])).toEqual(["under1h", "1to4h", "4to24h", "1to3d", "over3d", "never"].map((b) => [b, 0, 0]));
  });
});

describe("cost per MQL and per customer", () => {
  it("divides each campaign's spend in the range by its MQLs and customers", async () => {
    const { rows, totals } = await campaignCost(handle.db, range);
    expect(rows.map(({ campaignId: _id, ...r }) => r)).toEqual([
      { campaign: "X webinar", channel: "events", spendCents: 890_000, mqls: 3, customers: 2, costPerMqlCents: 890_000 / 3, costPerCustomerCents: 445_000 },
      { campaign: "Y search", channel: "paid_search", spendCents: 140_000, mqls: 2, customers: 0, costPerMqlCents: 70_000, costPerCustomerCents: null },
      { campaign: "Z social", channel: "paid_social", spendCents: 50_000, mqls: 0, customers: 0, costPerMqlCents: null, costPerCustomerCents: null },
    ]);
    expect(totals).toEqual({ spendCents: 1_080_000, mqls: 5, customers: 2, costPerMqlCents: 216_000, costPerCustomerCents: 540_000 });
  });

  it("charges a month the range covers in part for its days inside the range", async () => {
    // 15 Feb – 14 Mar: half of February (14 of 28 days) and 14 of March's 31 days.
    const { rows } = await campaignCost(handle.db, { from: t("2026-02-15T00:00Z"), until: t("2026-03-15T00:00Z") });
    expect(rows.map((r) => [r.campaign, r.spendCents, r.mqls, r.costPerMqlCents])).toEqual([
      ["X webinar", 140_000 + 140_000, 0, null],
      ["Y search", 70_000, 1, 70_000],
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { cohortMaturity, maturityRule } from "./cohort-maturity";

describe("cohort maturity", () => {
  const now = new Date("2026-04-15T00:00:00Z");
  it("is immature while less than the typical time to close has passed since the month ended", () => {
    // March ended 1 April: 14 days ago.
    expect(cohortMaturity({ month: "2026-03", mqls: 10, open: 0 }, { now, typicalDaysToCustomer: 15 })).toEqual({ immature: true, reason: "young" });
    expect(cohortMaturity({ month: "2026-03", mqls: 10, open: 0 }, { now, typicalDaysToCustomer: 14 })).toEqual({ immature: false, reason: null });
  });
  it("is immature while more than half of it is open, and without a typical time only then", () => {
    expect(cohortMaturity({ month: "2025-01", mqls: 10, open: 6 }, { now, typicalDaysToCustomer: 40 })).toEqual({ immature: true, reason: "open" });
    expect(cohortMaturity({ month: "2025-01", mqls: 10, open: 5 }, { now, typicalDaysToCustomer: null })).toEqual({ immature: false, reason: null });
    expect(cohortMaturity({ month: "2026-04", mqls: 0, open: 0 }, { now, typicalDaysToCustomer: null })).toEqual({ immature: false, reason: null });
  });
  it("states the rule with the typical time", () => {
    expect(maturityRule(40.4)).toMatch(/median 40 days.*more than 50% of its MQLs are still open/);
    expect(maturityRule(null)).toMatch(/no MQL has become a customer yet/);
  });
});

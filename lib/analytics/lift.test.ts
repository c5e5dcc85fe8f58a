import { describe, expect, it } from "vitest";
import { DEFAULT_MODEL } from "../scoring/default-model";
import { computeLift, describeModelWeight, formatLift, liftQuerySchema, suggestRuleChanges, type LiftGroup } from "./lift";
import { attributeWeight, bandEdges, bandLabel, eventTypeWeight, filteredRules, filteredRuleWeight } from "./lift-model";

const group = (field: string, value: string, records: number, outcomes: number, points = 0): LiftGroup => ({
  kind: "attribute",
  field,
  fieldLabel: "Industry",
  value,
  valueLabel: value,
  records,
  outcomes,
  model: { points, rules: points ? ["a rule"] : [] },
});

// 1,000 records of which 100 reached the outcome: a base rate of 10%. The intervals are the
// Wilson 95% intervals worked out by hand (z = 1.95996).
const population = { records: 1000, outcomes: 100 };

describe("computeLift", () => {
  const { baseRate, rows } = computeLift(population, [
    group("account.industry", "Software", 200, 50),
    group("account.industry", "Retail", 300, 15, 5),
    group("account.industry", "Media", 100, 12),
    group("account.industry", "Mining", 20, 15),
    group("account.industry", "Nothing", 0, 0),
  ]);
  const row = (value: string) => rows.find((r) => r.value === value)!;

  it("gives the base rate with its interval", () => {
    expect(baseRate!.value).toBe(0.1);
    expect(baseRate!.low).toBeCloseTo(0.08291, 5);
    expect(baseRate!.high).toBeCloseTo(0.12015, 5);
  });

  it("marks a value over-represented when its whole interval is above the base rate", () => {
    const software = row("Software");
    expect(software.rate.value).toBe(0.25);
    expect(software.rate.low).toBeCloseTo(0.19508, 5);
    expect(software.rate.high).toBeCloseTo(0.31434, 5);
    expect(software.lift!.value).toBeCloseTo(2.5, 10);
    expect(software.lift!.low).toBeCloseTo(1.9508, 4);
    expect(software.lift!.high).toBeCloseTo(3.1434, 4);
    expect(software.direction).toBe("over");
    expect(software.sparse).toBe(false);
  });

  it("marks a value under-represented when its whole interval is below, and neither when it straddles", () => {
    expect(row("Retail").lift!.value).toBeCloseTo(0.5, 10);
    expect(row("Retail").lift!.high).toBeCloseTo(0.8085, 4);
    expect(row("Retail").direction).toBe("under");
    expect(row("Media").lift!.low).toBeCloseTo(0.6999, 4);
    expect(row("Media").lift!.high).toBeCloseTo(1.9812, 4);
    expect(row("Media").direction).toBe("neither");
  });

  it("calls a value backed by fewer than 30 records sparse and claims nothing for it, even when its interval excludes the base", () => {
    const mining = row("Mining");
    expect(mining.lift!.value).toBeCloseTo(7.5, 10);
    expect(mining.lift!.low).toBeCloseTo(5.313, 3);
    expect(mining.sparse).toBe(true);
    expect(mining.direction).toBe("neither");
  });

  it("leaves out values without records, and has no lift without any outcome", () => {
    expect(rows.map((r) => r.value)).toEqual(["Software", "Retail", "Media", "Mining"]);
    const none = computeLift({ records: 50, outcomes: 0 }, [group("source", "webinar", 40, 0)]);
    expect(none.baseRate).toEqual({ value: 0, low: 0, high: expect.closeTo(0.07135, 5) });
    expect(none.rows[0]!.lift).toBeNull();
    expect(none.rows[0]!.direction).toBe("neither");
    expect(computeLift({ records: 0, outcomes: 0 }, []).baseRate).toBeNull();
  });
});

describe("suggestRuleChanges", () => {
  it("suggests points for a strongly over-represented value the model ignores, and fewer for an under-represented one it rewards", () => {
    const { rows } = computeLift(population, [
      group("account.industry", "Software", 200, 50),
      group("account.industry", "Retail", 300, 15, 5),
      group("account.industry", "Mining", 20, 15),
    ]);
    const suggestions = suggestRuleChanges(rows);
    expect(suggestions.map((s) => [s.action, s.value])).toEqual([
      ["raise", "Software"],
      ["lower", "Retail"],
    ]);
    expect(suggestions[0]!.text).toBe("Industry = Software: 2.5× (2.0–3.1×), the model gives nothing — consider a rule that gives it points.");
    expect(suggestions[1]!.text).toBe("Industry = Retail: 0.50× (0.31–0.81×), the model gives +5 — consider fewer points.");
  });

  it("says nothing where the model agrees, where the difference is small, or of a penalised value that is merely average", () => {
    const { rows } = computeLift(population, [
      group("account.industry", "Software", 200, 50, 15), // over, and the model already rewards it
      group("account.industry", "Retail", 300, 15, -10), // under, and the model already penalises it
      group("account.industry", "Media", 100, 12, 10), // neither
    ]);
    expect(suggestRuleChanges(rows)).toEqual([]);
    // 12% of 5,000 against 10%: certainly above (11.1–12.9%), but only 1.2×.
    const slight = computeLift(population, [group("account.industry", "Software", 5000, 600)]).rows;
    expect(slight[0]!.direction).toBe("over");
    expect(suggestRuleChanges(slight)).toEqual([]);
  });

  it("asks to reconsider a penalty on a value that converts well", () => {
    const { rows } = computeLift(population, [group("personalEmail", "true", 200, 50, -30)]);
    expect(suggestRuleChanges(rows)[0]!.text).toMatch(/the model gives -30 — reconsider the penalty\.$/);
  });
});

describe("formatting", () => {
  it("formats lifts and what the model gives", () => {
    expect(formatLift({ value: 2.345, low: 1.94, high: 2.71 })).toBe("2.3× (1.9–2.7×)");
    expect(formatLift({ value: 12.4, low: 8, high: 17.2 })).toBe("12× (8.0–17×)");
    expect(formatLift({ value: 0.229, low: 0.0786, high: 0.628 })).toBe("0.23× (0.08–0.63×)");
    expect(formatLift({ value: 1.8, low: 1.04, high: 3.1 })).toBe("1.8× (1.04–3.1×)");
    expect(formatLift({ value: 1, low: 0.96, high: 1.002 })).toBe("1.0× (0.96–1.0×)");
    expect(describeModelWeight({ kind: "attribute", model: { points: 15, rules: ["Core industry"] } })).toBe("the model gives +15");
    expect(describeModelWeight({ kind: "behaviour", model: { points: 8, cap: 24, rules: ["Viewed pricing"] } })).toBe("the model gives +8 per event (up to 24)");
    expect(describeModelWeight({ kind: "behaviour", model: { points: 30, cap: 30, rules: ["Requested a demo"], qualifiesFromFit: 35 } })).toBe(
      "the model gives +30 per event; it qualifies on its own from fit 35",
    );
    expect(describeModelWeight({ kind: "behaviour", model: { points: -20, cap: 20, rules: ["Unsubscribed"] } })).toBe("the model gives -20 per event");
    expect(describeModelWeight({ kind: "behaviour", model: { points: 0, rules: [] } })).toBe("the model gives nothing");
  });
});

describe("what the default model gives", () => {
  const rules = DEFAULT_MODEL.fitRules;

  it("bands company size at the model's own range bounds, filling gaps with customary ones", () => {
    // Rules: ≤9 (edge 10), 50–199 (edges 50, 200), 200–5,000 (edges 200, 5,001), 5,001+ (edge 5,001);
    // customary 1,000 fills the gap, 5,000 gives way to the model's 5,001.
    const edges = bandEdges("account.employees", rules);
    expect(edges).toEqual([10, 50, 200, 1000, 5001]);
    expect([0, 1, 2, 3, 4, 5].map((b) => bandLabel("account.employees", edges, b))).toEqual(["Under 10", "10–49", "50–199", "200–999", "1,000–5,000", "5,001+"]);
    expect([0, 1, 2, 3, 4, 5].map((b) => attributeWeight("account.employees", String(b), rules, edges).points)).toEqual([-10, 0, 10, 20, 20, 12]);
    // No revenue rule: the customary bands.
    const revenue = bandEdges("account.annualRevenue", rules);
    expect(revenue).toEqual([1e6, 1e7, 5e7, 1e8, 5e8, 1e9]);
    expect(bandLabel("account.annualRevenue", revenue, 0)).toBe("Under $1M");
    expect(bandLabel("account.annualRevenue", revenue, 2)).toBe("$10M–$50M");
    expect(bandLabel("account.annualRevenue", revenue, 6)).toBe("$1B+");
  });

  it("adds up the fit rules a value matches, case-insensitively, and gives nothing to no value", () => {
    expect(attributeWeight("account.industry", "software", rules)).toEqual({ points: 15, rules: ["Core industry"] });
    expect(attributeWeight("account.industry", "Healthcare", rules).points).toBe(5);
    expect(attributeWeight("account.industry", "Education", rules)).toEqual({ points: 0, rules: [] });
    expect(attributeWeight("seniority", "vp", rules).points).toBe(20);
    expect(attributeWeight("region", "EMEA", rules).points).toBe(10);
    expect(attributeWeight("account.technologies", "HubSpot", rules).points).toBe(10);
    expect(attributeWeight("personalEmail", "true", rules)).toEqual({ points: -30, rules: ["Personal email address"] });
    expect(attributeWeight("personalEmail", "false", rules).points).toBe(0);
    expect(attributeWeight("seniority", null, rules).points).toBe(0);
  });

  it("gives event types their unfiltered rules and marks qualifying actions; filtered rules stand alone", () => {
    expect(eventTypeWeight("page_view", DEFAULT_MODEL)).toEqual({ points: 1, cap: 10, rules: ["Visited the website"] });
    expect(eventTypeWeight("demo_request", DEFAULT_MODEL)).toEqual({ points: 30, cap: 30, rules: ["Requested a demo"], qualifiesFromFit: 35 });
    expect(eventTypeWeight("email_sent", DEFAULT_MODEL)).toEqual({ points: 0, rules: [] });
    expect(filteredRules(DEFAULT_MODEL).map((r) => r.id)).toEqual(["pricing"]);
    expect(filteredRuleWeight(filteredRules(DEFAULT_MODEL)[0]!)).toEqual({ points: 8, cap: 24, rules: ["Viewed pricing"] });
  });
});

describe("liftQuerySchema", () => {
  it("takes the funnel's date range and an outcome, customer by default", () => {
    expect(liftQuerySchema.parse({ from: "2026-01-01", to: "2026-03-31" })).toEqual({
      from: new Date("2026-01-01T00:00:00Z"),
      until: new Date("2026-04-01T00:00:00Z"),
      outcome: "customer",
    });
    expect(liftQuerySchema.parse({ from: "2026-01-01", to: "2026-01-01", outcome: "sql" }).outcome).toBe("sql");
    expect(liftQuerySchema.safeParse({ from: "2026-03-01", to: "2026-01-01" }).error?.issues[0]?.message).toBe("`from` is after `to`");
    expect(liftQuerySchema.safeParse({ from: "2026-01-01", to: "2026-03-01", outcome: "won" }).error?.issues[0]?.message).toBe("outcome is customer or sql");
  });
});

describe("the OpenAPI document", () => {
  it("lists GET /api/v1/analytics/lift with its parameters and error responses", async () => {
    const { buildOpenApiDocument, ENDPOINTS } = await import("../api/openapi");
    expect(ENDPOINTS.some((e) => e.path === "/api/v1/analytics/lift" && e.method === "get" && e.scope === "read")).toBe(true);
    const op = (buildOpenApiDocument().paths as Record<string, { get?: { parameters: { name: string }[]; responses: Record<string, unknown> } }>)["/api/v1/analytics/lift"]!.get!;
    expect(op.parameters.map((p) => p.name)).toEqual(["from", "to", "outcome"]);
    expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(["200", "400", "401", "403"]));
  });
});

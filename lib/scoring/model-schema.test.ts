import { describe, expect, it } from "vitest";
import { DEFAULT_MODEL } from "./default-model";
import { scoringModelDefinitionSchema, type FitRule, type ScoringModelDefinition } from "./model-schema";

/** A copy of the default model, changed by `edit`, as it would arrive from the editor (unknown JSON). */
function modelWith(edit: (m: ScoringModelDefinition) => void): unknown {
  const m = structuredClone(DEFAULT_MODEL);
  edit(m);
  return m;
}

function issuesOf(input: unknown) {
  const result = scoringModelDefinitionSchema.safeParse(input);
  expect(result.success).toBe(false);
  return result.error?.issues ?? [];
}

describe("scoringModelDefinitionSchema", () => {
  it("accepts the default model unchanged", () => {
    const result = scoringModelDefinitionSchema.safeParse(DEFAULT_MODEL);
    expect(result.success).toBe(true);
    expect(result.data).toEqual(DEFAULT_MODEL);
  });

  it("fills in the optional parts of an engagement rule and of the thresholds", () => {
    const parsed = scoringModelDefinitionSchema.parse({
      ...DEFAULT_MODEL,
      engagementRules: [{ id: "demo", label: "Demo", eventType: "demo_request", points: 30, cap: 30 }],
      thresholds: { fit: 50, engagement: 40 },
    });
    expect(parsed.engagementRules[0]).toEqual({
      id: "demo",
      label: "Demo",
      eventType: "demo_request",
      filters: [],
      points: 30,
      cap: 30,
      halfLifeDays: null,
    });
    expect(parsed.thresholds).toEqual({ fit: 50, engagement: 40, segmentField: "region", segments: [], qualifyingActions: [] });
  });

  it("rejects two fit rules with the same id, naming the id", () => {
    const issues = issuesOf(modelWith((m) => m.fitRules.push({ ...m.fitRules[0], label: "Copy" })));
    expect(issues.map((i) => i.message)).toContain('Two rules share the id "sen-exec"');
  });

  it("rejects a fit rule and an engagement rule with the same id", () => {
    const issues = issuesOf(
      modelWith((m) => m.engagementRules.push({ ...m.engagementRules[0], id: "ind-core" })),
    );
    expect(issues.some((i) => i.message.includes('"ind-core"'))).toBe(true);
  });

  it("rejects a range with neither bound", () => {
    const rule: FitRule = { id: "size-any", label: "Any size", field: "account.employees", operator: "range", min: null, max: null, points: 5 };
    const issues = issuesOf(modelWith((m) => m.fitRules.push(rule)));
    expect(issues).toHaveLength(1);
    expect(issues[0].message).toBe("A range needs a minimum, a maximum or both");
    expect(issues[0].path).toEqual(["fitRules", DEFAULT_MODEL.fitRules.length]);
  });

  it("rejects a range whose minimum is above its maximum", () => {
    const rule: FitRule = { id: "size-bad", label: "Backwards", field: "account.employees", operator: "range", min: 500, max: 100, points: 5 };
    const issues = issuesOf(modelWith((m) => m.fitRules.push(rule)));
    expect(issues).toHaveLength(1);
    expect(issues[0].message).toBe("The minimum is above the maximum");
  });

  it("accepts a range whose minimum equals its maximum", () => {
    const rule: FitRule = { id: "size-one", label: "Exactly 1", field: "account.employees", operator: "range", min: 1, max: 1, points: 5 };
    expect(scoringModelDefinitionSchema.safeParse(modelWith((m) => m.fitRules.push(rule))).success).toBe(true);
  });

  it("rejects an engagement rule whose points exceed its cap, in absolute value", () => {
    const positive = issuesOf(modelWith((m) => (m.engagementRules[0].points = 31))); // demo: cap 30
    expect(positive).toHaveLength(1);
    expect(positive[0].message).toBe("Points per event exceed the rule's cap");
    expect(positive[0].path).toEqual(["engagementRules", 0, "cap"]);

    const unsubscribe = DEFAULT_MODEL.engagementRules.findIndex((r) => r.id === "unsubscribe");
    const negative = issuesOf(modelWith((m) => (m.engagementRules[unsubscribe].points = -25))); // cap 20
    expect(negative).toHaveLength(1);
    expect(negative[0].path).toEqual(["engagementRules", unsubscribe, "cap"]);
  });

  it("accepts points equal to the cap", () => {
    // demo has points 30, cap 30; unsubscribe −20, cap 20.
    expect(scoringModelDefinitionSchema.safeParse(DEFAULT_MODEL).success).toBe(true);
    expect(scoringModelDefinitionSchema.safeParse(modelWith((m) => (m.engagementRules[1].points = 24))).success).toBe(true);
  });

  it("rejects points outside −100..100", () => {
    for (const points of [101, -101, 1000]) {
      const issues = issuesOf(modelWith((m) => (m.fitRules[0].points = points)));
      expect(issues.map((i) => i.path)).toContainEqual(["fitRules", 0, "points"]);
    }
    const engagement = issuesOf(modelWith((m) => (m.engagementRules[0] = { ...m.engagementRules[0], points: 101, cap: 100 })));
    expect(engagement.map((i) => i.path)).toContainEqual(["engagementRules", 0, "points"]);

    for (const points of [100, -100]) {
      expect(scoringModelDefinitionSchema.safeParse(modelWith((m) => (m.fitRules[0].points = points))).success).toBe(true);
    }
  });

  it("rejects fractional points", () => {
    const issues = issuesOf(modelWith((m) => (m.fitRules[0].points = 2.5)));
    expect(issues.map((i) => i.path)).toContainEqual(["fitRules", 0, "points"]);
  });

  it("rejects a half-life that is not positive", () => {
    for (const halfLifeDays of [0, -30]) {
      const issues = issuesOf(modelWith((m) => (m.halfLifeDays = halfLifeDays)));
      expect(issues.map((i) => i.path)).toContainEqual(["halfLifeDays"]);
    }
    const issues = issuesOf(modelWith((m) => (m.engagementRules[0].halfLifeDays = 0)));
    expect(issues.map((i) => i.path)).toContainEqual(["engagementRules", 0, "halfLifeDays"]);
  });

  it("rejects thresholds outside 0..100", () => {
    const issues = issuesOf(modelWith((m) => (m.thresholds.fit = 101)));
    expect(issues.map((i) => i.path)).toContainEqual(["thresholds", "fit"]);
  });

  it("rejects a fit rule on an unknown field", () => {
    const issues = issuesOf(
      modelWith((m) => m.fitRules.push({ id: "x", label: "x", field: "favouriteColour", operator: "is_true", points: 5 } as unknown as FitRule)),
    );
    expect(issues.length).toBeGreaterThan(0);
  });
});

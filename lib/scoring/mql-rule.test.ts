import { describe, expect, it } from "vitest";
import type { Thresholds } from "./model-schema";
import { evaluateMqlRule, thresholdsFor } from "./mql-rule";

const thresholds: Thresholds = {
  fit: 50,
  engagement: 40,
  segmentField: "region",
  segments: [
    { value: "APAC", fit: 55, engagement: 45 },
    { value: "LATAM", fit: 40, engagement: 30 },
  ],
  qualifyingActions: [
    { eventType: "demo_request", minFit: 35 },
    { eventType: "contact_sales", minFit: 60 },
  ],
};

describe("thresholdsFor", () => {
  it("uses the model's defaults without a segment value or a matching override", () => {
    const defaults = { fit: 50, engagement: 40, segment: null };
    expect(thresholdsFor(thresholds, null)).toEqual(defaults);
    expect(thresholdsFor(thresholds, undefined)).toEqual(defaults);
    expect(thresholdsFor(thresholds, "")).toEqual(defaults);
    expect(thresholdsFor(thresholds, "EMEA")).toEqual(defaults);
  });

  it("uses a segment's override, matching its value case-insensitively", () => {
    expect(thresholdsFor(thresholds, "APAC")).toEqual({ fit: 55, engagement: 45, segment: "APAC" });
    expect(thresholdsFor(thresholds, "apac")).toEqual({ fit: 55, engagement: 45, segment: "APAC" });
    expect(thresholdsFor(thresholds, "Latam")).toEqual({ fit: 40, engagement: 30, segment: "LATAM" });
  });
});

describe("evaluateMqlRule", () => {
  it("requires both fit and engagement", () => {
    expect(evaluateMqlRule({ fit: 95, engagement: 39, thresholds })).toEqual({ qualifies: false });
    expect(evaluateMqlRule({ fit: 49, engagement: 100, thresholds })).toEqual({ qualifies: false });
    expect(evaluateMqlRule({ fit: 0, engagement: 0, thresholds })).toEqual({ qualifies: false });
  });

  it("qualifies at exactly the thresholds", () => {
    expect(evaluateMqlRule({ fit: 50, engagement: 40, thresholds })).toEqual({
      qualifies: true,
      reason: "threshold",
      detail: "fit ≥ 50, engagement ≥ 40",
      fitThreshold: 50,
      engagementThreshold: 40,
    });
    expect(evaluateMqlRule({ fit: 49.999, engagement: 40, thresholds }).qualifies).toBe(false);
    expect(evaluateMqlRule({ fit: 50, engagement: 39.999, thresholds }).qualifies).toBe(false);
  });

  it("applies a stricter segment override", () => {
    // 52/42 clears the defaults (50/40) but not APAC's 55/45.
    expect(evaluateMqlRule({ fit: 52, engagement: 42, segmentValue: "EMEA", thresholds })).toMatchObject({
      qualifies: true,
      reason: "threshold",
    });
    expect(evaluateMqlRule({ fit: 52, engagement: 42, segmentValue: null, thresholds }).qualifies).toBe(true);
    expect(evaluateMqlRule({ fit: 52, engagement: 42, segmentValue: "APAC", thresholds })).toEqual({ qualifies: false });
    expect(evaluateMqlRule({ fit: 52, engagement: 42, segmentValue: "apac", thresholds })).toEqual({ qualifies: false });
    // Clearing one of APAC's thresholds is not enough either.
    expect(evaluateMqlRule({ fit: 60, engagement: 44, segmentValue: "APAC", thresholds })).toEqual({ qualifies: false });
  });

  it("names the segment when its override qualified the contact", () => {
    const decision = evaluateMqlRule({ fit: 55, engagement: 45, segmentValue: "apac", thresholds });
    expect(decision).toMatchObject({ qualifies: true, reason: "threshold", fitThreshold: 55, engagementThreshold: 45 });
    expect(decision.qualifies && decision.detail).toContain("APAC");
    expect(decision.qualifies && decision.detail).toContain("55");
    expect(decision.qualifies && decision.detail).toContain("45");
  });

  it("applies a more lenient segment override", () => {
    expect(evaluateMqlRule({ fit: 40, engagement: 30, segmentValue: "LATAM", thresholds })).toMatchObject({
      qualifies: true,
      reason: "threshold",
      fitThreshold: 40,
      engagementThreshold: 30,
    });
    expect(evaluateMqlRule({ fit: 40, engagement: 30, segmentValue: "EMEA", thresholds })).toEqual({ qualifies: false });
  });

  it("qualifies on a qualifying action when fit reaches the action's minimum", () => {
    expect(evaluateMqlRule({ fit: 35, engagement: 5, actions: ["page_view", "demo_request"], thresholds })).toEqual({
      qualifies: true,
      reason: "qualifying_action",
      detail: "demo_request",
    });
    expect(evaluateMqlRule({ fit: 60, engagement: 0, actions: ["contact_sales"], thresholds })).toEqual({
      qualifies: true,
      reason: "qualifying_action",
      detail: "contact_sales",
    });
  });

  it("does not qualify on an action when fit is below the action's minimum", () => {
    expect(evaluateMqlRule({ fit: 34, engagement: 30, actions: ["demo_request"], thresholds })).toEqual({ qualifies: false });
    expect(evaluateMqlRule({ fit: 59, engagement: 30, actions: ["contact_sales"], thresholds })).toEqual({ qualifies: false });
  });

  it("ignores actions that are not qualifying ones", () => {
    expect(evaluateMqlRule({ fit: 90, engagement: 10, actions: ["page_view", "form_submit"], thresholds })).toEqual({ qualifies: false });
    expect(evaluateMqlRule({ fit: 90, engagement: 10, actions: [], thresholds })).toEqual({ qualifies: false });
    expect(evaluateMqlRule({ fit: 90, engagement: 10, thresholds })).toEqual({ qualifies: false });
  });

  it("reports the qualifying action a stricter segment's thresholds did not allow", () => {
    expect(evaluateMqlRule({ fit: 52, engagement: 42, segmentValue: "APAC", actions: ["demo_request"], thresholds })).toEqual({
      qualifies: true,
      reason: "qualifying_action",
      detail: "demo_request",
    });
  });

  it("prefers the threshold reason when both the thresholds and an action hold", () => {
    expect(evaluateMqlRule({ fit: 70, engagement: 50, actions: ["demo_request"], thresholds })).toEqual({
      qualifies: true,
      reason: "threshold",
      detail: "fit ≥ 50, engagement ≥ 40",
      fitThreshold: 50,
      engagementThreshold: 40,
    });
  });

  it("qualifies on nothing when the model has no actions and the thresholds fail", () => {
    const noActions: Thresholds = { ...thresholds, qualifyingActions: [] };
    expect(evaluateMqlRule({ fit: 100, engagement: 39, actions: ["demo_request"], thresholds: noActions })).toEqual({ qualifies: false });
  });
});

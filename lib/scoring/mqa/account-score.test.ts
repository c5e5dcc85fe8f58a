import { describe, expect, it } from "vitest";
import { DEFAULT_MODEL } from "../default-model";
import type { FitRule, MqaRule } from "../model-schema";
import { accountFitScore, computeAccountScore, maxAccountFitPoints } from "./account-score";

const rules = DEFAULT_MODEL.fitRules;
const mqa: MqaRule = { threshold: 60, topContacts: 3, weights: { fit: 0.4, engagement: 0.4, coverage: 0.2 }, fullCoverageFunctions: 3, engagedFrom: 10 };
const northwind = { industry: "Software", employees: 900, technologies: ["Salesforce"] };

describe("account fit", () => {
  it("is the account rules' points over the best each attribute can give", () => {
    // Industry 15 (core beats adjacent 5), size 20 (sweet spot beats 12, 10 and −10), CRM 10.
    expect(maxAccountFitPoints(rules)).toBe(45);
    expect(accountFitScore(northwind, rules)).toBe(100);
    // Adjacent industry 5 + small 10, no CRM: 15 of 45.
    expect(accountFitScore({ industry: "Healthcare", employees: 120 }, rules)).toBeCloseTo(100 / 3, 10);
  });

  it("ignores contact rules, clamps negatives at 0, and is 0 without account rules", () => {
    expect(accountFitScore({ employees: 5 }, rules)).toBe(0);
    const contactOnly: FitRule[] = [{ id: "vp", label: "VP", field: "seniority", operator: "equals", value: "vp", points: 50 }];
    expect(maxAccountFitPoints(contactOnly)).toBe(0);
    expect(accountFitScore(northwind, contactOnly)).toBe(0);
  });
});

describe("account score", () => {
  const committee = [
    { engagement: 80, jobFunction: "marketing" },
    { engagement: 40, jobFunction: "Sales" },
    { engagement: 20, jobFunction: "marketing " },
    { engagement: 5, jobFunction: "it" },
  ];

  it("weighs fit, the top contacts' engagement and the functions engaged", () => {
    const s = computeAccountScore(northwind, committee, rules, mqa);
    expect(s.fit).toBe(100);
    expect(s.engagement).toBeCloseTo(140 / 3, 10); // top 3 of 80, 40, 20, 5
    expect(s.engagedFunctions).toEqual(["marketing", "sales"]); // IT's 5 is below 10
    expect(s.coverage).toBeCloseTo(200 / 3, 10);
    expect(s.score).toBeCloseTo(72, 10); // 0.4·100 + 0.4·46.67 + 0.2·66.67
  });

  it("counts missing committee members as zero engagement and caps coverage at full", () => {
    const one = computeAccountScore(northwind, [{ engagement: 90, jobFunction: "marketing" }], rules, mqa);
    expect(one.engagement).toBe(30);
    const wide = computeAccountScore(northwind, ["a", "b", "c", "d", "e"].map((f) => ({ engagement: 50, jobFunction: f })), rules, mqa);
    expect(wide.coverage).toBe(100);
  });

  it("is 0 for an account with no one and nothing", () => {
    expect(computeAccountScore({}, [], rules, mqa)).toMatchObject({ score: 0, fit: 0, engagement: 0, coverage: 0 });
    expect(computeAccountScore(northwind, committee, rules, { ...mqa, weights: { fit: 0, engagement: 0, coverage: 0 } }).score).toBe(0);
  });
});

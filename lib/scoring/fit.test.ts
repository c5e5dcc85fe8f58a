import { describe, expect, it } from "vitest";
import { DEFAULT_MODEL } from "./default-model";
import { computeFitScore, fitRuleMatches, type FitSubject } from "./fit";
import type { FitField, FitRule } from "./model-schema";

const subject = (overrides: Partial<FitSubject> = {}): FitSubject => ({ email: "dana@northwind.io", ...overrides });
const withAccount = (account: NonNullable<FitSubject["account"]>, overrides: Partial<FitSubject> = {}) =>
  subject({ ...overrides, account });

const range = (field: FitField, min: number | null, max: number | null, points = 10): FitRule => ({
  id: `range-${field}-${min}-${max}`,
  label: "range",
  field,
  operator: "range",
  min,
  max,
  points,
});

describe("fitRuleMatches", () => {
  describe("equals / in / contains", () => {
    const director: FitRule = { id: "d", label: "Director", field: "seniority", operator: "equals", value: "Director", points: 15 };
    const core: FitRule = { id: "c", label: "Core", field: "account.industry", operator: "in", values: ["Software", "Financial Services"], points: 15 };
    const student: FitRule = { id: "s", label: "Student", field: "title", operator: "contains", values: ["student", "Intern"], points: -40 };

    it("compares `equals` case-insensitively and in full", () => {
      expect(fitRuleMatches(director, subject({ seniority: "director" }))).toBe(true);
      expect(fitRuleMatches(director, subject({ seniority: "DIRECTOR" }))).toBe(true);
      expect(fitRuleMatches(director, subject({ seniority: "senior director" }))).toBe(false);
      expect(fitRuleMatches(director, subject({ seniority: "vp" }))).toBe(false);
    });

    it("compares `in` case-insensitively against each value", () => {
      expect(fitRuleMatches(core, withAccount({ industry: "software" }))).toBe(true);
      expect(fitRuleMatches(core, withAccount({ industry: "FINANCIAL SERVICES" }))).toBe(true);
      expect(fitRuleMatches(core, withAccount({ industry: "Soft" }))).toBe(false);
      expect(fitRuleMatches(core, withAccount({ industry: "Healthcare" }))).toBe(false);
    });

    it("matches `contains` case-insensitively anywhere in the text", () => {
      expect(fitRuleMatches(student, subject({ title: "Graduate Student" }))).toBe(true);
      expect(fitRuleMatches(student, subject({ title: "MARKETING INTERN" }))).toBe(true);
      expect(fitRuleMatches(student, subject({ title: "Marketing Manager" }))).toBe(false);
    });

    it("does not match an empty or missing value", () => {
      for (const rule of [director, student]) {
        expect(fitRuleMatches(rule, subject())).toBe(false);
        expect(fitRuleMatches(rule, subject({ seniority: null, title: null }))).toBe(false);
        expect(fitRuleMatches(rule, subject({ seniority: "", title: "" }))).toBe(false);
      }
    });
  });

  describe("range", () => {
    it("with a minimum only, includes the minimum", () => {
      const r = range("account.employees", 5001, null);
      expect(fitRuleMatches(r, withAccount({ employees: 5001 }))).toBe(true);
      expect(fitRuleMatches(r, withAccount({ employees: 1_000_000 }))).toBe(true);
      expect(fitRuleMatches(r, withAccount({ employees: 5000 }))).toBe(false);
    });

    it("with a maximum only, includes the maximum", () => {
      const r = range("account.employees", null, 9);
      expect(fitRuleMatches(r, withAccount({ employees: 9 }))).toBe(true);
      expect(fitRuleMatches(r, withAccount({ employees: 1 }))).toBe(true);
      expect(fitRuleMatches(r, withAccount({ employees: 0 }))).toBe(true);
      expect(fitRuleMatches(r, withAccount({ employees: 10 }))).toBe(false);
    });

    it("with both bounds, includes both", () => {
      const r = range("account.employees", 200, 5000);
      expect(fitRuleMatches(r, withAccount({ employees: 200 }))).toBe(true);
      expect(fitRuleMatches(r, withAccount({ employees: 1000 }))).toBe(true);
      expect(fitRuleMatches(r, withAccount({ employees: 5000 }))).toBe(true);
      expect(fitRuleMatches(r, withAccount({ employees: 199 }))).toBe(false);
      expect(fitRuleMatches(r, withAccount({ employees: 5001 }))).toBe(false);
    });

    it("works on revenue and fractional bounds", () => {
      const r = range("account.annualRevenue", 1_000_000, 50_000_000.5);
      expect(fitRuleMatches(r, withAccount({ annualRevenue: 50_000_000.5 }))).toBe(true);
      expect(fitRuleMatches(r, withAccount({ annualRevenue: 50_000_001 }))).toBe(false);
      expect(fitRuleMatches(r, withAccount({ annualRevenue: 999_999.99 }))).toBe(false);
    });

    it("does not match a missing number", () => {
      const r = range("account.employees", null, 9);
      expect(fitRuleMatches(r, withAccount({ employees: null }))).toBe(false);
      expect(fitRuleMatches(r, withAccount({}))).toBe(false);
      expect(fitRuleMatches(r, subject())).toBe(false);
      expect(fitRuleMatches(r, subject({ account: null }))).toBe(false);
    });

    it("does not match text that is not a number", () => {
      const r = range("title", null, 1000);
      expect(fitRuleMatches(r, subject({ title: "Head of Growth" }))).toBe(false);
      expect(fitRuleMatches(r, subject({ title: "lots" }))).toBe(false);
    });

    it("does not treat booleans, lists or blank text as numbers", () => {
      // Number(true) is 1, Number([]) and Number(" ") are 0: none of them is a number in the data.
      expect(fitRuleMatches(range("personalEmail", 1, null), subject({ email: "dana@gmail.com" }))).toBe(false);
      expect(fitRuleMatches(range("personalEmail", null, 0), subject({ email: "dana@northwind.io" }))).toBe(false);
      expect(fitRuleMatches(range("account.technologies", null, 9), withAccount({ technologies: [] }))).toBe(false);
      expect(fitRuleMatches(range("title", null, 9), subject({ title: "   " }))).toBe(false);
    });
  });

  describe("technologies (a list)", () => {
    const crm: FitRule = { id: "crm", label: "CRM", field: "account.technologies", operator: "in", values: ["Salesforce", "HubSpot"], points: 10 };

    it("matches when any item matches", () => {
      expect(fitRuleMatches(crm, withAccount({ technologies: ["Slack", "hubspot", "Zoom"] }))).toBe(true);
      expect(fitRuleMatches(crm, withAccount({ technologies: ["SALESFORCE"] }))).toBe(true);
      expect(fitRuleMatches(crm, withAccount({ technologies: ["Slack", "Zoom"] }))).toBe(false);
    });

    it("does not match an empty or missing list", () => {
      expect(fitRuleMatches(crm, withAccount({ technologies: [] }))).toBe(false);
      expect(fitRuleMatches(crm, withAccount({ technologies: null }))).toBe(false);
      expect(fitRuleMatches(crm, withAccount({}))).toBe(false);
    });

    it("applies `equals` and `contains` to each item", () => {
      const eq: FitRule = { id: "eq", label: "Marketo", field: "account.technologies", operator: "equals", value: "marketo", points: 5 };
      const has: FitRule = { id: "has", label: "Analytics", field: "account.technologies", operator: "contains", values: ["analytics"], points: 5 };
      expect(fitRuleMatches(eq, withAccount({ technologies: ["Slack", "Marketo"] }))).toBe(true);
      expect(fitRuleMatches(eq, withAccount({ technologies: ["Marketo Engage"] }))).toBe(false);
      expect(fitRuleMatches(has, withAccount({ technologies: ["Slack", "Google Analytics"] }))).toBe(true);
      expect(fitRuleMatches(has, withAccount({ technologies: ["Slack"] }))).toBe(false);
    });
  });

  describe("email", () => {
    const personal: FitRule = { id: "p", label: "Personal", field: "personalEmail", operator: "is_true", points: -30 };
    const competitor: FitRule = { id: "c", label: "Competitor", field: "emailDomain", operator: "in", values: ["leadforge.io"], points: -100 };

    it("flags a free-mail address as personal", () => {
      expect(fitRuleMatches(personal, subject({ email: "dana@gmail.com" }))).toBe(true);
      expect(fitRuleMatches(personal, subject({ email: " Dana@GMAIL.com " }))).toBe(true);
      expect(fitRuleMatches(personal, subject({ email: "dana@outlook.com" }))).toBe(true);
    });

    it("does not flag a company address as personal", () => {
      expect(fitRuleMatches(personal, subject({ email: "dana@northwind.io" }))).toBe(false);
      expect(fitRuleMatches(personal, subject({ email: "dana@gmail.company.com" }))).toBe(false);
      expect(fitRuleMatches(personal, subject({ email: "not-an-email" }))).toBe(false);
    });

    it("reads the email domain, lower-cased", () => {
      expect(fitRuleMatches(competitor, subject({ email: "sam@leadforge.io" }))).toBe(true);
      expect(fitRuleMatches(competitor, subject({ email: "Sam@LeadForge.IO" }))).toBe(true);
      expect(fitRuleMatches(competitor, subject({ email: "sam@northwind.io" }))).toBe(false);
      expect(fitRuleMatches(competitor, subject({ email: "sam@eu.leadforge.io" }))).toBe(false);
    });
  });

  it("reads contact and account attributes separately", () => {
    const contactRegion: FitRule = { id: "cr", label: "r", field: "region", operator: "equals", value: "EMEA", points: 10 };
    const accountRegion: FitRule = { id: "ar", label: "r", field: "account.region", operator: "equals", value: "EMEA", points: 10 };
    const s = withAccount({ region: "North America" }, { region: "EMEA" });
    expect(fitRuleMatches(contactRegion, s)).toBe(true);
    expect(fitRuleMatches(accountRegion, s)).toBe(false);
  });

  it("does not match account rules for a contact without an account", () => {
    const accountRules: FitRule[] = [
      { id: "i", label: "i", field: "account.industry", operator: "in", values: ["Software"], points: 15 },
      range("account.employees", null, 9, -10),
      range("account.annualRevenue", null, 1_000_000, -5),
      { id: "c", label: "c", field: "account.country", operator: "equals", value: "US", points: 5 },
      { id: "r", label: "r", field: "account.region", operator: "equals", value: "EMEA", points: 5 },
      { id: "t", label: "t", field: "account.technologies", operator: "in", values: ["HubSpot"], points: 10 },
    ];
    for (const rule of accountRules) {
      expect(fitRuleMatches(rule, subject({ country: "US", region: "EMEA" }))).toBe(false);
      expect(fitRuleMatches(rule, subject({ account: null, country: "US", region: "EMEA" }))).toBe(false);
    }
    expect(computeFitScore(subject({ country: "US", region: "EMEA" }), accountRules)).toEqual({ score: 0, contributions: [] });
  });
});

describe("computeFitScore", () => {
  const rules: FitRule[] = [
    { id: "vp", label: "VP", field: "seniority", operator: "equals", value: "vp", points: 20 },
    { id: "mkt", label: "Marketing", field: "jobFunction", operator: "in", values: ["marketing"], points: 15 },
    range("account.employees", 200, 5000, 20),
    { id: "personal", label: "Personal email", field: "personalEmail", operator: "is_true", points: -30 },
    { id: "competitor", label: "Competitor", field: "emailDomain", operator: "in", values: ["leadforge.io"], points: -100 },
  ];

  it("sums the matching rules and lists exactly those, in rule order", () => {
    const result = computeFitScore(withAccount({ employees: 1000 }, { seniority: "VP", jobFunction: "sales" }), rules);
    // vp 20 + employees 20 = 40 (not marketing, not personal, not a competitor)
    expect(result).toEqual({
      score: 40,
      contributions: [
        { ruleId: "vp", label: "VP", points: 20 },
        { ruleId: "range-account.employees-200-5000", label: "range", points: 20 },
      ],
    });
  });

  it("subtracts negative rules", () => {
    // 20 + 15 + 20 − 30 = 25
    const result = computeFitScore(
      withAccount({ employees: 1000 }, { email: "dana@gmail.com", seniority: "vp", jobFunction: "marketing" }),
      rules,
    );
    expect(result.score).toBe(25);
    expect(result.contributions.map((c) => [c.ruleId, c.points])).toEqual([
      ["vp", 20],
      ["mkt", 15],
      ["range-account.employees-200-5000", 20],
      ["personal", -30],
    ]);
  });

  it("clamps at 0", () => {
    // 20 + 15 + 20 − 100 = −45 → 0
    const result = computeFitScore(
      withAccount({ employees: 1000 }, { email: "sam@leadforge.io", seniority: "vp", jobFunction: "marketing" }),
      rules,
    );
    expect(result.score).toBe(0);
    expect(result.contributions.reduce((s, c) => s + c.points, 0)).toBe(-45);
  });

  it("clamps at 100", () => {
    const generous: FitRule[] = [
      { id: "a", label: "a", field: "seniority", operator: "equals", value: "vp", points: 60 },
      { id: "b", label: "b", field: "jobFunction", operator: "equals", value: "marketing", points: 60 },
    ];
    const result = computeFitScore(subject({ seniority: "vp", jobFunction: "marketing" }), generous);
    expect(result.score).toBe(100);
    expect(result.contributions.map((c) => c.points)).toEqual([60, 60]);
  });

  it("gives 0 with no rules or no matches", () => {
    expect(computeFitScore(subject(), [])).toEqual({ score: 0, contributions: [] });
    expect(computeFitScore(subject(), rules)).toEqual({ score: 0, contributions: [] });
  });

  describe("with the default model", () => {
    it("scores a senior buyer at an ideal account", () => {
      const s = withAccount(
        { industry: "Financial Services", employees: 5000, technologies: ["Salesforce"] },
        { title: "Director of Demand Generation", seniority: "director", jobFunction: "marketing", region: "EMEA" },
      );
      // sen-director 15 + fn-revenue 15 + ind-core 15 + size-sweet 20 + region-core 10 + tech-crm 10 = 85
      const result = computeFitScore(s, DEFAULT_MODEL.fitRules);
      expect(result.contributions.map((c) => c.ruleId)).toEqual([
        "sen-director",
        "fn-revenue",
        "ind-core",
        "size-sweet",
        "region-core",
        "tech-crm",
      ]);
      expect(result.score).toBe(85);
    });

    it("penalises a student on a personal address at a tiny company", () => {
      const s = withAccount(
        { industry: "Education", employees: 4 },
        { email: "kim@yahoo.com", title: "Marketing Intern", jobFunction: "marketing", region: "APAC" },
      );
      // fn-revenue 15 + size-tiny −10 + neg-personal −30 + neg-student −40 = −65 → 0
      const result = computeFitScore(s, DEFAULT_MODEL.fitRules);
      expect(result.contributions.map((c) => [c.ruleId, c.points])).toEqual([
        ["fn-revenue", 15],
        ["size-tiny", -10],
        ["neg-personal", -30],
        ["neg-student", -40],
      ]);
      expect(result.score).toBe(0);
    });

    it("does not take international or internal roles for interns", () => {
      for (const title of ["VP International Sales", "Director, Internal Communications", "Head of Internet Marketing"]) {
        const result = computeFitScore(subject({ title, seniority: "vp", jobFunction: "sales" }), DEFAULT_MODEL.fitRules);
        expect(result.contributions.map((c) => c.ruleId), title).not.toContain("neg-student");
        expect(result.score, title).toBe(35); // sen-exec 20 + fn-revenue 15
      }
    });
  });
});

describe("contains_word", () => {
  const rule = (values: string[]) =>
    ({ id: "w", label: "Word", field: "title", operator: "contains_word", values, points: 10 }) as const;

  it("matches whole words and phrases, case-insensitively", () => {
    expect(fitRuleMatches(rule(["intern"]), { email: "a@b.co", title: "Marketing Intern" })).toBe(true);
    expect(fitRuleMatches(rule(["intern"]), { email: "a@b.co", title: "Intern, Growth" })).toBe(true);
    expect(fitRuleMatches(rule(["vice president"]), { email: "a@b.co", title: "Senior Vice-President of Sales" })).toBe(true);
    expect(fitRuleMatches(rule(["vice president"]), { email: "a@b.co", title: "President" })).toBe(false);
  });

  it("does not match inside longer words", () => {
    expect(fitRuleMatches(rule(["intern"]), { email: "a@b.co", title: "Internal Audit Lead" })).toBe(false);
    expect(fitRuleMatches(rule(["cto"]), { email: "a@b.co", title: "Director" })).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import type { LifecycleStage } from "../../db/schema/enums";
import { planReturnToSdr, planTransition, STAGE_CHANGE_TARGETS, type StageChangeTarget } from "./transitions";

const STAGES: LifecycleStage[] = ["lead", "mql", "sal", "sql", "opportunity", "customer", "lost", "recycled"];

// Every (from, to) pair, written out: "adv" advance, "req" requalify, "rej" reject, "rec" recycle,
// "lose", "=" unchanged, "x" refused.
const TABLE: Record<LifecycleStage, Record<StageChangeTarget, string>> = {
  lead: { mql: "adv", sal: "adv", sql: "adv", opportunity: "adv", customer: "adv", lost: "x", rejected: "x", recycled: "rec" },
  mql: { mql: "=", sal: "adv", sql: "adv", opportunity: "adv", customer: "adv", lost: "x", rejected: "rej", recycled: "rec" },
  sal: { mql: "x", sal: "=", sql: "adv", opportunity: "adv", customer: "adv", lost: "x", rejected: "rej", recycled: "rec" },
  sql: { mql: "x", sal: "x", sql: "=", opportunity: "adv", customer: "adv", lost: "lose", rejected: "rej", recycled: "rec" },
  opportunity: { mql: "x", sal: "x", sql: "x", opportunity: "=", customer: "adv", lost: "lose", rejected: "x", recycled: "x" },
  customer: { mql: "x", sal: "x", sql: "x", opportunity: "x", customer: "=", lost: "x", rejected: "x", recycled: "x" },
  lost: { mql: "req", sal: "req", sql: "req", opportunity: "req", customer: "req", lost: "=", rejected: "x", recycled: "rec" },
  recycled: { mql: "req", sal: "req", sql: "req", opportunity: "req", customer: "req", lost: "x", rejected: "x", recycled: "=" },
};
const KIND: Record<string, string> = { adv: "advance", req: "requalify", rej: "reject", rec: "recycle", lose: "lose", "=": "unchanged" };

describe("planTransition: every pair", () => {
  for (const from of STAGES) {
    for (const to of STAGE_CHANGE_TARGETS) {
      const expected = TABLE[from][to];
      it(`${from} → ${to}: ${expected === "x" ? "refused" : KIND[expected]}`, () => {
        const plan = planTransition(from, to);
        if (expected === "x") {
          expect(plan.ok).toBe(false);
          if (!plan.ok) expect(plan.message).toMatch(/^Cannot move a contact from /);
        } else {
          expect(plan).toMatchObject({ ok: true, kind: KIND[expected] });
        }
      });
    }
  }
});

describe("planTransition details", () => {
  it("counts the stages a forward jump skipped as passed", () => {
    expect(planTransition("mql", "customer")).toEqual({
      ok: true,
      kind: "advance",
      toStage: "customer",
      passed: ["sal", "sql", "opportunity", "customer"],
      opensRecord: false,
    });
  });

  it("opens an MQL record when a lead qualifies, even by jumping straight to SQL", () => {
    expect(planTransition("lead", "mql")).toMatchObject({ opensRecord: true, passed: ["mql"] });
    expect(planTransition("lead", "sql")).toMatchObject({ opensRecord: true, passed: ["mql", "sal", "sql"] });
    expect(planTransition("sal", "sql")).toMatchObject({ opensRecord: false, passed: ["sql"] });
  });

  it("a recycled contact that qualifies again opens a new record", () => {
    expect(planTransition("recycled", "mql")).toEqual({ ok: true, kind: "requalify", toStage: "mql", passed: ["mql"], opensRecord: true });
  });

  it("rejection sends the contact to nurture", () => {
    expect(planTransition("sal", "rejected")).toMatchObject({ toStage: "recycled" });
  });

  it("names the current stage when refusing", () => {
    const plan = planTransition("customer", "sql");
    expect(plan).toEqual({ ok: false, message: "Cannot move a contact from customer to SQL: the contact is already a customer." });
    expect(planTransition("opportunity", "sal")).toEqual({
      ok: false,
      message: "Cannot move a contact from opportunity to SAL: that would go backwards (the contact is opportunity).",
    });
  });
});

describe("planReturnToSdr: sales sends an SQL back to its SDR", () => {
  for (const from of STAGES) {
    it(`${from}: ${from === "sql" ? "back to SAL" : "refused"}`, () => {
      const plan = planReturnToSdr(from);
      if (from === "sql") expect(plan).toEqual({ ok: true, kind: "return", toStage: "sal", passed: [], opensRecord: false });
      else expect(plan).toMatchObject({ ok: false, message: expect.stringMatching(/^Cannot return a contact from .+ only an SQL/) });
    });
  }
});

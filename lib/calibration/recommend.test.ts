import { describe, expect, it } from "vitest";
import type { GridCell, SweepRow } from "../analytics/sweep-query";
import { recommendCell, recommendationSentence, recommendThreshold } from "./recommend";

const rate = (value: number, low: number, high: number) => ({ value, low, high });
function row(threshold: number, mqlsPerMonth: number, sql: [number, number, number], over: Partial<SweepRow> = {}): SweepRow {
  return {
    threshold,
    mqls: mqlsPerMonth * 12,
    mqlsPerMonth,
    sql: 0,
    customers: 0,
    mqlToSqlRate: rate(...sql),
    mqlToCustomerRate: rate(sql[0] / 4, sql[1] / 4, sql[2] / 4),
    backing: 1000,
    explorationBacking: 0,
    effectiveN: 1000,
    belowInForceBacking: 0,
    belowInForceEffectiveN: 0,
    observed: true,
    sparse: false,
    ...over,
  };
}

// Volume falls and conversion rises with the threshold; 40 was never observed, 45 is sparse.
const ROWS: SweepRow[] = [
  row(40, 900, [0.2, 0.1, 0.5], { observed: false }),
  row(45, 700, [0.26, 0.2, 0.34], { sparse: true }),
  row(50, 520, [0.27, 0.24, 0.3]),
  row(55, 410, [0.31, 0.28, 0.34]),
  row(60, 300, [0.36, 0.31, 0.41]),
  row(65, 150, [0.4, 0.3, 0.5], { sparse: true }),
];

describe("recommending a threshold", () => {
  it("for a target rate: the lowest confident point whose interval's lower bound reaches it", () => {
    expect(recommendThreshold(ROWS, { goal: "target", metric: "sql", target: 0.28 })).toEqual({ point: ROWS[3], uncertain: false });
    expect(recommendThreshold(ROWS, { goal: "target", metric: "sql", target: 0.3 })).toEqual({ point: ROWS[4], uncertain: false });
    // 45's lower bound 20% passes 0.2, but it is sparse; 40 is not observed.
    expect(recommendThreshold(ROWS, { goal: "target", metric: "sql", target: 0.2 })).toEqual({ point: ROWS[2], uncertain: false });
    // 65's 30% lower bound would reach 0.3 but is sparse; none reaches 0.35.
    const none = recommendThreshold(ROWS, { goal: "target", metric: "sql", target: 0.35 });
    expect(none).toEqual({ point: null, why: "No threshold reaches 35% with 95% confidence; the best is 31% at 60." });
    expect(recommendThreshold(ROWS, { goal: "target", metric: "customer", target: 0.07 })).toEqual({ point: ROWS[3], uncertain: false });
  });

  it("for the capacity: the lowest observed threshold whose volume fits reps × leads per rep", () => {
    expect(recommendThreshold(ROWS, { goal: "capacity", capacity: { reps: 6, perRep: 80 } })).toEqual({ point: ROWS[3], uncertain: false }); // 410 ≤ 480 < 520
    expect(recommendThreshold(ROWS, { goal: "capacity", capacity: { reps: 7, perRep: 100 } })).toEqual({ point: ROWS[1], uncertain: true }); // 700 fits but sparse
    expect(recommendThreshold(ROWS, { goal: "capacity", capacity: { reps: 10, perRep: 100 } })).toEqual({ point: ROWS[1], uncertain: true }); // 40 fits but is not observed
    expect(recommendThreshold(ROWS, { goal: "capacity", capacity: { reps: 1, perRep: 100 } })).toEqual({ point: null, why: "No observed threshold keeps the MQLs under 100 a month." });
    expect(recommendThreshold(ROWS, { goal: "capacity", capacity: { reps: 0, perRep: 80 } }).point).toBeNull();
  });

  it("on the grid: the most volume that is confidently on target, or the most SQLs that fit the capacity", () => {
    const cell = (fit: number, engagement: number, mqlsPerMonth: number, sql: [number, number, number], over: Partial<GridCell> = {}): GridCell => {
      const { threshold: _, ...point } = row(0, mqlsPerMonth, sql, over);
      return { fit, engagement, ...point };
    };
    const cells = [cell(50, 40, 500, [0.3, 0.27, 0.33]), cell(55, 40, 420, [0.33, 0.3, 0.36]), cell(50, 45, 450, [0.34, 0.31, 0.37]), cell(60, 50, 200, [0.45, 0.4, 0.5]), cell(45, 45, 600, [0.4, 0.35, 0.45], { sparse: true })];
    expect(recommendCell(cells, { goal: "target", metric: "sql", target: 0.3 }).point).toBe(cells[2]); // 450 beats 420
    // Fits 480: 420 × 0.33 = 138.6 vs 450 × 0.34 = 153 vs 200 × 0.45 = 90.
    expect(recommendCell(cells, { goal: "capacity", capacity: { reps: 6, perRep: 80 } }).point).toBe(cells[2]);
    expect(recommendCell(cells, { goal: "target", metric: "sql", target: 0.45 }).point).toBeNull();
  });

  it("says it as a sentence a marketer can act on", () => {
    expect(recommendationSentence({ dimension: "fit", threshold: 55 }, ROWS[3]!, { rule: { goal: "capacity", capacity: { reps: 6, perRep: 80 } }, capacity: { reps: 6, perRep: 80 } })).toBe(
      "Set fit ≥ 55: ~410 MQLs/month fits 6 SDRs × 80 (480); MQL→SQL 31.0% (28.0–34.0%), MQL→customer 7.8% (7.0–8.5%).",
    );
    expect(recommendationSentence({ fit: 50, engagement: 45 }, ROWS[2]!, { rule: { goal: "target", metric: "sql", target: 0.24 }, capacity: { reps: 4, perRep: 100 } })).toBe(
      "Set fit ≥ 50 and engagement ≥ 45: ~520 MQLs/month exceeds 4 SDRs × 100 (400); MQL→SQL 27.0% (24.0–30.0%), MQL→customer 6.8% (6.0–7.5%); MQL→SQL is at least 24% with 95% confidence.",
    );
  });
});

import { MIN_BACKING, type SweepPoint } from "../analytics/sweep-query";
import { effectiveSampleSize, weightedWilson } from "./weighted-rate";

/**
 * The sums over the MQL records a threshold passes, as one grouped pass adds them up: `n` records
 * with weights summing to `sumW` (squares `sumW2`), the weights of those that reached SQL and
 * customer, how many are exploration records, and the same sums over the records that were below
 * the threshold in force when they qualified.
 */
export type ThresholdSums = {
  n: number;
  sumW: number;
  sumW2: number;
  sqlW: number;
  customerW: number;
  explorationN: number;
  belowN: number;
  belowW: number;
  belowW2: number;
};

export const NO_SUMS: ThresholdSums = { n: 0, sumW: 0, sumW2: 0, sqlW: 0, customerW: 0, explorationN: 0, belowN: 0, belowW: 0, belowW2: 0 };

/**
 * One point of a sweep (or cell of the grid) from its sums. `belowInForce` says the candidate
 * threshold is lower than the one in force, so part of what it passes was never routed by the
 * rule: that part must be backed by enough records of its own, or the point is sparse however many
 * records sit above the threshold in force. `observed` is the caller's (see SweepPoint).
 */
export function sweepPoint(s: ThresholdSums, { months, belowInForce, observed }: { months: number; belowInForce: boolean; observed: boolean }): SweepPoint {
  const effectiveN = effectiveSampleSize(s);
  const belowInForceEffectiveN = effectiveSampleSize({ sumW: s.belowW, sumW2: s.belowW2 });
  return {
    mqls: s.sumW,
    mqlsPerMonth: months > 0 ? s.sumW / months : 0,
    sql: s.sqlW,
    customers: s.customerW,
    mqlToSqlRate: weightedWilson({ n: s.n, sumW: s.sumW, sumW2: s.sumW2, successW: s.sqlW }),
    mqlToCustomerRate: weightedWilson({ n: s.n, sumW: s.sumW, sumW2: s.sumW2, successW: s.customerW }),
    backing: s.n,
    explorationBacking: s.explorationN,
    effectiveN,
    belowInForceBacking: s.belowN,
    belowInForceEffectiveN,
    observed,
    sparse: effectiveN < MIN_BACKING || (belowInForce && belowInForceEffectiveN < MIN_BACKING),
  };
}

/** Parses a row of sums as the database returns them (numeric columns may arrive as text). */
export function sumsOf(row: Record<keyof ThresholdSums, number | string | null>): ThresholdSums {
  const n = (v: number | string | null) => (v == null ? 0 : Number(v));
  return {
    n: n(row.n),
    sumW: n(row.sumW),
    sumW2: n(row.sumW2),
    sqlW: n(row.sqlW),
    customerW: n(row.customerW),
    explorationN: n(row.explorationN),
    belowN: n(row.belowN),
    belowW: n(row.belowW),
    belowW2: n(row.belowW2),
  };
}

import { wilsonInterval, Z_95, type Rate } from "../analytics/wilson";

/**
 * Sums over a set of MQL records where each record has a weight: 1 for a record the rule in force
 * produced, 1/share for one of the exploration sample (it stands for the near misses that were
 * not drawn). `n` counts the records themselves.
 */
export type WeightedSums = { n: number; sumW: number; sumW2: number; successW: number };

/**
 * Kish's effective sample size, (Σw)² / Σw²: how many equally weighted records would carry as
 * much information. Equal to n when every weight is 1; a few heavy records count for little.
 */
export function effectiveSampleSize({ sumW, sumW2 }: Pick<WeightedSums, "sumW" | "sumW2">): number {
  return sumW2 > 0 ? (sumW * sumW) / sumW2 : 0;
}

/**
 * The weighted conversion rate Σw·success / Σw with a Wilson interval computed on the effective
 * sample size (the rate treated as p successes of n_eff trials). Without weights this is exactly
 * `wilsonInterval(successes, n)`.
 */
export function weightedWilson(sums: WeightedSums, z = Z_95): Rate | null {
  if (sums.n <= 0 || sums.sumW <= 0) return null;
  const p = Math.min(1, Math.max(0, sums.successW / sums.sumW));
  // Scaled by n_eff / Σw = Σw / Σw², which is exactly 1 when every weight is 1, so that
  // unweighted counts give wilsonInterval's own figures to the last digit.
  const scale = sums.sumW / sums.sumW2;
  const nEff = sums.sumW * scale;
  const interval = wilsonInterval(Math.min(nEff, sums.successW * scale), nEff, z);
  return interval ? { value: p, low: interval.low, high: interval.high } : null;
}

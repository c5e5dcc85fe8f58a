/** z for a two-sided 95% interval: the 97.5th percentile of the standard normal. */
export const Z_95 = 1.959963984540054;

export type Rate = { value: number; low: number; high: number };

/**
 * A conversion rate with its Wilson score interval (Wilson 1927; Newcombe 1998, method 3): unlike
 * the normal approximation it stays inside [0, 1] and is honest for small counts and rates near 0
 * or 1 — which is what a threshold sweep meets at its ends. With no trials there is no rate.
 */
export function wilsonInterval(successes: number, trials: number, z = Z_95): Rate | null {
  if (trials <= 0) return null;
  if (successes < 0 || successes > trials) throw new RangeError(`${successes} successes of ${trials} trials`);
  const p = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  return { value: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

import type { GridCell, SweepDimension, SweepPoint, SweepRow } from "../analytics/sweep-query";
import type { Rate } from "../analytics/wilson";

/**
 * How the studio recommends a threshold (PRODUCT.md §9):
 *
 * - **For a target rate**: the lowest threshold whose rate's 95% interval lies at or above the
 *   target (its lower bound ≥ target) — the most volume you can have while being confident of the
 *   rate. Only points that are observed and not sparse count: a guess cannot be confident.
 * - **For the SDR capacity**: the lowest threshold whose MQLs per month fit the capacity — the team
 *   is kept as busy as it can be without a backlog. Volume only falls as the threshold rises, so
 *   this is where the curve first dips under the line. Points not observed are skipped (their
 *   volume is a floor, not an estimate); a sparse one is allowed but said to be uncertain.
 *
 * On the 2-D grid: for a target, the cell with the most MQLs among the confident ones; for the
 * capacity, of the cells that fit, the one expected to yield the most SQLs a month.
 */
export const RECOMMENDATION_GOALS = ["target", "capacity"] as const;
export type RecommendationGoal = (typeof RECOMMENDATION_GOALS)[number];
export const RATE_METRICS = ["sql", "customer"] as const;
export type RateMetric = (typeof RATE_METRICS)[number];

export type Capacity = { reps: number; perRep: number };
export const capacityPerMonth = (c: Capacity) => c.reps * c.perRep;

export type RecommendationRule = { goal: "target"; metric: RateMetric; target: number } | { goal: "capacity"; capacity: Capacity };

export function rateOf(point: SweepPoint, metric: RateMetric): Rate | null {
  return metric === "sql" ? point.mqlToSqlRate : point.mqlToCustomerRate;
}

export type Recommendation<P> = { point: P; uncertain: boolean } | { point: null; why: string };

export function recommendThreshold(rows: SweepRow[], rule: RecommendationRule): Recommendation<SweepRow> {
  const ordered = [...rows].sort((a, b) => a.threshold - b.threshold);
  if (rule.goal === "target") {
    const confident = ordered.filter((r) => r.observed && !r.sparse && rateOf(r, rule.metric));
    const hit = confident.find((r) => rateOf(r, rule.metric)!.low >= rule.target);
    if (hit) return { point: hit, uncertain: false };
    const best = confident.reduce<SweepRow | null>((b, r) => (!b || rateOf(r, rule.metric)!.low > rateOf(b, rule.metric)!.low ? r : b), null);
    return {
      point: null,
      why: best
        ? `No threshold reaches ${percent(rule.target)} with 95% confidence; the best is ${percent(rateOf(best, rule.metric)!.low)} at ${best.threshold}.`
        : "No threshold has enough outcomes behind it to be confident.",
    };
  }
  const capacity = capacityPerMonth(rule.capacity);
  if (capacity <= 0) return { point: null, why: "There is no SDR capacity: no active SDRs, or no leads per rep." };
  const fits = ordered.find((r) => r.observed && r.backing > 0 && r.mqlsPerMonth <= capacity);
  if (!fits) return { point: null, why: `No observed threshold keeps the MQLs under ${Math.round(capacity)} a month.` };
  return { point: fits, uncertain: fits.sparse };
}

export function recommendCell(cells: GridCell[], rule: RecommendationRule): Recommendation<GridCell> {
  const usable = cells.filter((c) => c.observed && !c.sparse && c.mqlToSqlRate);
  const byMost = (value: (c: GridCell) => number) => (best: GridCell | null, c: GridCell) =>
    !best || value(c) > value(best) || (value(c) === value(best) && c.fit + c.engagement < best.fit + best.engagement) ? c : best;
  if (rule.goal === "target") {
    const hit = usable.filter((c) => rateOf(c, rule.metric)?.low != null && rateOf(c, rule.metric)!.low >= rule.target).reduce(byMost((c) => c.mqls), null);
    return hit ? { point: hit, uncertain: false } : { point: null, why: `No pair of thresholds reaches ${percent(rule.target)} with 95% confidence.` };
  }
  const capacity = capacityPerMonth(rule.capacity);
  if (capacity <= 0) return { point: null, why: "There is no SDR capacity: no active SDRs, or no leads per rep." };
  const hit = usable.filter((c) => c.mqlsPerMonth <= capacity).reduce(byMost((c) => c.mqlsPerMonth * c.mqlToSqlRate!.value), null);
  return hit ? { point: hit, uncertain: false } : { point: null, why: `No pair of thresholds keeps the MQLs under ${Math.round(capacity)} a month.` };
}

export function percent(x: number, digits = 0): string {
  return `${(x * 100).toFixed(digits)}%`;
}

export function rateText(rate: Rate | null): string {
  return rate ? `${percent(rate.value, 1)} (${(rate.low * 100).toFixed(1)}–${percent(rate.high, 1)})` : "—";
}

const DIMENSION_LABEL: Record<SweepDimension, string> = { fit: "fit", engagement: "engagement" };

/**
 * The recommendation as a sentence a marketer can act on:
 * "Set fit ≥ 55: ~410 MQLs/month fits 6 SDRs × 80 (480); MQL→SQL 31.0% (28.0–34.0%)."
 */
export function recommendationSentence(
  setting: { dimension: SweepDimension; threshold: number } | { fit: number; engagement: number },
  point: SweepPoint,
  { rule, capacity }: { rule: RecommendationRule; capacity: Capacity },
): string {
  const set = "dimension" in setting ? `${DIMENSION_LABEL[setting.dimension]} ≥ ${setting.threshold}` : `fit ≥ ${setting.fit} and engagement ≥ ${setting.engagement}`;
  const volume = `~${Math.round(point.mqlsPerMonth).toLocaleString("en")} MQLs/month`;
  const cap = capacityPerMonth(capacity);
  const fit = `${point.mqlsPerMonth <= cap ? "fits" : "exceeds"} ${capacity.reps} SDR${capacity.reps === 1 ? "" : "s"} × ${capacity.perRep} (${Math.round(cap).toLocaleString("en")})`;
  const rates = `MQL→SQL ${rateText(point.mqlToSqlRate)}, MQL→customer ${rateText(point.mqlToCustomerRate)}`;
  const why = rule.goal === "target" ? `; ${rule.metric === "sql" ? "MQL→SQL" : "MQL→customer"} is at least ${percent(rule.target)} with 95% confidence` : "";
  return `Set ${set}: ${volume} ${fit}; ${rates}${why}.`;
}

import { z } from "zod";
import { funnelQuerySchema } from "./funnel-query";
import { MIN_BACKING } from "./sweep-query";
import { wilsonInterval, type Rate } from "./wilson";

/**
 * Lift (PRODUCT.md §9): which attribute values and behaviours are over- or under-represented among
 * the MQL records that reached an outcome, against the base rate of all of them. Pure arithmetic
 * on counts; the counts come from db/queries/lift.ts and what the model gives each value from
 * lib/analytics/lift-model.ts.
 */

/** The outcome lift is measured against: became a customer (won), or reached SQL. */
export const LIFT_OUTCOMES = ["customer", "sql"] as const;
export type LiftOutcome = (typeof LIFT_OUTCOMES)[number];

/** Behaviours count when the contact performed them in this many days up to qualifying. */
export const BEHAVIOUR_WINDOW_DAYS = 90;

/**
 * Behaviours are read from at most this many records: each costs a probe of the events index, and
 * a year of a large workspace's MQLs (200k) takes seconds to probe where a sample of this size takes
 * a few hundred milliseconds. The sample is uniform and deterministic (by a hash of the record id,
 * so the card does not change from one view to the next), and the behaviours' rates, intervals and
 * base rate are all the sample's, so their confidence says how much evidence there is.
 */
export const BEHAVIOUR_SAMPLE_RECORDS = 20_000;

/**
 * A suggestion needs more than a significant difference: the rate must be at least this many times
 * the base rate (or at most its inverse), so that a large population's tiny but certain effects do
 * not crowd out the ones worth a rule change.
 */
export const STRONG_LIFT = 1.25;

/** The lift query: the funnel's date range (MQL records by `mqlAt`) and the outcome. */
export const liftQuerySchema = z
  .object({
    from: z.string({ message: "from is required (YYYY-MM-DD)" }),
    to: z.string({ message: "to is required (YYYY-MM-DD)" }),
    outcome: z.enum(LIFT_OUTCOMES, { message: "outcome is customer or sql" }).default("customer"),
  })
  .transform((q, ctx) => {
    const range = funnelQuerySchema.safeParse({ from: q.from, to: q.to });
    if (!range.success) {
      for (const issue of range.error.issues) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
      return z.NEVER;
    }
    return { from: range.data.from, until: range.data.until, outcome: q.outcome };
  });
export type LiftQuery = z.output<typeof liftQuerySchema>;

/** An attribute of the contact or its account, or something the contact did before qualifying. */
export type LiftKind = "attribute" | "behaviour";

/**
 * What the published model gives a value: the fit points of the rules it matches (attributes), or
 * the engagement points per occurrence up to the cap (behaviours), and the rules' names.
 */
export type ModelWeight = {
  points: number;
  rules: string[];
  /** Behaviours: the most the rules can add (or take away) however often it happens. */
  cap?: number;
  /** Behaviours: a qualifying action makes an MQL on its own from this fit. */
  qualifiesFromFit?: number;
};

/** The counts behind one value, from the query. */
export type LiftGroup = {
  kind: LiftKind;
  /** A fit field (`account.industry`), `event` (an event type) or `engagementRule` (a rule's filters). */
  field: string;
  fieldLabel: string;
  /** The stored value (null: none recorded), band number or event type, as text. */
  value: string | null;
  valueLabel: string;
  records: number;
  outcomes: number;
  model: ModelWeight;
};

export type LiftDirection = "over" | "under" | "neither";

export type LiftRow = LiftGroup & {
  /** Outcomes per record for this value, with its 95% Wilson interval. */
  rate: Rate;
  /**
   * rate ÷ base rate, the interval being the rate's divided by the base rate (the base rate is
   * that of the whole population, known far more precisely than any one value's). Null when the
   * base rate is 0.
   */
  lift: Rate | null;
  /** Over/under only when the rate's interval excludes the base rate, and never when sparse. */
  direction: LiftDirection;
  /** Fewer than MIN_BACKING records have this value: shown, but not leaned on. */
  sparse: boolean;
};

export type LiftSuggestion = {
  /** `raise`: strongly over-represented, and the model gives it nothing or takes points away; `lower`: strongly under-represented, and the model gives it points. */
  action: "raise" | "lower";
  kind: LiftKind;
  field: string;
  value: string | null;
  text: string;
};

/** Base rate, and every value's rate, interval, lift and direction; values without records are left out. */
export function computeLift(population: { records: number; outcomes: number }, groups: readonly LiftGroup[]): { baseRate: Rate | null; rows: LiftRow[] } {
  const baseRate = wilsonInterval(population.outcomes, population.records);
  const base = baseRate?.value ?? 0;
  const rows: LiftRow[] = [];
  for (const group of groups) {
    const rate = wilsonInterval(group.outcomes, group.records);
    if (!rate) continue;
    const sparse = group.records < MIN_BACKING;
    const lift = base > 0 ? { value: rate.value / base, low: rate.low / base, high: rate.high / base } : null;
    let direction: LiftDirection = "neither";
    if (!sparse && base > 0) {
      if (rate.low > base) direction = "over";
      else if (rate.high < base) direction = "under";
    }
    rows.push({ ...group, rate, lift, direction, sparse });
  }
  return { baseRate, rows };
}

/**
 * Two significant figures or so: 0.23, 2.3, 12 — but never a bare "1.0" for a bound that is not
 * 1, as an over-represented value's lower bound of 1.04 would otherwise read as touching 1×.
 */
function figure(n: number): string {
  const text = n.toFixed(n >= 10 ? 0 : n >= 1 ? 1 : 2);
  return text === "1.0" && Math.abs(n - 1) >= 0.005 ? n.toFixed(2) : text;
}
const times = (n: number) => `${figure(n)}×`;
const signed = (n: number) => (n > 0 ? `+${n}` : `${n}`);

/** "2.3× (1.9–2.7×)", "0.23× (0.08–0.63×)". */
export function formatLift(lift: Rate): string {
  return `${times(lift.value)} (${figure(lift.low)}–${times(lift.high)})`;
}

/** "Industry = Software". */
export function describeValue(row: Pick<LiftRow, "kind" | "fieldLabel" | "valueLabel">): string {
  return row.kind === "behaviour" ? row.valueLabel : `${row.fieldLabel} = ${row.valueLabel}`;
}

/** "the model gives +15", "the model gives +8 per event (up to 24)", "the model gives nothing". */
export function describeModelWeight(row: Pick<LiftRow, "kind" | "model">): string {
  const { points, cap, qualifiesFromFit } = row.model;
  const qualifies = qualifiesFromFit !== undefined ? `; it qualifies on its own from fit ${qualifiesFromFit}` : "";
  if (points === 0) return `the model gives nothing${qualifies}`;
  if (row.kind === "behaviour") return `the model gives ${signed(points)} per event${cap !== undefined && cap !== Math.abs(points) ? ` (up to ${points < 0 ? -cap : cap})` : ""}${qualifies}`;
  return `the model gives ${signed(points)}`;
}

const key = (row: LiftRow) => ({ kind: row.kind, field: row.field, value: row.value });

/**
 * Rule changes where the model's points disagree with the evidence: a value strongly
 * over-represented among outcomes that the model gives nothing (or penalises), and one strongly
 * under-represented that it rewards. Sparse values never suggest anything. Strongest evidence
 * first: the interval's bound nearest 1×, on a log scale, so 0.5× weighs as much as 2×.
 */
export function suggestRuleChanges(rows: readonly LiftRow[]): LiftSuggestion[] {
  const suggestions: { s: LiftSuggestion; strength: number }[] = [];
  for (const row of rows) {
    if (row.sparse || !row.lift) continue;
    const what = `${describeValue(row)}: ${formatLift(row.lift)}, ${describeModelWeight(row)}`;
    if (row.direction === "over" && row.lift.value >= STRONG_LIFT && row.model.points <= 0) {
      const advice = row.model.points < 0 ? "reconsider the penalty" : "consider a rule that gives it points";
      suggestions.push({ s: { action: "raise", ...key(row), text: `${what} — ${advice}.` }, strength: Math.log(row.lift.low) });
    } else if (row.direction === "under" && row.lift.value <= 1 / STRONG_LIFT && row.model.points > 0) {
      suggestions.push({ s: { action: "lower", ...key(row), text: `${what} — consider fewer points.` }, strength: -Math.log(Math.max(row.lift.high, 1e-9)) });
    }
  }
  return suggestions.sort((a, b) => b.strength - a.strength).map((x) => x.s);
}

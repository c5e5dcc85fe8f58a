import { z } from "zod";
import { funnelQuerySchema } from "./funnel-query";
import type { Rate } from "./wilson";

export const SWEEP_DIMENSIONS = ["fit", "engagement"] as const;
export type SweepDimension = (typeof SWEEP_DIMENSIONS)[number];

/** Points backed by fewer outcomes than this are marked as such rather than drawn as confident. */
export const MIN_BACKING = 30;

/** The 2-D grid's thresholds: 0, 5, … 100 on each score — 21 × 21 cells. */
export const GRID_STEP = 5;

/** Average days in a month, to turn a date range into "per month" without calendar rounding. */
const DAYS_PER_MONTH = 365.2425 / 12;

/** How many months (fractional) a range [from, until) spans. */
export function monthsIn(from: Date, until: Date): number {
  return Math.max(0, (until.getTime() - from.getTime()) / 86_400_000 / DAYS_PER_MONTH);
}

const segmentParam = z
  .string()
  .trim()
  .min(1, { message: "segment is a region" })
  .max(100, { message: "segment is at most 100 characters" })
  .optional();

/**
 * The other score while one is swept: `none` counts every record whatever its other score (the
 * sweep of one score alone); `inForce` holds it at the threshold in force, so that the sweep says
 * what moving only this threshold would have done.
 */
export const SWEEP_HOLDS = ["none", "inForce"] as const;

function withRange<T extends { from: string; to: string }>(q: T, ctx: z.RefinementCtx) {
  const range = funnelQuerySchema.safeParse({ from: q.from, to: q.to });
  if (!range.success) {
    for (const issue of range.error.issues) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
    return z.NEVER;
  }
  return { from: range.data.from, until: range.data.until };
}

/** A threshold sweep's query: the same date range as the funnel, the score it moves, a region. */
export const sweepQuerySchema = z
  .object({
    dimension: z.enum(SWEEP_DIMENSIONS, { message: "dimension is fit or engagement" }),
    from: z.string(),
    to: z.string(),
    segment: segmentParam,
    hold: z.enum(SWEEP_HOLDS, { message: "hold is none or inForce" }).default("none"),
  })
  .transform((q, ctx) => {
    const range = withRange(q, ctx);
    return range === z.NEVER ? z.NEVER : { dimension: q.dimension, ...range, segment: q.segment ?? null, hold: q.hold };
  });
export type SweepQuery = z.output<typeof sweepQuerySchema>;

/** The 2-D grid's query: a date range and a region. */
export const gridQuerySchema = z
  .object({ from: z.string(), to: z.string(), segment: segmentParam })
  .transform((q, ctx) => {
    const range = withRange(q, ctx);
    return range === z.NEVER ? z.NEVER : { ...range, segment: q.segment ?? null };
  });
export type GridQuery = z.output<typeof gridQuerySchema>;

/** What each point of a sweep or cell of the grid says, and how much evidence backs it. */
export type SweepPoint = {
  /**
   * The MQLs the threshold would have produced: records at or above it, each exploration record
   * standing for 1/share contacts (equal to the count of records without an exploration sample).
   */
  mqls: number;
  mqlsPerMonth: number;
  /** Weighted like `mqls`. */
  sql: number;
  customers: number;
  /** Weighted rates with Wilson intervals on the effective sample size; null without records. */
  mqlToSqlRate: Rate | null;
  mqlToCustomerRate: Rate | null;
  /** The real MQL records behind the point, and how many of them are exploration records. */
  backing: number;
  explorationBacking: number;
  /** Kish's effective sample size of the weighted records. */
  effectiveN: number;
  /** Of `backing`, the records below the threshold in force when they qualified (their segment's). */
  belowInForceBacking: number;
  belowInForceEffectiveN: number;
  /**
   * Every contact this threshold would pass was either routed or sampled: at or above the
   * threshold in force, or within the reach of the exploration sample. Below that only contacts
   * that reached sales some other way (a qualifying action) have outcomes, and the point is a guess.
   */
  observed: boolean;
  /** Too few records back the point (effective n < MIN_BACKING, or its part below the threshold in force): too uncertain to lean on. */
  sparse: boolean;
};

export type SweepRow = SweepPoint & { threshold: number };
export type SweepResult = {
  dimension: SweepDimension;
  segment: string | null;
  /** The threshold in force on the swept score (the segment's override where there is one). */
  inForce: number | null;
  months: number;
  rows: SweepRow[];
};

export type GridCell = SweepPoint & { fit: number; engagement: number };
export type GridResult = { segment: string | null; step: number; inForce: { fit: number; engagement: number } | null; months: number; cells: GridCell[] };

import { z } from "zod";
import { funnelQuerySchema } from "./funnel-query";
import type { Rate } from "./wilson";

export const SWEEP_DIMENSIONS = ["fit", "engagement"] as const;
export type SweepDimension = (typeof SWEEP_DIMENSIONS)[number];

/** Points backed by fewer outcomes than this are marked as such rather than drawn as confident. */
export const MIN_BACKING = 30;

/** A threshold sweep's query: the same date range as the funnel, and the score it moves. */
export const sweepQuerySchema = z
  .object({
    dimension: z.enum(SWEEP_DIMENSIONS, { message: "dimension is fit or engagement" }),
    from: z.string(),
    to: z.string(),
  })
  .transform((q, ctx) => {
    const range = funnelQuerySchema.safeParse({ from: q.from, to: q.to });
    if (!range.success) {
      for (const issue of range.error.issues) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
      return z.NEVER;
    }
    return { dimension: q.dimension, from: range.data.from, until: range.data.until };
  });
export type SweepQuery = z.output<typeof sweepQuerySchema>;

export type SweepRow = {
  threshold: number;
  /** MQL records at or above the threshold on the dimension, scored at their qualification. */
  mqls: number;
  sql: number;
  customers: number;
  mqlToSqlRate: Rate | null;
  mqlToCustomerRate: Rate | null;
  /** Fewer than MIN_BACKING records back this point: its rates are too uncertain to lean on. */
  sparse: boolean;
};

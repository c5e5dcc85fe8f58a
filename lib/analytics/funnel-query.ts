import { z } from "zod";

/** What the funnel can be broken down by (PRODUCT.md §9). */
export const FUNNEL_GROUPS = ["month", "source", "campaign", "region", "segment", "rep", "modelVersion"] as const;
export type FunnelGroup = (typeof FUNNEL_GROUPS)[number];

const day = z.iso.date({ message: "Dates are YYYY-MM-DD" });

/**
 * The funnel's query: MQL records qualified from `from` to `to` (both whole days, UTC, inclusive),
 * grouped by `groupBy`. Shared by the API and the funnel page.
 */
export const funnelQuerySchema = z
  .object({
    from: day,
    to: day,
    groupBy: z.enum(FUNNEL_GROUPS, { message: `groupBy is one of ${FUNNEL_GROUPS.join(", ")}` }).default("month"),
  })
  // Only once both dates are valid: a missing `to` is not "`from` is after `to`".
  .refine((q) => q.from <= q.to, { message: "`from` is after `to`", path: ["from"], when: (payload) => payload.issues.length === 0 })
  .transform((q) => ({
    groupBy: q.groupBy,
    from: new Date(`${q.from}T00:00:00Z`),
    /** Exclusive: the day after `to`. */
    until: new Date(new Date(`${q.to}T00:00:00Z`).getTime() + 86_400_000),
  }));
export type FunnelQuery = z.output<typeof funnelQuerySchema>;

export type FunnelCounts = { mqls: number; sal: number; sql: number; opportunity: number; customer: number; lost: number; rejected: number; open: number };
export type FunnelRow = FunnelCounts & { group: string; mqlToSqlRate: number; mqlToCustomerRate: number };

/** The counts with their rates as fractions of the MQLs. */
export function withRates<T extends FunnelCounts>(counts: T): T & { mqlToSqlRate: number; mqlToCustomerRate: number } {
  return { ...counts, mqlToSqlRate: counts.mqls ? counts.sql / counts.mqls : 0, mqlToCustomerRate: counts.mqls ? counts.customer / counts.mqls : 0 };
}

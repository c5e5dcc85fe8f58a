import "server-only";
import { sql } from "drizzle-orm";
import { cohortMaturity, type CohortMaturity } from "@/lib/analytics/cohort-maturity";
import { mqlMonth } from "@/lib/analytics/cohort-month";
import type { FunnelRow } from "@/lib/analytics/funnel-query";
import { STAGE_STEPS, daysBetween, medianDays, type StageStepKey } from "@/lib/analytics/stage-times";
import { rowsOf, type Database } from "../client";
import { timestamptz } from "../sql-helpers";
import { funnelScan } from "./funnel-scan";
import { funnelByGroup } from "./funnel";

export type CohortRow = FunnelRow &
  CohortMaturity & {
    /** "2026-03": the month the cohort's MQLs qualified in (UTC). */
    month: string;
    /** Median days per step, over the cohort's records that recorded both of its stages. */
    medianDays: Record<StageStepKey, number | null>;
  };

/**
 * The cohort view (PRODUCT.md §9): the MQL records qualified in [from, until) by MQL month — the
 * month breakdown of `funnelByGroup`, the same counts the API gives — with the median days of
 * each step and whether the cohort is still too young to judge (`lib/analytics/cohort-maturity.ts`),
 * measured against the median MQL→customer time of every customer so far. The totals are the
 * funnel's over the whole range.
 */
export async function funnelCohorts(
  db: Database,
  { from, until, now }: { from: Date; until: Date; now: Date },
): Promise<{ rows: CohortRow[]; totals: Awaited<ReturnType<typeof funnelByGroup>>["totals"]; typicalDaysToCustomer: number | null }> {
  const [funnel, medians, typical] = await Promise.all([
    funnelByGroup(db, { from, until, groupBy: "month" }),
    funnelScan(
      db,
      sql`
        select to_char(${mqlMonth}, 'YYYY-MM') as month,
          ${sql.join(
            STAGE_STEPS.map((s) => sql`${medianDays(s.from, s.to)} as ${sql.identifier(s.key)}`),
            sql`, `,
          )}
        from mql_records
        where mql_records.mql_at >= ${timestamptz(from)} and mql_records.mql_at < ${timestamptz(until)}
          -- Every step needs one of these two stamps; the rest have no duration to give.
          and (mql_records.accepted_at is not null or mql_records.opportunity_at is not null)
        group by ${mqlMonth}`,
    ).then((r) => rowsOf<Record<StageStepKey, number | null> & { month: string }>(r)),
    funnelScan(
      db,
      sql`select percentile_cont(0.5) within group (order by ${daysBetween(sql`mql_records.mql_at`, sql`mql_records.won_at`)}) as days
          from mql_records where mql_records.won_at is not null`,
    ).then((r) => rowsOf<{ days: number | null }>(r)[0]?.days ?? null),
  ]);
  const byMonth = new Map(medians.map((m) => [m.month, m]));
  const typicalDaysToCustomer = typical === null ? null : Number(typical);
  return {
    totals: funnel.totals,
    typicalDaysToCustomer,
    rows: funnel.rows.map((row) => {
      const m = byMonth.get(row.group);
      const days = Object.fromEntries(STAGE_STEPS.map((s) => [s.key, m?.[s.key] == null ? null : Number(m[s.key])])) as Record<StageStepKey, number | null>;
      return { ...row, month: row.group, medianDays: days, ...cohortMaturity({ month: row.group, mqls: row.mqls, open: row.open }, { now, typicalDaysToCustomer }) };
    }),
  };
}

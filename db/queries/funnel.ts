import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { withRates, type FunnelCounts, type FunnelGroup, type FunnelQuery, type FunnelRow } from "@/lib/analytics/funnel-query";
import { mqlMonth } from "@/lib/analytics/cohort-month";
import { countWhere, reachedStage } from "@/lib/analytics/stage-reached";
import { rowsOf, type Database } from "../client";
import { timestamptz } from "../sql-helpers";
import { funnelScan } from "./funnel-scan";

/**
 * Each breakdown: what it groups by (read at qualification where the record keeps it), how the
 * group reads, and the one join it needs — only that join, so a breakdown by month or source
 * stays a scan of mql_records alone.
 */
const GROUPS: Record<FunnelGroup, { key: SQL; label: (key: SQL) => SQL; join?: SQL }> = {
  month: { key: mqlMonth, label: (k) => sql`to_char(${k}, 'YYYY-MM')` },
  source: { key: sql`mql_records.source`, label: (k) => sql`coalesce(${k}, '(none)')` },
  campaign: { key: sql`cp.name`, label: (k) => sql`coalesce(${k}, '(none)')`, join: sql`left join campaigns cp on cp.id = mql_records.campaign_id` },
  region: { key: sql`mql_records.region`, label: (k) => sql`coalesce(${k}, '(none)')` },
  segment: { key: sql`mql_records.segment`, label: (k) => sql`coalesce(${k}, '(none)')` },
  rep: { key: sql`u.name`, label: (k) => sql`coalesce(${k}, '(unassigned)')`, join: sql`left join users u on u.id = mql_records.assigned_rep_id` },
  modelVersion: { key: sql`v.version`, label: (k) => sql`coalesce('v' || ${k}, '(none)')`, join: sql`left join scoring_model_versions v on v.id = mql_records.model_version_id` },
};

const COUNTS = sql`
  count(*)::int as mqls,
  ${countWhere(reachedStage.sal)} as sal,
  ${countWhere(reachedStage.sql)} as sql,
  ${countWhere(reachedStage.opportunity)} as opportunity,
  ${countWhere(reachedStage.customer)} as customer,
  (count(*) filter (where mql_records.lost_at is not null))::int as lost,
  (count(*) filter (where mql_records.rejected_at is not null))::int as rejected,
  (count(*) filter (where mql_records.status in ('mql', 'sal', 'sql', 'opportunity')))::int as open`;

/**
 * The funnel of the MQL records qualified in [from, until): per group and in total, how many
 * reached each stage (a record that jumped stages passed the ones it skipped), were lost,
 * rejected or are still open, and MQL→SQL and MQL→customer as fractions of the MQLs. One scan,
 * grouped with ROLLUP so the totals come with the rows.
 */
export async function funnelByGroup(db: Database, { from, until, groupBy }: FunnelQuery): Promise<{ rows: FunnelRow[]; totals: FunnelCounts & { mqlToSqlRate: number; mqlToCustomerRate: number } }> {
  const group = GROUPS[groupBy];
  const result = rowsOf<FunnelCounts & { grp: string | null; is_total: boolean }>(
    await funnelScan(db, sql`
      select ${group.label(sql`g.key`)} as grp, g.is_total, g.mqls, g.sal, g.sql, g.opportunity, g.customer, g.lost, g.rejected, g.open
      from (
        select ${group.key} as key, grouping(${group.key}) = 1 as is_total, ${COUNTS}
        from mql_records
        ${group.join ?? sql``}
        where mql_records.mql_at >= ${timestamptz(from)} and mql_records.mql_at < ${timestamptz(until)}
        group by rollup (${group.key})
      ) g
      order by g.is_total, grp`),
  );
  const counts = (r: FunnelCounts): FunnelCounts => ({
    mqls: r.mqls,
    sal: r.sal,
    sql: r.sql,
    opportunity: r.opportunity,
    customer: r.customer,
    lost: r.lost,
    rejected: r.rejected,
    open: r.open,
  });
  const total = result.find((r) => r.is_total);
  const empty: FunnelCounts = { mqls: 0, sal: 0, sql: 0, opportunity: 0, customer: 0, lost: 0, rejected: 0, open: 0 };
  return {
    rows: result.filter((r) => !r.is_total).map((r) => ({ group: r.grp!, ...withRates(counts(r)) })),
    totals: withRates(total ? counts(total) : empty),
  };
}

import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { withRates, type FunnelCounts, type FunnelGroup, type FunnelQuery, type FunnelRow } from "@/lib/analytics/funnel-query";
import { countWhere, reachedStage } from "@/lib/analytics/stage-reached";
import { rowsOf, type Database } from "../client";
import { timestamptz } from "../sql-helpers";

/** Each breakdown's label, read at qualification where the record keeps it. */
const GROUP_SQL: Record<FunnelGroup, SQL> = {
  month: sql`to_char(mql_records.mql_at at time zone 'UTC', 'YYYY-MM')`,
  source: sql`coalesce(mql_records.source, '(none)')`,
  campaign: sql`coalesce(cp.name, '(none)')`,
  region: sql`coalesce(c.region, '(none)')`,
  segment: sql`coalesce(mql_records.segment, '(none)')`,
  rep: sql`coalesce(u.name, '(unassigned)')`,
  modelVersion: sql`coalesce('v' || v.version, '(none)')`,
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
  const result = rowsOf<FunnelCounts & { grp: string | null; is_total: boolean }>(
    await db.execute(sql`
      select ${GROUP_SQL[groupBy]} as grp, grouping(${GROUP_SQL[groupBy]}) = 1 as is_total, ${COUNTS}
      from mql_records
      left join contacts c on c.id = mql_records.contact_id
      left join campaigns cp on cp.id = mql_records.campaign_id
      left join users u on u.id = mql_records.assigned_rep_id
      left join scoring_model_versions v on v.id = mql_records.model_version_id
      where mql_records.mql_at >= ${timestamptz(from)} and mql_records.mql_at < ${timestamptz(until)}
      group by rollup (${GROUP_SQL[groupBy]})
      order by is_total, grp`),
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

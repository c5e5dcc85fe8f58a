import "server-only";
import { sql } from "drizzle-orm";
import { withRates, type FunnelCounts } from "@/lib/analytics/funnel-query";
import { SPEED_BUCKETS, speedBucketIndex, type SpeedBucketKey } from "@/lib/analytics/speed-to-lead";
import { countWhere, reachedStage } from "@/lib/analytics/stage-reached";
import { rowsOf, type Database } from "../client";
import { timestamptz } from "../sql-helpers";
import { funnelScan } from "./funnel-scan";

export type SpeedToLeadRow = { bucket: SpeedBucketKey; label: string; mqls: number; sql: number; customer: number; mqlToSqlRate: number; mqlToCustomerRate: number };

/**
 * Speed to lead against conversion: the MQL records qualified in [from, until) by how soon a rep
 * first touched them (`lib/analytics/speed-to-lead.ts`), with how many became SQLs and customers
 * (stage jumps included). Every bucket is returned, empty ones with zeros, in order.
 */
export async function speedToLeadConversion(db: Database, { from, until }: { from: Date; until: Date }): Promise<SpeedToLeadRow[]> {
  const result = rowsOf<{ bucket: number; mqls: number; sql: number; customer: number }>(
    await funnelScan(
      db,
      sql`
        select ${speedBucketIndex()} as bucket, count(*)::int as mqls,
          ${countWhere(reachedStage.sql)} as sql, ${countWhere(reachedStage.customer)} as customer
        from mql_records
        where mql_records.mql_at >= ${timestamptz(from)} and mql_records.mql_at < ${timestamptz(until)}
        group by 1`,
    ),
  );
  const byBucket = new Map(result.map((r) => [r.bucket, r]));
  return SPEED_BUCKETS.map((b, i) => {
    const r = byBucket.get(i);
    const counts: FunnelCounts = { mqls: r?.mqls ?? 0, sal: 0, sql: r?.sql ?? 0, opportunity: 0, customer: r?.customer ?? 0, lost: 0, rejected: 0, open: 0 };
    const { mqlToSqlRate, mqlToCustomerRate } = withRates(counts);
    return { bucket: b.key, label: b.label, mqls: counts.mqls, sql: counts.sql, customer: counts.customer, mqlToSqlRate, mqlToCustomerRate };
  });
}

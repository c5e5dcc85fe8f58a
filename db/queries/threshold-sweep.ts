import "server-only";
import { sql } from "drizzle-orm";
import { countWhere, reachedStage } from "@/lib/analytics/stage-reached";
import { MIN_BACKING, type SweepQuery, type SweepRow } from "@/lib/analytics/sweep-query";
import { wilsonInterval } from "@/lib/analytics/wilson";
import { rowsOf, type Database } from "../client";
import { timestamptz } from "../sql-helpers";

const SCORE = { fit: sql.raw("mql_records.fit_score"), engagement: sql.raw("mql_records.engagement_score") } as const;

/**
 * Every whole threshold 0–100 on fit or engagement in one pass over the MQL records qualified in
 * [from, until): the records are counted into 101 score buckets once, and each threshold's counts
 * are the running sum of the buckets at or above it. Scores are those each record had when it
 * qualified, so a point says what that threshold would have passed of the decisions made then.
 */
export async function thresholdSweep(db: Database, { dimension, from, until }: SweepQuery): Promise<{ rows: SweepRow[] }> {
  const score = SCORE[dimension];
  const rows = rowsOf<{ threshold: number; mqls: number | string; sql: number | string; customers: number | string }>(
    await db.execute(sql`
      with buckets as (
        select least(100, greatest(0, floor(${score})))::int as bucket, count(*)::int as mqls,
               ${countWhere(reachedStage.sql)} as sql, ${countWhere(reachedStage.customer)} as customers
        from mql_records
        where mql_records.mql_at >= ${timestamptz(from)} and mql_records.mql_at < ${timestamptz(until)}
        group by 1
      )
      select t.threshold,
             coalesce(sum(b.mqls) over above, 0) as mqls,
             coalesce(sum(b.sql) over above, 0) as sql,
             coalesce(sum(b.customers) over above, 0) as customers
      from generate_series(0, 100) as t(threshold)
      left join buckets b on b.bucket = t.threshold
      window above as (order by t.threshold desc rows between unbounded preceding and current row)
      order by t.threshold`),
  );
  return {
    rows: rows.map((r) => {
      const mqls = Number(r.mqls);
      const sqls = Number(r.sql);
      const customers = Number(r.customers);
      return {
        threshold: Number(r.threshold),
        mqls,
        sql: sqls,
        customers,
        mqlToSqlRate: wilsonInterval(sqls, mqls),
        mqlToCustomerRate: wilsonInterval(customers, mqls),
        sparse: mqls < MIN_BACKING,
      };
    }),
  };
}

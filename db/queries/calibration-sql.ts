import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { SweepDimension } from "@/lib/analytics/sweep-query";
import { SHARE_DECIMALS } from "@/lib/calibration/exploration";
import type { InForceThresholds } from "@/lib/calibration/in-force";
import { timestamptz } from "../sql-helpers";

/** A record's score at qualification on one dimension. */
export const SCORE_AT_QUALIFICATION: Record<SweepDimension, SQL> = {
  fit: sql.raw("mql_records.fit_score"),
  engagement: sql.raw("mql_records.engagement_score"),
};

/**
 * 1 for a record the MQL rule produced; 1/share for an exploration record — it stands for the near
 * misses not drawn. The share is stored as a `real`, so it is read back at the 0.01% it was set
 * with (0.1 is 0.100000001 as a real, and ten such records would weigh 99.999999).
 */
export const RECORD_WEIGHT = sql`(case when mql_records.is_exploration and mql_records.exploration_share > 0
  then 1.0 / round(mql_records.exploration_share::numeric, ${SHARE_DECIMALS}) else 1.0 end)::float8`;

/** The threshold in force on a dimension for each record: its region's override, else the default. */
export function inForceThresholdSql(inForce: InForceThresholds, dimension: SweepDimension): SQL {
  const fallback = sql`${inForce[dimension]}::float8`;
  if (inForce.regions.length === 0) return fallback;
  return sql`(case lower(mql_records.region) ${sql.join(
    inForce.regions.map((r) => sql`when ${r.value.toLowerCase()} then ${r[dimension]}::float8`),
    sql` `,
  )} else ${fallback} end)`;
}

/** The MQL records of a query: qualified in [from, until), in a region when one is given. */
export function calibrationRecordsWhere({ from, until, segment }: { from: Date; until: Date; segment: string | null }): SQL {
  return sql`mql_records.mql_at >= ${timestamptz(from)} and mql_records.mql_at < ${timestamptz(until)}
    ${segment ? sql`and lower(mql_records.region) = ${segment.toLowerCase()}` : sql``}`;
}

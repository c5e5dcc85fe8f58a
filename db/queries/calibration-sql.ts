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
 * with (0.1 is 0.100000001 as a real, and ten such records would weigh 99.999999). Each branch is
 * float8 already, so the common one is a constant rather than a numeric cast per record.
 */
export const RECORD_WEIGHT = sql`(case when mql_records.is_exploration and mql_records.exploration_share > 0
  then (1.0 / round(mql_records.exploration_share::numeric, ${SHARE_DECIMALS}))::float8 else 1::float8 end)`;

/**
 * Per-region thresholds without a string function per record: the records are grouped by their
 * raw region and by whether their score passes each distinct threshold value (`<prefix>_0`, …),
 * and the group then picks the flag of its region's threshold — `lower()` runs once per group,
 * not once per record, which is most of a sweep's time on 200k records.
 */
export function thresholdFlags(inForce: InForceThresholds, dimension: SweepDimension, comparison: "<" | ">=", prefix: string) {
  const values = [...new Set([inForce[dimension], ...inForce.regions.map((r) => r[dimension])])];
  const name = (v: number) => `${prefix}_${values.indexOf(v)}`;
  const op = sql.raw(comparison);
  const columns = sql.join(
    values.map((v) => sql`(${SCORE_AT_QUALIFICATION[dimension]} ${op} ${v}::float8) as ${sql.raw(name(v))}`),
    sql`, `,
  );
  const expressions = values.map((v) => sql`${SCORE_AT_QUALIFICATION[dimension]} ${op} ${v}::float8`);
  const column = (v: number) => sql.raw(`g.${name(v)}`);
  const choose = inForce.regions.length
    ? sql`(case lower(g.region) ${sql.join(
        inForce.regions.map((r) => sql`when ${r.value.toLowerCase()} then ${column(r[dimension])}`),
        sql` `,
      )} else ${column(inForce[dimension])} end)`
    : column(inForce[dimension]);
  return { columns, expressions, names: values.map(name), choose };
}

/** The records of a query: qualified in [from, until) (the region is applied to the groups). */
export function calibrationRecordsWhere({ from, until }: { from: Date; until: Date }): SQL {
  return sql`mql_records.mql_at >= ${timestamptz(from)} and mql_records.mql_at < ${timestamptz(until)}`;
}

/** A region's groups (case-insensitive, as segment overrides match), or every group. */
export function regionGroupsWhere(segment: string | null): SQL {
  return segment ? sql`lower(g.region) = ${segment.toLowerCase()}` : sql`true`;
}

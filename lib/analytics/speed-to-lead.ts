import { sql, type SQL } from "drizzle-orm";

/**
 * Speed to lead: from qualification (`mql_at`) to the rep's first touch (`first_touch_at`, see
 * lib/lifecycle/first-touch.ts), in buckets that each include their lower bound. Records never
 * touched have their own bucket.
 */
export const SPEED_BUCKETS = [
  { key: "under1h", label: "< 1 h", belowHours: 1 },
  { key: "1to4h", label: "1–4 h", belowHours: 4 },
  { key: "4to24h", label: "4–24 h", belowHours: 24 },
  { key: "1to3d", label: "1–3 days", belowHours: 72 },
  { key: "over3d", label: "> 3 days", belowHours: null },
  { key: "never", label: "Not touched", belowHours: null },
] as const;
export type SpeedBucketKey = (typeof SPEED_BUCKETS)[number]["key"];

const HOURS = "(extract(epoch from (mql_records.first_touch_at - mql_records.mql_at)) / 3600)";

/** The bucket key of each MQL record, as SQL (constants only, so it can be grouped by). */
export function speedBucket(): SQL<SpeedBucketKey> {
  const bounded = SPEED_BUCKETS.filter((b) => b.belowHours !== null).map((b) => sql.raw(`when ${HOURS} < ${b.belowHours} then '${b.key}'`));
  return sql<SpeedBucketKey>`(case when mql_records.first_touch_at is null then 'never' ${sql.join(bounded, sql` `)} else 'over3d' end)`;
}

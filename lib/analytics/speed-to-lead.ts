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


const BOUNDS = SPEED_BUCKETS.flatMap((b) => (b.belowHours === null ? [] : [`'${b.belowHours} hours'`]));
const NEVER = SPEED_BUCKETS.findIndex((b) => b.key === "never");

/**
 * Each MQL record's bucket as its position in SPEED_BUCKETS: `width_bucket` counts the bounds at
 * or below the time to first touch, compared as intervals (no conversion to seconds per row), and
 * an untouched record takes the last bucket.
 */
export function speedBucketIndex(): SQL<number> {
  return sql<number>`(case when mql_records.first_touch_at is null then ${sql.raw(String(NEVER))}
    else width_bucket(mql_records.first_touch_at - mql_records.mql_at, ${sql.raw(`array[${BOUNDS.join(",")}]::interval[]`)}) end)`;
}

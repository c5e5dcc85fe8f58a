import { sql } from "drizzle-orm";

/**
 * The MQL month of a record, in UTC, as a `timestamp` (without time zone). Written with
 * `at time zone` rather than the three-argument `date_trunc` because this form is immutable, so
 * PostgreSQL can keep statistics on it (`mql_records_mql_month_stats`) and knows a range of
 * records makes a few dozen months, not one group per record — the statistics only apply to
 * this exact expression, so every query grouping by MQL month uses this fragment.
 */
export const mqlMonth = sql`date_trunc('month', mql_records.mql_at at time zone 'UTC')`;

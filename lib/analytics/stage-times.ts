import { sql, type SQL } from "drizzle-orm";
import type { StageStepKey } from "./stage-steps";

export type { StageStepKey } from "./stage-steps";

/**
 * The steps whose median duration the cohort view shows, in funnel order, each from the stamp of
 * one stage to the stamp of the next. A duration is only measured where both stamps were
 * recorded: a record that jumped stages (mql → customer, as a CRM may report) counts as having
 * passed the skipped stages (`stage-reached.ts`), but it says nothing about how long each of them
 * took, so it is left out of those steps rather than counted as zero days.
 */
export const STAGE_STEPS = [
  { key: "mqlToSal", from: sql`mql_records.mql_at`, to: sql`mql_records.accepted_at` },
  { key: "salToSql", from: sql`mql_records.accepted_at`, to: sql`mql_records.sql_at` },
  { key: "sqlToOpportunity", from: sql`mql_records.sql_at`, to: sql`mql_records.opportunity_at` },
  { key: "opportunityToCustomer", from: sql`mql_records.opportunity_at`, to: sql`mql_records.won_at` },
] as const satisfies readonly { key: StageStepKey; from: SQL; to: SQL }[];

/** Days from one stamp to another, fractional (date_part is float8; extract would be numeric, several times slower per row). */
export function daysBetween(from: SQL, to: SQL): SQL<number> {
  return sql<number>`(date_part('epoch', ${to} - ${from}) / 86400)`;
}

/** The median days from `from` to `to` over the group's records that have both. */
export function medianDays(from: SQL, to: SQL): SQL<number | null> {
  return sql<number | null>`percentile_cont(0.5) within group (order by ${daysBetween(from, to)}) filter (where ${from} is not null and ${to} is not null)`;
}

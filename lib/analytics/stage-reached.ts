import { sql, type SQL } from "drizzle-orm";
import { mqlRecords } from "../../db/schema/mql-records";

/**
 * Whether an MQL record reached a stage. A record that jumped (e.g. mql → customer, as a CRM may
 * report) counts as having passed every stage it skipped, so each stage also checks the later
 * stamps.
 */
export const reachedStage = {
  sal: sql<boolean>`(${mqlRecords.acceptedAt} is not null or ${mqlRecords.sqlAt} is not null or ${mqlRecords.opportunityAt} is not null or ${mqlRecords.wonAt} is not null)`,
  sql: sql<boolean>`(${mqlRecords.sqlAt} is not null or ${mqlRecords.opportunityAt} is not null or ${mqlRecords.wonAt} is not null)`,
  opportunity: sql<boolean>`(${mqlRecords.opportunityAt} is not null or ${mqlRecords.wonAt} is not null)`,
  customer: sql<boolean>`(${mqlRecords.wonAt} is not null)`,
} satisfies Record<string, SQL<boolean>>;

export function countWhere(condition: SQL<boolean>): SQL<number> {
  return sql<number>`(count(*) filter (where ${condition}))::int`;
}

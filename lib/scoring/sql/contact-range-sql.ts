import { sql, type SQL } from "drizzle-orm";

/**
 * A slice of the contacts by id, `from` ≤ id < `to` (an open end where null): scoring runs and
 * backtests work through the contacts in such slices.
 */
export type ContactRange = { from: string | null; to: string | null };

/** `column` within `range`, as SQL. */
export function inRangeSql(column: SQL, range: ContactRange): SQL {
  const bounds = [...(range.from ? [sql`${column} >= ${range.from}::uuid`] : []), ...(range.to ? [sql`${column} < ${range.to}::uuid`] : [])];
  return bounds.length ? sql.join(bounds, sql` and `) : sql`true`;
}

import { sql, type AnyColumn, type SQL } from "drizzle-orm";

/**
 * A timestamp parameter for raw `sql` fragments. postgres.js cannot bind a JS Date where no
 * column type tells drizzle to convert it (PGlite can), so both drivers get ISO text instead.
 */
export function timestamptz(date: Date): SQL {
  return sql`${date.toISOString()}::timestamptz`;
}

/**
 * `column DESC NULLS LAST`, the order drizzle-kit gives descending index columns. An ORDER BY must
 * match it exactly (plain DESC means NULLS FIRST) for PostgreSQL to read the index in order
 * instead of sorting the whole table.
 */
export function descNullsLast(column: AnyColumn | SQL): SQL {
  return sql`${column} desc nulls last`;
}

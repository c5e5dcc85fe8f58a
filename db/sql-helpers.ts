import { sql, type SQL } from "drizzle-orm";

/**
 * A timestamp parameter for raw `sql` fragments. postgres.js cannot bind a JS Date where no
 * column type tells drizzle to convert it (PGlite can), so both drivers get ISO text instead.
 */
export function timestamptz(date: Date): SQL {
  return sql`${date.toISOString()}::timestamptz`;
}

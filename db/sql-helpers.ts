import { sql, type AnyColumn, type SQL } from "drizzle-orm";
import type { Database } from "./client";

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

type PreparingDatabase = {
  session: { prepareQuery(query: unknown, fields: undefined, name: string, arrayMode: boolean): { execute(): Promise<unknown> } };
  dialect: { sqlToQuery(query: SQL): unknown };
};

/**
 * Runs a raw statement as a named prepared statement, so that postgres.js has PostgreSQL plan it
 * once per connection instead of on every call (`db.execute` sends it unnamed). For statements on
 * a hot path whose planning is a noticeable share of their time. Works inside transactions too.
 */
export async function executePrepared(db: Database, name: string, query: SQL): Promise<unknown> {
  const { session, dialect } = db as unknown as PreparingDatabase;
  return session.prepareQuery(dialect.sqlToQuery(query), undefined, name, false).execute();
}

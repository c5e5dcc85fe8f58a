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

/** A keyset order: the sort column, the id that breaks ties, and the sort column's SQL type. */
export type KeysetOrder = { column: AnyColumn; id: AnyColumn; type: SQL; nullable?: boolean };

/**
 * The sort value of a row as PostgreSQL's own text, for a cursor. Read back with `keysetAfter`,
 * it compares exactly: a JavaScript Date drops microseconds and a JavaScript number is not the
 * stored `real`, and either would make the next page skip or repeat rows that tie on the value.
 */
export function sortKeyText(order: KeysetOrder): SQL<string | null> {
  return sql<string | null>`${order.column}::text`;
}

/** `order by value desc nulls last, id desc`: the order of every keyset index here. */
export function keysetOrderBy(order: KeysetOrder): SQL[] {
  return [descNullsLast(order.column), descNullsLast(order.id)];
}

/** Rows after `[sortKey, id]` in `keysetOrderBy` order (rows without a value come last). */
export function keysetAfter(order: KeysetOrder, [sortKey, id]: [string | number | null, string | number]): SQL {
  if (sortKey === null) return sql`(${order.column} is null and ${order.id} < ${id})`;
  const before = sql`(${order.column}, ${order.id}) < (cast(${String(sortKey)} as ${order.type}), ${id})`;
  return order.nullable ? sql`(${before} or ${order.column} is null)` : before;
}

/**
 * Runs a report over many rows with memory to sort and hash in (a transaction's `work_mem`):
 * the default 4 MB spills a sort of 200k MQL records to disk, and the planner cannot always
 * tell how few groups a computed key makes.
 */
export async function analyticalQuery(db: Database, query: SQL): Promise<unknown> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local work_mem = '64MB'`);
    return tx.execute(query);
  });
}

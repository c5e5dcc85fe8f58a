import { getTableColumns, getTableName, sql, type Column } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { rowsOf, type Database } from "./client";

/**
 * Inserts many rows in one statement whose only parameter is the rows as a JSON array, turned back
 * into rows by `json_populate_recordset` against the table's own row type, so every value takes its
 * column's type as PostgreSQL reads it. drizzle's `insert().values()` builds a parameter per value:
 * about 0.4 ms of the application's CPU a row for a 20-column table (200 ms for 500 MQL records,
 * against 5 ms to write them as JSON), more than PostgreSQL takes to store them, and it stops at
 * 65,535 parameters a statement.
 *
 * Columns left out of every row take their defaults; a column some rows give and others leave out
 * is an error, since those others would get null rather than the default. Values are written as
 * JSON writes them (a Date as its ISO instant, an object as a JSON document), which suits the
 * columns of this schema: no custom types, no JS-side defaults. `returning` names columns by their
 * schema keys; their values come back mapped as drizzle maps them (a bigint id as a number).
 */
export async function insertRows<T extends PgTable, K extends keyof T["$inferSelect"] & string = never>(
  db: Database,
  table: T,
  rows: T["$inferInsert"][],
  returning: K[] = [],
): Promise<Pick<T["$inferSelect"], K>[]> {
  if (rows.length === 0) return [];
  const columns = getTableColumns(table) as Record<string, Column>;
  const records = rows as Record<string, unknown>[];
  const given = [...new Set(records.flatMap((row) => Object.keys(row).filter((key) => row[key] !== undefined)))];
  for (const key of given) {
    if (!columns[key]) throw new Error(`${getTableName(table)} has no column ${key}`);
    if (columns[key].hasDefault && records.some((row) => row[key] === undefined)) {
      throw new Error(`${getTableName(table)}.${columns[key].name} is given for some rows and left to its default for others`);
    }
  }
  const names = given.map((key) => columns[key]!.name);
  const json = JSON.stringify(records.map((row) => Object.fromEntries(given.map((key, i) => [names[i], row[key] ?? null]))));
  const list = sql.raw(names.map((n) => `"${n}"`).join(", "));
  const back = returning.length ? sql` returning ${sql.raw(returning.map((key, i) => `"${columns[key]!.name}" as r${i}`).join(", "))}` : sql``;
  const result = await db.execute(sql`insert into ${table} (${list}) select ${list} from json_populate_recordset(null::${table}, ${json}::json)${back}`);
  return rowsOf<Record<string, unknown>>(result).map(
    (row) => Object.fromEntries(returning.map((key, i) => [key, row[`r${i}`] == null ? row[`r${i}`] : columns[key]!.mapFromDriverValue(row[`r${i}`])])) as Pick<T["$inferSelect"], K>,
  );
}

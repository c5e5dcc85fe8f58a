import type { PGlite } from "@electric-sql/pglite";
import type PgBoss from "pg-boss";
import type postgres from "postgres";
import type { DatabaseHandle } from "../../db/client";

type QueryRows = { rows: unknown[] };

/**
 * pg-boss talks to PostgreSQL through `executeSql(text, values)`. This runs it on the
 * application's own connection (the postgres.js pool, or the single embedded PGlite), so the
 * queue needs no second driver and, on PGlite, shares the one connection in turn with the app.
 */
export function pgBossDatabaseFor(handle: DatabaseHandle): PgBoss.Db {
  const run = handle.kind === "postgres" ? postgresRunner(handle.client) : pgliteRunner(handle.client);
  return { executeSql: (text, values) => run(text, values?.map(toParameter)) };
}

/**
 * pg-boss wraps its migrations and maintenance in `BEGIN; … COMMIT;` sent as one string. Both
 * drivers refuse or mishandle that (postgres.js rejects BEGIN on a pool; on PGlite a failure would
 * leave the only connection inside an aborted transaction), so the body runs in a driver
 * transaction instead, which rolls back on error.
 */
const EXPLICIT_TRANSACTION = /^\s*BEGIN;([\s\S]*)COMMIT;\s*$/i;

function postgresRunner(client: postgres.Sql) {
  return async (text: string, values?: unknown[]): Promise<QueryRows> => {
    const body = EXPLICIT_TRANSACTION.exec(text)?.[1];
    if (body !== undefined) {
      await client.begin((tx) => tx.unsafe(body));
      return { rows: [] };
    }
    // Without values postgres.js uses the simple protocol, which also takes several statements.
    const result = values?.length ? await client.unsafe(text, values as postgres.ParameterOrJSON<never>[]) : await client.unsafe(text);
    return { rows: lastStatementRows(result) };
  };
}

function pgliteRunner(client: PGlite) {
  return async (text: string, values?: unknown[]): Promise<QueryRows> => {
    const body = EXPLICIT_TRANSACTION.exec(text)?.[1];
    if (body !== undefined) {
      await client.transaction((tx) => tx.exec(body));
      return { rows: [] };
    }
    if (values?.length) return { rows: (await client.query(text, values)).rows };
    const results = await client.exec(text);
    return { rows: results.at(-1)?.rows ?? [] };
  };
}

/** A multi-statement simple query answers with one row list per statement. */
function lastStatementRows(result: readonly unknown[]): unknown[] {
  const last = result.at(-1);
  return Array.isArray(last) && result.every(Array.isArray) ? [...last] : [...result];
}

/**
 * Values as node-postgres would send them: `undefined` is NULL, and objects are JSON. drizzle
 * turns postgres.js's JSON serializer off (it serialises JSON itself), so pg-boss's job data must
 * arrive as text; PGlite passes JSON text through unchanged.
 */
function toParameter(value: unknown): unknown {
  if (value === undefined) return null;
  if (value !== null && typeof value === "object" && !Array.isArray(value) && !(value instanceof Date)) return JSON.stringify(value);
  return value;
}

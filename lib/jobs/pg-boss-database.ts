import type { PGlite } from "@electric-sql/pglite";
import { sql, type SQL } from "drizzle-orm";
import type PgBoss from "pg-boss";
import type postgres from "postgres";
import { rowsOf, type Database, type DatabaseHandle } from "../../db/client";

type QueryRows = { rows: unknown[] };

export type TrackedPgBossDb = PgBoss.Db & {
  /** Resolves once no query is in flight: pg-boss does not await some of its own writes. */
  whenIdle(): Promise<void>;
};

/**
 * pg-boss talks to PostgreSQL through `executeSql(text, values)`. This runs it on the
 * application's own connection (the postgres.js pool, or the single embedded PGlite), so the
 * queue needs no second driver and, on PGlite, takes turns with the app on the one connection.
 */
export function pgBossDatabaseFor(handle: DatabaseHandle): TrackedPgBossDb {
  const run = handle.kind === "postgres" ? postgresRunner(handle.client) : pgliteRunner(handle.client);
  const inFlight = new Set<Promise<unknown>>();
  return {
    executeSql(text, values) {
      const query = run(text, values?.map(toParameter));
      inFlight.add(query);
      void query.finally(() => inFlight.delete(query)).catch(() => {});
      return query;
    },
    async whenIdle() {
      // A settled query may start another (fetch, then complete): wait until a turn passes quiet.
      do {
        await Promise.allSettled([...inFlight]);
        await new Promise((resolve) => setImmediate(resolve));
      } while (inFlight.size > 0);
    },
  };
}

/**
 * The same, inside a drizzle database or transaction: `boss.insert(…, { db })` then inserts the job
 * in the caller's transaction, so the job exists exactly when the rows it points at commit.
 */
export function pgBossDatabaseWithin(db: Database): PgBoss.Db {
  return {
    async executeSql(text, values = []) {
      return { rows: rowsOf(await db.execute(withPositionalParameters(text, values))) };
    },
  };
}

/** `… $1 … $2 …` with values, as a drizzle SQL object (which numbers its parameters itself). */
function withPositionalParameters(text: string, values: unknown[]): SQL {
  const parts = text.split(/\$(\d+)/);
  const query = sql.empty();
  parts.forEach((part, i) => {
    if (i % 2 === 0) query.append(sql.raw(part));
    else query.append(sql`${sql.param(toParameter(values[Number(part) - 1]))}`);
  });
  return query;
}

/**
 * pg-boss wraps its migrations and maintenance in `BEGIN; … COMMIT;` sent as one string. Both
 * drivers mishandle that (postgres.js refuses BEGIN on a pool; on PGlite a failure would leave
 * the only connection inside an aborted transaction), so the body runs in a driver transaction,
 * which rolls back on error.
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
    const parameters = (values ?? []) as postgres.ParameterOrJSON<never>[];
    const result = parameters.length > 0 ? await client.unsafe(text, parameters) : await client.unsafe(text);
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
  return result.length > 0 && result.every(Array.isArray) ? [...(last as unknown[])] : [...result];
}

/**
 * Values as node-postgres would send them: `undefined` is NULL and objects are JSON text. drizzle
 * switches postgres.js's JSON serializer off (it serialises JSON itself) and PGlite passes JSON
 * text through unchanged, so text works on both.
 */
function toParameter(value: unknown): unknown {
  if (value === undefined) return null;
  if (value !== null && typeof value === "object" && !Array.isArray(value) && !(value instanceof Date)) return JSON.stringify(value);
  return value;
}

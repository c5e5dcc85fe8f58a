import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { Logger } from "drizzle-orm/logger";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { env } from "../lib/env";
import * as schema from "./schema";

/** One type for both drivers: every query in Handoff is written once against it. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DatabaseHandle =
  | { kind: "postgres"; db: Database; client: postgres.Sql; close: () => Promise<void> }
  | { kind: "pglite"; db: Database; client: PGlite; close: () => Promise<void> };

export type OpenOptions = {
  /** A postgres:// URL; without it the embedded database is used. */
  url?: string;
  /** Folder of the embedded database; `memory://` for a throw-away one. */
  dataDir?: string;
  /** Pool size for PostgreSQL. */
  max?: number;
  /** Sees every query drizzle sends (benchmarks use it to EXPLAIN the application's own SQL). */
  logger?: Logger;
};

export function openPostgres(url: string, max = 10, logger?: Logger): Extract<DatabaseHandle, { kind: "postgres" }> {
  // JIT compilation costs 100–200 ms per statement and pays off only for long analytical scans;
  // the app's statements are short and set-based, and misestimated ones (a CTE over a job queue)
  // would otherwise pay it on every run. A query that benefits opts in with `set local jit = on`.
  const client = postgres(url, { max, onnotice: () => {}, connection: { jit: "off" } });
  const db = drizzlePostgres({ client, schema, logger }) as unknown as Database;
  return { kind: "postgres", db, client, close: () => client.end({ timeout: 5 }) };
}

export async function openPglite(dataDir: string, logger?: Logger): Promise<DatabaseHandle> {
  // PGlite does not create parent folders.
  if (!dataDir.startsWith("memory://")) mkdirSync(path.dirname(path.resolve(dataDir)), { recursive: true });
  const client = await PGlite.create({ dataDir, extensions: { pg_trgm } });
  const db = drizzlePglite({ client, schema, logger }) as unknown as Database;
  return { kind: "pglite", db, client, close: () => client.close() };
}

export async function openDatabase(options: OpenOptions = {}): Promise<DatabaseHandle> {
  const url = options.url ?? env().DATABASE_URL;
  if (url) return openPostgres(url, options.max, options.logger);
  return openPglite(options.dataDir ?? env().pgliteDir, options.logger);
}

// The application's database: opened on first use (never at import, so that `next build` and
// parallel workers do not open the embedded database) and cached on globalThis so hot reloads
// in development reuse one pool.
const globalForDb = globalThis as unknown as { handoffDb?: Promise<DatabaseHandle> };

export function getDatabaseHandle(): Promise<DatabaseHandle> {
  globalForDb.handoffDb ??= openDatabase();
  return globalForDb.handoffDb;
}

export async function getDb(): Promise<Database> {
  return (await getDatabaseHandle()).db;
}

/** Tests and scripts point the application at a database they opened themselves. */
export function setDatabaseHandle(handle: DatabaseHandle | undefined): void {
  globalForDb.handoffDb = handle ? Promise.resolve(handle) : undefined;
}

/** Rows of a raw `db.execute(sql…)`: postgres.js returns an array, PGlite `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

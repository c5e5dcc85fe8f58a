import type { DatabaseHandle } from "../client";
import { runnerFor, type SqlRunner } from "./bulk-copy";

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]", ""]);

/** Where the handle points, for messages: "embedded database" or "host:port/db". */
export function describeDatabase(handle: DatabaseHandle): string {
  if (handle.kind === "pglite") return "the embedded database";
  const o = handle.client.options;
  const host = o.host.map((h, i) => `${h}:${o.port[i] ?? o.port[0]}`).join(",");
  return `${host}/${o.database}`;
}

/** True for the embedded database and for a server on this machine (loopback or a unix socket). */
export function isLocalDatabase(handle: DatabaseHandle): boolean {
  if (handle.kind === "pglite") return true;
  const o = handle.client.options as typeof handle.client.options & { path?: string | false };
  if (o.path) return true;
  return o.host.every((h) => LOCAL_HOSTS.has(h.toLowerCase()) || h.startsWith("/"));
}

export class SeedRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SeedRefusedError";
  }
}

/** Tables whose rows are data rather than the defaults every workspace has. */
const DATA_TABLES = ["users", "contacts", "accounts", "engagement_events", "mql_records", "campaigns", "territories"] as const;

/** What the database already holds, e.g. `{ users: 3, contacts: 1200 }` (empty tables omitted). */
export async function existingData(runner: SqlRunner): Promise<Record<string, number>> {
  // Existence first: counting a 20M-row table just to say "not empty" would take seconds.
  const checks = DATA_TABLES.map((t) => `exists (select 1 from "${t}") as "${t}"`).join(", ");
  const [present] = await runner.query<Record<string, boolean>>(`select ${checks}`);
  const found: Record<string, number> = {};
  for (const table of DATA_TABLES) {
    if (!present[table]) continue;
    const [row] = await runner.query<{ n: string | number }>(`select count(*) as n from (select 1 from "${table}" limit 1000001) t`);
    found[table] = Number(row.n);
  }
  return found;
}

export function describeExistingData(found: Record<string, number>): string {
  return Object.entries(found)
    .map(([table, n]) => `${n > 1_000_000 ? "over 1,000,000" : n.toLocaleString("en-US")} ${table.replace(/_/g, " ")}`)
    .join(", ");
}

/**
 * Empties every table of the application's schema (drizzle's migration journal lives in its own
 * schema and stays), restarting identities so a new seed numbers its rows from 1 again. Refuses
 * a database on another machine unless `force` is given: it is far too easy to point
 * DATABASE_URL at a shared server and lose its data.
 */
export async function wipeDatabase(handle: DatabaseHandle, options: { force?: boolean } = {}): Promise<string[]> {
  if (!options.force && !isLocalDatabase(handle)) {
    throw new SeedRefusedError(
      `Refusing to wipe ${describeDatabase(handle)}: it is not on this machine. Pass --force if you really mean to erase it.`,
    );
  }
  const runner = runnerFor(handle);
  const tables = await runner.query<{ tablename: string }>(
    `select tablename from pg_tables where schemaname = current_schema() and tablename <> '__drizzle_migrations' order by tablename`,
  );
  if (tables.length === 0) return [];
  const names = tables.map((t) => `"${t.tablename.replace(/"/g, '""')}"`).join(", ");
  await runner.query(`truncate table ${names} restart identity cascade`);
  return tables.map((t) => t.tablename);
}

import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import postgres from "postgres";
import { openPglite, openPostgres, type Database, type DatabaseHandle } from "./client";
import { migrateDatabase } from "./migrate";
import * as schema from "./schema";

/**
 * A fresh, migrated database for one test file: on PostgreSQL (when DATABASE_URL is set) a new
 * database created and dropped around the tests; otherwise an in-memory PGlite restored from a
 * migrated template (see `vitest.global-setup.ts`), which is much faster than migrating anew.
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  const url = process.env.DATABASE_URL;
  if (url) return createPostgresTestDatabase(url);
  const template = process.env.HANDOFF_PGLITE_TEMPLATE;
  if (template && existsSync(template)) {
    const client = await PGlite.create({
      loadDataDir: new Blob([readFileSync(template)]),
      extensions: { pg_trgm },
    });
    const db = drizzlePglite({ client, schema }) as unknown as Database;
    return { kind: "pglite", db, client, close: () => client.close() };
  }
  const handle = await openPglite("memory://");
  await migrateDatabase(handle);
  return handle;
}

async function createPostgresTestDatabase(url: string): Promise<DatabaseHandle> {
  const name = `handoff_test_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const testUrl = new URL(url);
  testUrl.pathname = `/${name}`;
  const handle = openPostgres(testUrl.toString(), 5);
  try {
    await migrateDatabase(handle);
  } catch (error) {
    await handle.close();
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
    throw error;
  }
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

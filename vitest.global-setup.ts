import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { openPglite } from "./db/client";
import { migrateDatabase } from "./db/migrate";

/**
 * Migrates one in-memory PGlite and saves its data folder; every test file then restores a
 * fresh copy in well under a second instead of running initdb and the migrations again.
 */
export default async function setup() {
  if (process.env.DATABASE_URL) return;
  const handle = await openPglite("memory://");
  await migrateDatabase(handle);
  if (handle.kind !== "pglite") throw new Error("unreachable");
  const dump = await handle.client.dumpDataDir("none");
  await handle.close();
  const dir = path.join(os.tmpdir(), `handoff-vitest-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "template.tar");
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  process.env.HANDOFF_PGLITE_TEMPLATE = file;
}

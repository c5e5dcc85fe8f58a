/**
 * Runs before `next dev` / `next start`: applies migrations, makes sure the workspace defaults
 * exist and, on the very first start of the embedded database, loads the demo data set.
 * A PostgreSQL server (DATABASE_URL) is never seeded automatically: `npm run seed` does that.
 */
import { count } from "drizzle-orm";
import { parseArgs } from "node:util";
import { openDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { users } from "../db/schema";
import { ensureWorkspaceDefaults } from "../db/seed/defaults";
import { seedDemo } from "../db/seed";
import { env } from "../lib/env";

const { values } = parseArgs({ options: { "no-seed": { type: "boolean", default: false } } });
const started = Date.now();
const config = env();
const handle = await openDatabase({ max: 1 });
const where = handle.kind === "pglite" ? `embedded PostgreSQL at ${config.pgliteDir}` : "PostgreSQL (DATABASE_URL)";

try {
  await migrateDatabase(handle);
  await ensureWorkspaceDefaults(handle.db);
  const [row] = await handle.db.select({ n: count() }).from(users);
  const empty = (row?.n ?? 0) === 0;
  const demoWanted = process.env.SEED_DEMO !== "false" && !values["no-seed"];
  if (empty && handle.kind === "pglite" && demoWanted) {
    console.log(`Loading the demo data set into the ${where}…`);
    const summary = await seedDemo(handle, { onProgress: (m) => console.log(`  ${m}`) });
    console.log(`Demo loaded in ${(summary.elapsedMs / 1000).toFixed(1)} s. Sign in at http://localhost:3000 (logins in the README).`);
  } else if (empty) {
    console.log(`No users yet in the ${where}: open http://localhost:3000/setup to create the first admin,`);
    console.log("or run `npm run seed` to load the demo data set.");
  }
  console.log(`Database ready (${where}) in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
} finally {
  await handle.close();
}

/**
 * The web server Playwright starts: a fresh database with the demo data set (a new PostgreSQL
 * database when DATABASE_URL is set, otherwise a new embedded one), a production build, and
 * `next start`. Every run starts from the same known data.
 */
import { spawn, spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { openDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { seedDemo } from "../db/seed";
import { ensureWorkspaceDefaults } from "../db/seed/defaults";

const port = process.env.E2E_PORT ?? "3100";
const serverEnv: NodeJS.ProcessEnv = { ...process.env, PORT: port, NODE_ENV: "production", SEED_DEMO: "false" };

if (process.env.DATABASE_URL) {
  const name = "handoff_e2e";
  const admin = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${name}`;
  serverEnv.DATABASE_URL = url.toString();
} else {
  const dataDir = path.resolve(".data/e2e");
  rmSync(dataDir, { recursive: true, force: true });
  serverEnv.DATA_DIR = dataDir;
}

const started = Date.now();
const handle = await openDatabase({
  url: serverEnv.DATABASE_URL,
  dataDir: serverEnv.DATA_DIR ? path.join(serverEnv.DATA_DIR, "pglite") : undefined,
  max: 1,
});
await migrateDatabase(handle);
await ensureWorkspaceDefaults(handle.db);
await seedDemo(handle, {});
await handle.close();
console.log(`e2e database ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);

if (!process.env.E2E_SKIP_BUILD) {
  const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: { ...serverEnv } });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// Playwright stops the web server by killing this command's process group; `next start` and its
// next-server child stay in that group, so they stop with it.
const server = spawn("npx", ["next", "start", "-p", port, "-H", "127.0.0.1"], { stdio: "inherit", env: serverEnv });
const stop = () => {
  server.kill("SIGTERM");
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
server.on("exit", (code) => process.exit(code ?? 0));

/**
 * Loads the demo data set.
 *
 *   npm run seed -- [--contacts N] [--months M] [--seed S] [--events-per-contact E] [--reset] [--force]
 *
 * Uses DATABASE_URL when set, otherwise the embedded database under DATA_DIR (.data/pglite).
 * A database that already holds data is refused unless --reset wipes it first; wiping a server
 * that is not on this machine also needs --force.
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { openDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import {
  DEFAULT_DEMO_SIZE,
  DEMO_PASSWORD,
  describeDatabase,
  ensureWorkspaceDefaults,
  isLocalDatabase,
  seedDemo,
  SeedRefusedError,
  wipeDatabase,
} from "../db/seed";

const USAGE = `Usage: npm run seed -- [--contacts N] [--months M] [--seed S] [--events-per-contact E] [--reset] [--force]

  --contacts N            contacts to generate (default ${DEFAULT_DEMO_SIZE.contacts}); accounts are about N/6
  --months M              months of history before now (default ${DEFAULT_DEMO_SIZE.months})
  --seed S                random seed; the same seed gives the same data (default ${DEFAULT_DEMO_SIZE.seed})
  --events-per-contact E  average timeline events per contact (default ${DEFAULT_DEMO_SIZE.eventsPerContact})
  --reset                 wipe every table first (keeps the migrations)
  --force                 allow --reset on a database that is not on this machine`;

const integer = (name: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d[\d_]*$/, `--${name} must be a whole number`)
    .transform((s) => Number(s.replace(/_/g, "")))
    .pipe(z.number().min(min, `--${name} must be at least ${min}`).max(max, `--${name} must be at most ${max.toLocaleString("en-US")}`));

const argsSchema = z.object({
  contacts: integer("contacts", 1, 10_000_000).optional(),
  months: integer("months", 1, 60).optional(),
  seed: integer("seed", 0, 0xffffffff).optional(),
  "events-per-contact": integer("events-per-contact", 2, 500).optional(),
  reset: z.boolean(),
  force: z.boolean(),
  help: z.boolean(),
});

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

let raw;
try {
  raw = parseArgs({
    options: {
      contacts: { type: "string" },
      months: { type: "string" },
      seed: { type: "string" },
      "events-per-contact": { type: "string" },
      reset: { type: "boolean", default: false },
      force: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
  }).values;
} catch (error) {
  fail((error as Error).message);
}
const parsed = argsSchema.safeParse(raw);
if (!parsed.success) fail(parsed.error.issues.map((i) => i.message).join("\n"));
const args = parsed.data;
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}

/** The message and its causes; a stack trace only with DEBUG set. */
function describeError(error: unknown): string {
  if (process.env.DEBUG) return String((error as Error)?.stack ?? error);
  const parts: string[] = [];
  for (let e = error as { message?: string; cause?: unknown } | undefined; e && parts.length < 4; e = e.cause as typeof e) {
    parts.push(e.message ?? String(e));
  }
  return parts.join("\n  caused by: ");
}

const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
const handle = await openDatabase({ max: 1 });
let exitCode = 0;
try {
  const where = describeDatabase(handle);
  console.log(`Seeding ${where}`);
  // Refuse before migrating: a refused wipe should leave a remote server exactly as it was.
  if (args.reset && !args.force && !isLocalDatabase(handle)) {
    throw new SeedRefusedError(`Refusing to wipe ${where}: it is not on this machine. Pass --force if you really mean to erase it.`);
  }
  await migrateDatabase(handle);
  console.log(`  migrations applied (${elapsed()})`);
  if (args.reset) {
    const tables = await wipeDatabase(handle, { force: args.force });
    console.log(`  wiped ${tables.length} tables (${elapsed()})`);
  }
  await ensureWorkspaceDefaults(handle.db);
  const summary = await seedDemo(handle, {
    contacts: args.contacts,
    months: args.months,
    seed: args.seed,
    eventsPerContact: args["events-per-contact"],
    onProgress: (message) => console.log(`  ${message}`),
  });
  const width = Math.max(...Object.keys(summary.counts).map((k) => k.length));
  console.log(`\nDemo data (seed ${summary.seed}, ${summary.months} months up to ${summary.now.toISOString()}):`);
  for (const [table, n] of Object.entries(summary.counts)) console.log(`  ${table.padEnd(width)}  ${n.toLocaleString("en-US").padStart(12)}`);
  console.log(`  demo SDR queue: ${summary.demoSdrQueue.open} open, ${summary.demoSdrQueue.overdue} past the SLA`);
  console.log(`\nDone in ${elapsed()} (seed ${(summary.elapsedMs / 1000).toFixed(1)} s). Sign in as sdr@handoff.demo, sales@handoff.demo, marketer@handoff.demo or admin@handoff.demo with the password "${DEMO_PASSWORD}".`);
} catch (error) {
  exitCode = 1;
  if (error instanceof SeedRefusedError) console.error(`\n${error.message}`);
  else console.error(`\nSeeding failed after ${elapsed()}: ${describeError(error)}`);
} finally {
  await handle.close();
}
process.exit(exitCode);

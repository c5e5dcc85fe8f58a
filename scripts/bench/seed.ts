/**
 * Loads the demo generator at production scale into its own PostgreSQL database and reports
 * how long it took, how big the tables are and the data set's shape (MQL records, the funnel,
 * SDRs and AEs, open queue items per SDR), for the queue, timeline and funnel benchmarks.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \
 *     npx tsx scripts/bench/seed.ts [--database handoff_bench] [--contacts 1000000]
 *       [--events-per-contact 20] [--months 12] [--seed 42] [--force]
 *
 * DATABASE_URL names the server; the benchmark database (created if missing) is wiped and
 * reseeded. Like `npm run seed -- --reset`, it refuses a server on another machine without --force.
 */
import { parseArgs } from "node:util";
import postgres from "postgres";
import { z } from "zod";
import { openPostgres } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { ensureWorkspaceDefaults, isLocalDatabase, runnerFor, seedDemo, wipeDatabase, type SqlRunner } from "../../db/seed";

const number = (flag: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d[\d_]*$/, `--${flag} must be a whole number`)
    .transform((s) => Number(s.replace(/_/g, "")))
    .pipe(z.number().min(min, `--${flag} must be at least ${min}`).max(max, `--${flag} must be at most ${max}`));

const argsSchema = z.object({
  database: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, "--database must be a lower-case identifier").default("handoff_bench"),
  contacts: number("contacts", 1, 10_000_000).default(1_000_000),
  "events-per-contact": number("events-per-contact", 2, 500).default(20),
  months: number("months", 1, 60).default(12),
  seed: number("seed", 0, 0xffffffff).default(42),
  force: z.boolean().default(false),
});

const { values } = parseArgs({
  options: {
    database: { type: "string" },
    contacts: { type: "string" },
    "events-per-contact": { type: "string" },
    months: { type: "string" },
    seed: { type: "string" },
    force: { type: "boolean" },
  },
  strict: true,
});
const parsed = argsSchema.safeParse(values);
const serverUrl = process.env.DATABASE_URL;
if (!parsed.success || !serverUrl) {
  console.error(parsed.success ? "Set DATABASE_URL to the PostgreSQL server to benchmark." : parsed.error.issues.map((i) => i.message).join("\n"));
  process.exit(2);
}
const args = parsed.data;

const started = performance.now();
const seconds = (from = started) => ((performance.now() - from) / 1000).toFixed(1);

const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
const url = new URL(serverUrl);
url.pathname = `/${args.database}`;
const handle = openPostgres(url.toString(), 1);
let exitCode = 0;
try {
  if (!args.force && !isLocalDatabase(handle)) {
    throw new Error(`Refusing to wipe ${args.database} on ${url.host}: it is not on this machine (pass --force).`);
  }
  const [exists] = await admin`select 1 from pg_database where datname = ${args.database}`;
  if (!exists) {
    await admin.unsafe(`create database ${args.database}`);
    console.log(`Created database ${args.database}.`);
  }
  await migrateDatabase(handle);
  await wipeDatabase(handle, { force: args.force });
  await ensureWorkspaceDefaults(handle.db);
  console.log(
    `Seeding ${args.contacts.toLocaleString("en-US")} contacts × ~${args["events-per-contact"]} events into ${args.database} (seed ${args.seed})…`,
  );
  const seedStarted = performance.now();
  const summary = await seedDemo(handle, {
    contacts: args.contacts,
    months: args.months,
    seed: args.seed,
    eventsPerContact: args["events-per-contact"],
    onProgress: (m) => console.log(`  ${m}`),
  });
  const seedSeconds = (performance.now() - seedStarted) / 1000;

  const sizes = await runnerFor(handle).query<{ table: string; rows: string; total: string; indexes: string }>(
    `select c.relname as table, c.reltuples::bigint as rows,
            pg_size_pretty(pg_total_relation_size(c.oid)) as total, pg_size_pretty(pg_indexes_size(c.oid)) as indexes
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = current_schema() and c.relkind = 'r' and c.reltuples > 0
      order by pg_total_relation_size(c.oid) desc`,
  );
  const [db] = await runnerFor(handle).query<{ size: string }>("select pg_size_pretty(pg_database_size(current_database())) as size");

  console.log(`\n${args.database}: ${db.size}`);
  console.log(`  ${"table".padEnd(20)} ${"rows (est.)".padStart(12)} ${"total".padStart(10)} ${"indexes".padStart(10)}`);
  for (const s of sizes) {
    console.log(`  ${s.table.padEnd(20)} ${Number(s.rows).toLocaleString("en-US").padStart(12)} ${s.total.padStart(10)} ${s.indexes.padStart(10)}`);
  }
  await printShape(runnerFor(handle));
  const events = summary.counts.engagement_events;
  console.log(
    `\nSeed: ${seedSeconds.toFixed(1)} s for ${summary.counts.contacts.toLocaleString("en-US")} contacts and ${events.toLocaleString("en-US")} events ` +
      `(${Math.round(events / seedSeconds).toLocaleString("en-US")} events/s, ${(events / summary.counts.contacts).toFixed(1)} per contact); total ${seconds()} s.`,
  );
} catch (error) {
  exitCode = 1;
  console.error(`Benchmark seed failed after ${seconds()} s: ${(error as Error).message}`);
} finally {
  await handle.close();
  await admin.end();
}
process.exit(exitCode);

/**
 * What the data set looks like to a revenue team, read back from the tables: MQL volume, the
 * funnel, and the open queue (`mql` or `sal`) each SDR holds — the figures that say whether a
 * queue or funnel benchmark measures a realistic load.
 */
async function printShape(runner: SqlRunner) {
  const [funnel] = await runner.query<{ records: number; contacts: number; qualified: number; sql: number; customer: number }>(
    `select count(*)::int as records, (select count(*) from contacts)::int as contacts, count(distinct contact_id)::int as qualified,
            count(sql_at)::int as sql, count(won_at)::int as customer
       from mql_records`,
  );
  const team = await runner.query<{ role: string; people: number }>(
    "select role::text, count(*)::int as people from users where role in ('sdr', 'sales') group by role",
  );
  const queues = await runner.query<{ open: number }>(
    `select count(m.id)::int as open from users u
       left join mql_records m on m.assigned_rep_id = u.id and m.status in ('mql', 'sal')
      where u.role = 'sdr' group by u.id order by open`,
  );
  const share = (n: number) => `${((100 * n) / Math.max(1, funnel.records)).toFixed(1)}%`;
  const people = (role: string) => team.find((t) => t.role === role)?.people ?? 0;
  const open = queues.map((q) => q.open);
  const median = open.length === 0 ? 0 : open.length % 2 ? open[(open.length - 1) / 2] : (open[open.length / 2 - 1] + open[open.length / 2]) / 2;
  console.log(
    `
MQL records: ${funnel.records.toLocaleString("en-US")} for ${funnel.qualified.toLocaleString("en-US")} contacts ` +
      `(${((100 * funnel.qualified) / Math.max(1, funnel.contacts)).toFixed(1)}% of ${funnel.contacts.toLocaleString("en-US")} reached MQL); ` +
      `MQL→SQL ${share(funnel.sql)}, MQL→customer ${share(funnel.customer)}`,
  );
  console.log(`Team: ${people("sdr")} SDRs, ${people("sales")} AEs`);
  console.log(`Open queue items (mql or sal) per SDR: min ${open[0] ?? 0}, median ${median}, max ${open[open.length - 1] ?? 0}`);
}

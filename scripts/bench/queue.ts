/**
 * How fast a rep's MQL queue is on the benchmark data set (1M contacts, ~200k MQL records):
 *   - inside PostgreSQL: EXPLAIN ANALYZE of the exact SQL the queue page sends, repeated, p50/p95
 *     of its execution time (target p95 ≤ 5 ms);
 *   - end to end over HTTP: GET /api/queue as a signed-in rep against the production build,
 *     repeated, p50/p95 (target p95 ≤ 50 ms);
 * for the first page and deep pages, by score and by SLA urgency, and with filters.
 *
 *   npx tsx scripts/bench/seed.ts && npm run build
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/handoff_bench npm run bench:queue [-- --runs 200 --port 3400]
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { openDatabase, rowsOf } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { listQueuePage } from "../../db/queries/queue-list";
import { DEMO_PASSWORD } from "../../db/seed/seed-demo";
import { queueFiltersSchema } from "../../lib/validation/queue";

const { values } = parseArgs({ options: { runs: { type: "string", default: "200" }, port: { type: "string", default: "3400" } } });
const RUNS = Number(values.runs);
const PORT = values.port!;
if (!process.env.DATABASE_URL) throw new Error("Set DATABASE_URL to the benchmark database (npx tsx scripts/bench/seed.ts makes it).");
if (!existsSync(".next/BUILD_ID")) throw new Error("Run `npm run build` first: the benchmark serves the production build.");

let lastQuery: { query: string; params: unknown[] } | null = null;
const handle = await openDatabase({ max: 2, logger: { logQuery: (query, params) => (lastQuery = { query, params }) } });
if (handle.kind !== "postgres") throw new Error("The queue benchmark runs against PostgreSQL (DATABASE_URL).");
await migrateDatabase(handle);
const db = handle.db;

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const stats = (times: number[]) => {
  const s = [...times].sort((a, b) => a - b);
  return `p50 ${pct(s, 50).toFixed(2).padStart(6)} ms  p95 ${pct(s, 95).toFixed(2).padStart(6)} ms`;
};

// The reps: the one with the longest queue, and a median one.
const reps = rowsOf<{ id: string; email: string; open: number }>(
  await db.execute(sql`
    select u.id, u.email, count(*)::int as open from mql_records m join users u on u.id = m.assigned_rep_id
    where m.status in ('mql', 'sal') and u.role = 'sdr' group by u.id, u.email order by open desc`),
);
const busiest = reps[0]!;
const median = reps[Math.floor(reps.length / 2)]!;
const [size] = rowsOf<{ records: number; open: number }>(
  await db.execute(sql`select count(*)::int as records, (count(*) filter (where status in ('mql', 'sal')))::int as open from mql_records`),
);
console.log(`${size!.records.toLocaleString("en")} MQL records, ${size!.open.toLocaleString("en")} open, ${reps.length} SDRs with a queue;`);
console.log(`busiest ${busiest.email} (${busiest.open} open), median ${median.email} (${median.open} open); ${RUNS} runs each\n`);

type Scenario = { name: string; params: Record<string, string> };

/** The URL parameters of page `n` (1-based) of a queue, following its cursors. */
async function pageParams(repId: string, base: Record<string, string>, n: number): Promise<Record<string, string>> {
  let params = { ...base };
  for (let i = 1; i < n; i++) {
    const page = await listQueuePage(db, { repId, filters: queueFiltersSchema.parse(params) });
    if (!page.nextCursor) break;
    params = { ...base, cursor: page.nextCursor };
  }
  return params;
}

async function scenarios(repId: string, open: number): Promise<Scenario[]> {
  const lastPage = Math.max(1, Math.ceil(open / 25));
  const [segment] = rowsOf<{ segment: string }>(
    await db.execute(sql`select segment from mql_records where assigned_rep_id = ${repId} and status in ('mql', 'sal') and segment is not null limit 1`),
  );
  return [
    { name: "by score, first page", params: {} },
    { name: `by score, last page (${lastPage})`, params: await pageParams(repId, {}, lastPage) },
    { name: "by SLA urgency, first page", params: { sort: "sla" } },
    { name: `by SLA urgency, last page (${lastPage})`, params: await pageParams(repId, { sort: "sla" }, lastPage) },
    { name: "overdue only", params: { overdue: "1" } },
    { name: `segment ${segment?.segment ?? "—"}, last 7 days`, params: { segment: segment?.segment ?? "", age: "7d" } },
  ];
}

async function explainExecutionMs(): Promise<number> {
  const q = lastQuery!;
  if (handle.kind !== "postgres") throw new Error("PostgreSQL only");
  const rows = (await handle.client.unsafe(`explain (analyze, timing off) ${q.query}`, q.params as never[])) as Record<string, string>[];
  const line = rows.map((r) => Object.values(r)[0]!).find((l) => l.startsWith("Execution Time"))!;
  return Number(line.replace(/[^\d.]/g, ""));
}

async function inPostgres(repId: string, list: Scenario[]) {
  for (const s of list) {
    const filters = queueFiltersSchema.parse(s.params);
    await listQueuePage(db, { repId, filters });
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) times.push(await explainExecutionMs());
    console.log(`  ${s.name.padEnd(34)} ${stats(times)}`);
  }
}

let server: ChildProcess | undefined;
async function startServer() {
  const busy = await fetch(`http://127.0.0.1:${PORT}/`).then(() => true, () => false);
  if (busy) throw new Error(`Port ${PORT} is already in use: stop that server or pass --port.`);
  server = spawn("npx", ["next", "start", "-p", PORT, "-H", "127.0.0.1"], { env: { ...process.env, NODE_ENV: "production" }, stdio: "ignore", detached: true });
  for (let i = 0; i < 240; i++) {
    if (await fetch(`http://127.0.0.1:${PORT}/login`).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("The server did not start");
}

/** Signs in through next-auth's credentials endpoint, as the sign-in form does; returns the cookie header. */
async function signIn(email: string): Promise<string> {
  const base = `http://127.0.0.1:${PORT}`;
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const jar = new Map<string, string>();
  const keep = (r: Response) => r.headers.getSetCookie().forEach((c) => jar.set(c.split("=")[0]!, c.split(";")[0]!));
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: [...jar.values()].join("; ") },
    body: new URLSearchParams({ email, password: DEMO_PASSWORD, csrfToken, callbackUrl: "/queue" }),
  });
  keep(res);
  const cookie = [...jar.values()].join("; ");
  if (!cookie.includes("session-token")) throw new Error(`Signing in as ${email} failed (${res.status})`);
  return cookie;
}

async function overHttp(email: string, list: Scenario[]) {
  const cookie = await signIn(email);
  for (const s of list) {
    const url = `http://127.0.0.1:${PORT}/api/queue?${new URLSearchParams(s.params)}`;
    for (let i = 0; i < 5; i++) await (await fetch(url, { headers: { cookie } })).arrayBuffer(); // warm
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      const res = await fetch(url, { headers: { cookie } });
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`${url}: ${res.status}`);
      times.push(performance.now() - t);
    }
    console.log(`  ${s.name.padEnd(34)} ${stats(times)}`);
  }
}

try {
  const plans = [
    { label: `busiest queue (${busiest.open} open)`, rep: busiest, list: await scenarios(busiest.id, busiest.open) },
    { label: `median queue (${median.open} open)`, rep: median, list: await scenarios(median.id, median.open) },
  ];
  console.log("Inside PostgreSQL (EXPLAIN ANALYZE execution time of the queue query)");
  for (const p of plans) {
    console.log(` ${p.label}`);
    await inPostgres(p.rep.id, p.list);
  }
  await startServer();
  console.log("\nEnd to end over HTTP (GET /api/queue as the signed-in rep: page and counts)");
  for (const p of plans) {
    console.log(` ${p.label}`);
    await overHttp(p.rep.email, p.list);
  }
} finally {
  if (server?.pid) process.kill(-server.pid, "SIGKILL");
  await handle.close();
}

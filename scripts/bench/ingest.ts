/**
 * Ingest benchmark: events through the HTTP API (batches of 500, several connections) against
 * PostgreSQL's COPY of the same number of rows into the same indexed table, in one run; then a
 * run that kills and restarts the server midway while the client retries, and checks that
 * every event was stored exactly once.
 *
 *   npm run build && DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:ingest -- [--events 200000] [--connections 4]
 *
 * It creates (and drops, unless --keep) its own database next to the one DATABASE_URL names.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import http from "node:http";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import postgres from "postgres";
import { openPostgres } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { createApiKey } from "../../lib/api-keys/store";

const { values } = parseArgs({
  options: {
    events: { type: "string", default: "200000" },
    connections: { type: "string", default: "4" },
    batch: { type: "string", default: "500" },
    contacts: { type: "string", default: "20000" },
    port: { type: "string", default: "3400" },
    keep: { type: "boolean", default: false },
  },
});
const EVENTS = Number(values.events);
const CONNECTIONS = Number(values.connections);
const BATCH = Number(values.batch);
const CONTACTS = Number(values.contacts);
const PORT = values.port!;
const base = process.env.DATABASE_URL;
if (!base) throw new Error("Set DATABASE_URL to a PostgreSQL server (the benchmark creates its own database there).");
if (!existsSync(".next/BUILD_ID")) throw new Error("Run `npm run build` first: the benchmark serves the production build.");

const dbName = "handoff_bench_ingest";
const admin = postgres(base, { max: 1, onnotice: () => {} });
await admin.unsafe(`drop database if exists ${dbName} with (force)`);
await admin.unsafe(`create database ${dbName}`);
const url = new URL(base);
url.pathname = `/${dbName}`;
const handle = openPostgres(url.toString(), 2);
await migrateDatabase(handle);
const sql = handle.client;
const { key } = await createApiKey(handle.db, { name: "bench", scopes: ["ingest"] });
const emails = Array.from({ length: CONTACTS }, (_, i) => `person${i}@company${i % 997}.example`);
await sql`insert into contacts (email) select unnest(${emails}::text[])`;
console.log(`database ${dbName}: ${CONTACTS.toLocaleString("en")} contacts`);

const TYPES = ["page_view", "email_open", "email_click", "form_submit", "webinar_attended", "content_download"];
function makeEvent(prefix: string, i: number) {
  return {
    id: `${prefix}-${i}`,
    source: "bench",
    type: TYPES[i % TYPES.length]!,
    email: emails[(i * 7919) % CONTACTS]!,
    occurredAt: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(),
    properties: { url: `/page/${i % 50}`, campaign: "Bench" },
  };
}

let server: ChildProcess | undefined;
async function startServer() {
  const busy = await fetch(`http://127.0.0.1:${PORT}/`).then(
    () => true,
    () => false,
  );
  if (busy) throw new Error(`Port ${PORT} is already in use: stop that server or pass --port.`);
  server = spawn("npx", ["next", "start", "-p", PORT, "-H", "127.0.0.1"], {
    env: { ...process.env, DATABASE_URL: url.toString(), API_RATE_LIMIT_PER_MINUTE: "100000000", NODE_ENV: "production" },
    stdio: "ignore",
    detached: true, // its own process group, so the benchmark can kill next-server with it
  });
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/api/v1/openapi.json`)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("The server did not start");
}
function killServer() {
  if (server?.pid) process.kill(-server.pid, "SIGKILL");
  server = undefined;
}

type Stats = { requests: number; serverErrors: number; networkErrors: number; retries: number };

/**
 * The request bodies for events [0, n), built before the clock starts: the benchmark measures the
 * server, and on a small machine a client building JSON while it sends would take its CPU.
 */
function requestBodies(prefix: string, n: number): Buffer[] {
  const bodies: Buffer[] = [];
  for (let start = 0; start < n; start += BATCH) {
    bodies.push(Buffer.from(JSON.stringify({ events: Array.from({ length: Math.min(BATCH, n - start) }, (_, k) => makeEvent(prefix, start + k)) })));
  }
  return bodies;
}

// node:http on keep-alive sockets, one per connection: a lighter client than fetch, which on two
// cores would otherwise take a fifth of the CPU from the server it measures.
const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });

function post(body: Buffer): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: "127.0.0.1",
        port: PORT,
        path: "/api/v1/events",
        method: "POST",
        agent,
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json", "content-length": body.length },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

/** Sends the bodies over `connections` workers; retries each until it is accepted. */
async function sendAll(bodies: Buffer[], stats: Stats, onProgress?: (sent: number) => void) {
  let next = 0;
  let sent = 0;
  async function worker() {
    for (;;) {
      const body = bodies[next++];
      if (body === undefined) return;
      for (let attempt = 0; ; attempt++) {
        try {
          stats.requests++;
          const res = await post(body);
          if (res.status >= 200 && res.status < 300) break;
          if (res.status >= 500) stats.serverErrors++;
          else throw new Error(`HTTP ${res.status}: ${res.text}`);
        } catch (error) {
          if (error instanceof Error && error.message.startsWith("HTTP ")) throw error;
          stats.networkErrors++;
        }
        stats.retries++;
        await new Promise((r) => setTimeout(r, Math.min(2000, 100 * 2 ** attempt)));
      }
      sent += 1;
      onProgress?.(sent / bodies.length);
    }
  }
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
}

// 1. Through the API.
await startServer();
await sendAll(requestBodies("warm", 2000), { requests: 0, serverErrors: 0, networkErrors: 0, retries: 0 });
const apiBodies = requestBodies("api", EVENTS);
const apiStats: Stats = { requests: 0, serverErrors: 0, networkErrors: 0, retries: 0 };
let t = performance.now();
await sendAll(apiBodies, apiStats);
const apiSeconds = (performance.now() - t) / 1000;
const apiRate = EVENTS / apiSeconds;

// Derived fields (last activity, scores) follow in sets from the refresh queue: report how long
// after the last batch they caught up, and keep that work out of the COPY measurement.
t = performance.now();
while ((await sql<{ n: number }[]>`select count(*)::int as n from contact_refresh_queue`)[0]!.n > 0) {
  await new Promise((r) => setTimeout(r, 200));
}
const catchUpSeconds = (performance.now() - t) / 1000;

// 2. COPY of the same number of rows into the same indexed table.
const contactIds = (await sql<{ id: string }[]>`select id from contacts order by email`).map((r) => r.id);
// Built before the clock starts too, as the API's request bodies are.
const copyChunks: string[] = [];
for (let i = 0; i < EVENTS; i += 10_000) {
  let chunk = "";
  for (let k = i; k < Math.min(EVENTS, i + 10_000); k++) {
    const e = makeEvent("copy", k);
    chunk += `${contactIds[(k * 7919) % CONTACTS]}\t${e.type}\t${e.occurredAt}\t${e.source}\t${e.id}\t${JSON.stringify(e.properties)}\n`;
  }
  copyChunks.push(chunk);
}
t = performance.now();
const copy = await sql`copy engagement_events (contact_id, type, occurred_at, source, external_id, properties) from stdin`.writable();
await pipeline(Readable.from(copyChunks), copy);
const copySeconds = (performance.now() - t) / 1000;
const copyRate = EVENTS / copySeconds;

console.log(`\nAPI  : ${EVENTS.toLocaleString("en")} events in ${apiSeconds.toFixed(1)} s = ${Math.round(apiRate).toLocaleString("en")} events/s (${CONNECTIONS} connections, batches of ${BATCH}, ${apiStats.serverErrors} 5xx)`);
console.log(`COPY : ${EVENTS.toLocaleString("en")} rows   in ${copySeconds.toFixed(1)} s = ${Math.round(copyRate).toLocaleString("en")} rows/s`);
console.log(`ratio: API / COPY = ${(apiRate / copyRate).toFixed(2)}`);
console.log(`refresh: contacts' derived fields caught up ${catchUpSeconds.toFixed(1)} s after the last batch`);

// 3. Kill and restart the server midway; the client retries; every event must be stored once.
const RESTART_EVENTS = Math.min(EVENTS, 100_000);
const restartStats: Stats = { requests: 0, serverErrors: 0, networkErrors: 0, retries: 0 };
let restarted = false;
let restart: Promise<unknown> = Promise.resolve();
let downSince = 0;
let downFor = 0;
await sendAll(requestBodies("restart", RESTART_EVENTS), restartStats, (share) => {
  if (!restarted && share >= 0.4) {
    restarted = true;
    killServer();
    downSince = performance.now();
    restart = new Promise((r) => setTimeout(r, 1000))
      .then(startServer)
      .then(() => (downFor = performance.now() - downSince));
  }
});
await restart;
const [{ stored, distinct }] = await sql<{ stored: number; distinct: number }[]>`
  select count(*)::int as stored, count(distinct external_id)::int as distinct
  from engagement_events where source = 'bench' and external_id like 'restart-%'`;
console.log(
  `\nrestart: killed at 40% (down ${(downFor / 1000).toFixed(1)} s); sent ${RESTART_EVENTS.toLocaleString("en")} distinct events, ` +
    `stored ${stored.toLocaleString("en")} (${distinct.toLocaleString("en")} distinct); ${restartStats.networkErrors} connection errors and ` +
    `${restartStats.serverErrors} 5xx while it was down, ${restartStats.retries} retries`,
);
console.log(stored === RESTART_EVENTS && distinct === RESTART_EVENTS ? "restart: OK — every event stored exactly once" : "restart: MISMATCH");

killServer();
agent.destroy();
await handle.close();
if (!values.keep) await admin.unsafe(`drop database if exists ${dbName} with (force)`);
await admin.end();

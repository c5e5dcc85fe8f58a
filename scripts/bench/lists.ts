/**
 * How fast the contacts list and the timeline are on a large database: each scenario runs the
 * application's own query function repeatedly (p50/p95 in Node, end to end through the driver),
 * then EXPLAIN ANALYZE of the exact SQL it sent.
 *
 *   DATABASE_URL=postgres://…/handoff_bench npm run bench:lists [-- --runs 20]
 */
import { parseArgs } from "node:util";
import { openDatabase, rowsOf, setDatabaseHandle } from "../../db/client";
import { sql } from "drizzle-orm";
import { countContacts, listContacts } from "../../db/queries/contacts";
import { listTimeline } from "../../db/queries/timeline";
import { contactListFiltersSchema } from "../../lib/validation/contacts";
import { cursorSchema } from "../../lib/validation/common";
import { p50p95, timeRuns } from "./timing";

const { values } = parseArgs({ options: { runs: { type: "string", default: "20" } } });
const runs = Number(values.runs);
let lastQuery: { query: string; params: unknown[] } | null = null;
const handle = await openDatabase({ max: 2, logger: { logQuery: (query, params) => (lastQuery = { query, params }) } });
setDatabaseHandle(handle);
const db = handle.db;

async function explain(): Promise<string> {
  if (!lastQuery) return "";
  const q = lastQuery;
  const text = `explain (analyze, buffers) ${q.query}`;
  const rows =
    handle.kind === "postgres"
      ? await handle.client.unsafe(text, q.params as never[])
      : (await handle.client.query(text, q.params)).rows;
  const lines = (rows as Record<string, string>[]).map((r) => Object.values(r)[0]!);
  const exec = lines.find((l) => l.startsWith("Execution Time"))?.replace("Execution Time: ", "") ?? "?";
  const scans = lines.filter((l) => /Index|Seq Scan|Bitmap/.test(l)).map((l) => l.trim().replace(/\s+\(cost.*$/, "")).slice(0, 3);
  return `${exec.padStart(10)} in PostgreSQL · ${scans.join(" / ")}`;
}

async function scenario(name: string, fn: () => Promise<unknown>) {
  const times = await timeRuns(runs, fn);
  const plan = await explain();
  console.log(`${name.padEnd(44)} ${p50p95(times)}  | EXPLAIN ${plan}`);
}

const [size] = rowsOf<{ contacts: number; events: number }>(
  await db.execute(sql`select (select reltuples::bigint from pg_class where oid = 'contacts'::regclass) as contacts,
                              (select reltuples::bigint from pg_class where oid = 'engagement_events'::regclass) as events`),
);
console.log(`≈${size?.contacts} contacts, ≈${size?.events} events; ${runs} runs each\n`);

const f = (input: Record<string, unknown>) => contactListFiltersSchema.parse(input);
const [sample] = rowsOf<{ last_name: string; company: string; owner_id: string }>(
  await db.execute(sql`select c.last_name, a.name as company, c.owner_id from contacts c join accounts a on a.id = c.account_id
                       where c.owner_id is not null and c.last_name is not null limit 1`),
);

for (const sort of ["created", "fit", "engagement", "activity"]) {
  await scenario(`contacts, sort ${sort}, first page`, () => listContacts({ filters: f({ sort }) }));
}
let cursor: string | null = null;
for (let i = 0; i < 20; i++) cursor = (await listContacts({ filters: f({ sort: "fit", ...(cursor ? { cursor } : {}) }) })).nextCursor;
await scenario("contacts, sort fit, page 21 (keyset)", () => listContacts({ filters: f({ sort: "fit", cursor }) }));
await scenario("contacts, stage = mql", () => listContacts({ filters: f({ stage: "mql" }) }));
await scenario("contacts, owner = a rep", () => listContacts({ filters: f({ owner: sample!.owner_id }) }));
await scenario("contacts, fit ≥ 70, sort engagement", () => listContacts({ filters: f({ fitMin: 70, sort: "engagement" }) }));
await scenario(`contacts, search "${sample!.last_name}"`, () => listContacts({ filters: f({ q: sample!.last_name }) }));
await scenario(`contacts, search company "${sample!.company}"`, () => listContacts({ filters: f({ q: sample!.company }) }));
await scenario("contacts, count with stage = mql (capped)", () => countContacts({ filters: f({ stage: "mql" }) }));

const [heavy] = rowsOf<{ id: string }>(
  await db.execute(sql`select contact_id as id from contact_scores order by engagement_score desc, contact_id desc limit 1`),
);
await scenario("timeline, most engaged contact, first page", () => listTimeline({ contactId: heavy!.id }));
let tcursor: string | null = null;
for (let i = 0; i < 5; i++) tcursor = (await listTimeline({ contactId: heavy!.id, cursor: tcursor ? cursorSchema.parse(tcursor) : undefined })).nextCursor;
if (tcursor) {
  const c = cursorSchema.parse(tcursor);
  await scenario("timeline, page 6", () => listTimeline({ contactId: heavy!.id, cursor: c }));
}
await scenario("timeline, web visits only", () => listTimeline({ contactId: heavy!.id, categories: ["web"] }));

await handle.close();

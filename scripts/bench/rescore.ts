/**
 * Rescoring everyone: a full scoring run (what publishing a model starts) on the benchmark data
 * set, timed next to a single hand-written SQL aggregate over the same events in the same run —
 * the least any rescoring could cost. Target: the run within 2× of the aggregate.
 *
 *   npx tsx scripts/bench/seed.ts    # once: 1M contacts / 20M events into handoff_bench
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/handoff_bench npm run bench:rescore [-- --keep]
 *
 * It works on a copy of the database (created from it as a template and dropped afterwards,
 * unless --keep), so the benchmark data set stays as seeded.
 */
import { parseArgs } from "node:util";
import postgres from "postgres";
import { openPostgres } from "../../db/client";
import { scoringRuns } from "../../db/schema";
import { createDraft, publishDraft } from "../../lib/scoring/model-versions";
import { loadPublishedModel } from "../../lib/scoring/published-model";
import { scoringHorizonDays } from "../../lib/scoring/model-schema";
import { executeScoringRun } from "../../lib/scoring/scoring-run";

const { values } = parseArgs({ options: { keep: { type: "boolean", default: false } } });
const source = process.env.DATABASE_URL;
if (!source) throw new Error("Set DATABASE_URL to the benchmark database (npx tsx scripts/bench/seed.ts makes it).");
const sourceName = new URL(source).pathname.slice(1);
const copyName = `${sourceName}_rescore`;
const serverUrl = new URL(source);
serverUrl.pathname = "/postgres";
const admin = postgres(serverUrl.toString(), { max: 1, onnotice: () => {} });
const seconds = (t: number) => (performance.now() - t) / 1000;

let t = performance.now();
await admin.unsafe(`drop database if exists ${copyName} with (force)`);
await admin.unsafe(`select pg_terminate_backend(pid) from pg_stat_activity where datname = '${sourceName}' and pid <> pg_backend_pid()`);
await admin.unsafe(`create database ${copyName} template ${sourceName}`);
console.log(`copied ${sourceName} to ${copyName} in ${seconds(t).toFixed(0)} s`);
const copyUrl = new URL(source);
copyUrl.pathname = `/${copyName}`;
const handle = openPostgres(copyUrl.toString(), 4);
const sql = handle.client;

const [{ contacts, events }] = await sql<{ contacts: number; events: number }[]>`
  select (select count(*) from contacts)::int as contacts, (select count(*) from engagement_events)::int as events`;
const model = await loadPublishedModel(handle.db);
const horizonDays = scoringHorizonDays(model.definition);
console.log(`${contacts.toLocaleString("en")} contacts, ${events.toLocaleString("en")} events; model v${model.version}, horizon ${horizonDays} days\n`);

// The floor: one aggregate over the same events — a decayed sum of points by event type per
// contact — with nothing stored. Points by type from the model; no caps, filters, fit or writes.
const points = model.definition.engagementRules.filter((r) => r.filters.length === 0);
const baselineSql = `
  select count(*) as contacts, sum(score) as total from (
    select contact_id, least(100, greatest(0, sum(
      case type ${points.map((r) => `when '${r.eventType}' then ${r.points}`).join(" ")} else 0 end
      * power(0.5::float8, extract(epoch from (now() - occurred_at))::float8 / 86400 / ${model.definition.halfLifeDays})
    ))) as score
    from engagement_events
    where occurred_at <= now() and occurred_at > now() - interval '${horizonDays} days'
    group by contact_id
  ) s`;
async function baseline(): Promise<number> {
  const start = performance.now();
  await sql.begin(async (tx) => {
    await tx.unsafe("set local work_mem = '256MB'");
    await tx.unsafe("set local jit = on");
    await tx.unsafe(baselineSql);
  });
  return seconds(start);
}

const firstBaseline = await baseline();
console.log(`hand-written aggregate          ${firstBaseline.toFixed(1)} s`);

// A publish that changes every score's version: the worst case, every contact_scores row rewritten.
const draft = await createDraft(handle.db, { userId: null });
const { run } = await publishDraft(handle.db, { id: draft.id, userId: null });
t = performance.now();
const done = await executeScoringRun(handle.db, run.id);
const runSeconds = seconds(t);
console.log(
  `full scoring run (publish)      ${runSeconds.toFixed(1)} s · ${done.totalContacts!.toLocaleString("en")} contacts, ` +
    `${done.changedContacts.toLocaleString("en")} rows rewritten, ${done.designatedMqls.toLocaleString("en")} new MQLs`,
);

// The nightly run: same model, only decay moves the scores.
const [again] = await handle.db.insert(scoringRuns).values({ modelVersionId: draft.id, reason: "daily" }).returning();
t = performance.now();
const daily = await executeScoringRun(handle.db, again!.id);
const dailySeconds = seconds(t);
console.log(`full scoring run (daily decay)  ${dailySeconds.toFixed(1)} s · ${daily.changedContacts.toLocaleString("en")} rows rewritten`);

const secondBaseline = await baseline();
console.log(`hand-written aggregate again    ${secondBaseline.toFixed(1)} s`);
const floor = (firstBaseline + secondBaseline) / 2;
console.log(`\nratio: publish run / aggregate = ${(runSeconds / floor).toFixed(2)} · daily run / aggregate = ${(dailySeconds / floor).toFixed(2)} (target ≤ 2)`);
console.log(`rate: ${Math.round(events / runSeconds).toLocaleString("en")} events/s, ${Math.round(contacts / runSeconds).toLocaleString("en")} contacts/s`);

await handle.close();
if (!values.keep) await admin.unsafe(`drop database if exists ${copyName} with (force)`);
await admin.end();

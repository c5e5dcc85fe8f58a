/**
 * Backtesting a draft on the benchmark data set: both models replayed over the last months of
 * events for every contact, timed next to one hand-written pass over the same events (a sort by
 * contact and time with a running sum — the least a replay at every event could cost).
 *
 *   npx tsx scripts/bench/seed.ts    # once: 1M contacts / 20M events into handoff_bench
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/handoff_bench npm run bench:backtest [-- --months 6]
 *
 * The draft it backtests (the published model with engagement 10 points lower) is deleted
 * afterwards, with its backtest, so the data set stays as seeded.
 */
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { openPostgres } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { scoringModelVersions } from "../../db/schema";
import { backtestWindow, executeBacktest, requestBacktest } from "../../lib/analytics/backtest/run-backtest";
import { scoringHorizonDays } from "../../lib/scoring/model-schema";
import { createDraft, updateDraft } from "../../lib/scoring/model-versions";
import { loadPublishedModel } from "../../lib/scoring/published-model";

const { values } = parseArgs({ options: { months: { type: "string", default: "6" } } });
const months = Number(values.months);
const url = process.env.DATABASE_URL;
if (!url) throw new Error("Set DATABASE_URL to the benchmark database (npx tsx scripts/bench/seed.ts makes it).");
const handle = openPostgres(url, 2);
await migrateDatabase(handle);
const seconds = (t: number) => (performance.now() - t) / 1000;

const published = await loadPublishedModel(handle.db);
const { from, until } = backtestWindow(months);
const origin = new Date(from.getTime() - scoringHorizonDays(published.definition) * 86_400_000);

// The floor: the same events sorted by contact and time with one running sum over the horizon.
let t = performance.now();
const [floor] = await handle.client.unsafe(`
  select count(*)::int as events, count(distinct contact_id)::int as contacts, max(s) as top from (
    select contact_id, sum(1) over (partition by contact_id order by occurred_at range between interval '${scoringHorizonDays(published.definition)} days' preceding and current row) as s
    from engagement_events where occurred_at > '${origin.toISOString()}' and occurred_at < '${until.toISOString()}'
  ) w`);
const floorSeconds = seconds(t);
console.log(`floor: one windowed pass over ${floor!.events.toLocaleString("en")} events of ${floor!.contacts.toLocaleString("en")} contacts in ${floorSeconds.toFixed(1)} s`);

const draft = await createDraft(handle.db, { fromId: published.id, userId: null });
const definition = { ...published.definition, thresholds: { ...published.definition.thresholds, engagement: Math.max(0, published.definition.thresholds.engagement - 10) } };
const saved = await updateDraft(handle.db, { id: draft.id, definition, name: "Benchmark: engagement − 10" });
if (!saved.ok) throw new Error(JSON.stringify(saved.issues));
try {
  const backtest = await requestBacktest(handle.db, { draftId: draft.id, months, userId: null });
  t = performance.now();
  const done = await executeBacktest(handle.db, backtest.id);
  const runSeconds = seconds(t);
  const r = done.result!;
  console.log(`backtest of v${draft.version} against v${published.version} over ${months} months: ${runSeconds.toFixed(1)} s (${(runSeconds / floorSeconds).toFixed(2)}× the floor), ${done.chunksTotal} contact ranges`);
  console.log(`  ${r.population.toLocaleString("en")} active contacts, ${r.customers.toLocaleString("en")} customers`);
  for (const side of [r.baseline, r.draft]) {
    console.log(
      `  v${side.version}: ${side.mqls.toLocaleString("en")} MQLs, ${side.observed.toLocaleString("en")} with outcomes, MQL→SQL ${((side.mqlToSqlRate?.value ?? 0) * 100).toFixed(1)}%, precision ${((side.precision ?? 0) * 100).toFixed(1)}%, recall ${((side.recall ?? 0) * 100).toFixed(1)}%, AUC ${side.rocAuc?.toFixed(3)}`,
    );
  }
} finally {
  await handle.db.delete(scoringModelVersions).where(eq(scoringModelVersions.id, draft.id));
  await handle.close();
}

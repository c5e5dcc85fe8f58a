/**
 * How fast lift is on the benchmark data set (1M contacts, ~20M events, ~200k MQL records): the
 * whole analysis for the last 12 months of MQL records and for all of them, against customers and
 * against SQL, each run repeatedly through the application's query function (end to end in Node,
 * through the driver), p50/p95. `--explain` prints the plan of the 12-month statement instead.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/handoff_bench NODE_OPTIONS=--conditions=react-server npx tsx scripts/bench/lift.ts [--runs 20] [--explain]
 */
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { openDatabase, rowsOf } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { liftAnalysis, liftBandEdges, liftStatement } from "../../db/queries/lift";
import { liftQuerySchema } from "../../lib/analytics/lift";
import { loadPublishedModel } from "../../lib/scoring/published-model";
import { p50p95, timeRuns } from "./timing";

const { values } = parseArgs({ options: { runs: { type: "string", default: "20" }, explain: { type: "boolean", default: false } } });
const runs = Number(values.runs);
const handle = await openDatabase({ max: 2 });
await migrateDatabase(handle);
const db = handle.db;

async function scenario(name: string, fn: () => Promise<unknown>) {
  console.log(`${name.padEnd(44)} ${p50p95(await timeRuns(runs, fn))}`);
}

const [range] = rowsOf<{ from: string; to: string; n: number; year_from: string }>(
  await db.execute(sql`
    select to_char(min(mql_at), 'YYYY-MM-DD') as from, to_char(max(mql_at), 'YYYY-MM-DD') as to,
           to_char(max(mql_at) - interval '12 months', 'YYYY-MM-DD') as year_from, count(*)::int as n
    from mql_records`),
);
const lastYear = liftQuerySchema.parse({ from: range!.year_from, to: range!.to });

if (values.explain) {
  const model = await loadPublishedModel(db);
  const plan = rowsOf<{ "QUERY PLAN": string }>(
    await db.transaction(async (tx) => {
      await tx.execute(sql`set local work_mem = '64MB'`);
      return tx.execute(sql`explain (analyze, buffers) ${liftStatement(lastYear, model.definition, liftBandEdges(model.definition))}`);
    }),
  );
  console.log(plan.map((r) => r["QUERY PLAN"]).join("\n"));
} else {
  const all = liftQuerySchema.parse({ from: range!.from, to: range!.to });
  const [n] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from mql_records where mql_at >= ${lastYear.from.toISOString()}::timestamptz`));
  console.log(`${range!.n.toLocaleString("en")} MQL records from ${range!.from} to ${range!.to} (${n!.n.toLocaleString("en")} in the last 12 months); ${runs} runs each\n`);
  await scenario("lift, last 12 months, customers", () => liftAnalysis(db, lastYear));
  await scenario("lift, last 12 months, SQL", () => liftAnalysis(db, { ...lastYear, outcome: "sql" }));
  await scenario("lift, all records, customers", () => liftAnalysis(db, all));
}
await handle.close();

/**
 * How fast the analytics behind the charts are on the benchmark data set (1M contacts, ~200k MQL
 * records): the funnel by month, by source and by region, the funnel page's cohorts, leads, rejections,
 * speed to lead and campaign cost, and the 101-threshold sweep on fit and
 * on engagement, the calibration studio's held sweeps and its 21 × 21 fit × engagement grid, each run repeatedly through the application's own query function (end to end in
 * Node, through the driver), p50/p95. Target: p95 ≤ 200 ms each.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/handoff_bench npm run bench:analytics [-- --runs 30]
 */
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { openDatabase, rowsOf } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { funnelByGroup } from "../../db/queries/funnel";
import { benchFunnelPage } from "./funnel-page";
import { thresholdGrid, thresholdSweep } from "../../db/queries/threshold-sweep";
import { funnelQuerySchema } from "../../lib/analytics/funnel-query";
import { gridQuerySchema, sweepQuerySchema } from "../../lib/analytics/sweep-query";
import { loadInForceThresholds } from "../../lib/calibration/load-in-force";
import { p50p95, timeRuns } from "./timing";

const { values } = parseArgs({ options: { runs: { type: "string", default: "30" } } });
const runs = Number(values.runs);
const handle = await openDatabase({ max: 2 });
await migrateDatabase(handle);
const db = handle.db;

async function scenario(name: string, fn: () => Promise<unknown>) {
  console.log(`${name.padEnd(40)} ${p50p95(await timeRuns(runs, fn))}`);
}

const [range] = rowsOf<{ from: string; to: string; n: number }>(
  await db.execute(sql`select to_char(min(mql_at), 'YYYY-MM-DD') as from, to_char(max(mql_at), 'YYYY-MM-DD') as to, count(*)::int as n from mql_records`),
);
console.log(`${range!.n.toLocaleString("en")} MQL records from ${range!.from} to ${range!.to}; ${runs} runs each\n`);
const period = { from: range!.from, to: range!.to };

for (const groupBy of ["month", "source", "region"] as const) {
  const q = funnelQuerySchema.parse({ ...period, groupBy });
  await scenario(`funnel by ${groupBy}`, () => funnelByGroup(db, q));
}
await benchFunnelPage(db, period, scenario);
const inForce = await loadInForceThresholds(db);
for (const dimension of ["fit", "engagement"] as const) {
  const q = sweepQuerySchema.parse({ ...period, dimension });
  await scenario(`threshold sweep on ${dimension} (101 thresholds)`, () => thresholdSweep(db, { ...q, inForce }));
}
// What the calibration studio asks for: the other score held at its threshold in force, per region.
const held = sweepQuerySchema.parse({ ...period, dimension: "fit", hold: "inForce" });
await scenario("sweep on fit, engagement held", () => thresholdSweep(db, { ...held, inForce }));
await scenario("sweep on fit, engagement held, APAC", () => thresholdSweep(db, { ...held, segment: "APAC", inForce }));
await scenario("fit × engagement grid (21 × 21)", () => thresholdGrid(db, { ...gridQuerySchema.parse(period), inForce }));
await handle.close();

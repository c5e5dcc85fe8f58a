import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { reachedStage } from "@/lib/analytics/stage-reached";
import { GRID_STEP, monthsIn, type GridQuery, type GridResult, type SweepDimension, type SweepQuery, type SweepResult } from "@/lib/analytics/sweep-query";
import { inForceFor, type InForceThresholds } from "@/lib/calibration/in-force";
import { sumsOf, sweepPoint, type ThresholdSums } from "@/lib/calibration/sweep-point";
import { rowsOf, type Database } from "../client";
import { calibrationRecordsWhere, RECORD_WEIGHT, regionGroupsWhere, SCORE_AT_QUALIFICATION, thresholdFlags } from "./calibration-sql";

type SumsRow = Record<keyof ThresholdSums, number | string | null>;

/**
 * The first grouping: per score bucket(s), raw region and threshold flags, the records' count,
 * weights and weighted outcomes (from `r`, which carries w, is_sql, is_customer, is_exploration).
 */
const GROUP_SUMS = sql`count(*)::int as n, sum(w) as sum_w, sum(w * w) as sum_w2,
  coalesce(sum(w) filter (where is_sql), 0) as sql_w, coalesce(sum(w) filter (where is_customer), 0) as customer_w,
  (count(*) filter (where is_exploration))::int as exploration_n`;

/**
 * The second: per bucket, the groups whose region holds the other score at its threshold
 * (`held`), and of those the ones below the threshold in force (`below`) — the sums ThresholdSums names.
 */
function bucketSums(held: SQL, below: SQL): SQL {
  return sql`coalesce(sum(x.n) filter (where ${held}), 0) as n, coalesce(sum(x.sum_w) filter (where ${held}), 0) as sum_w,
    coalesce(sum(x.sum_w2) filter (where ${held}), 0) as sum_w2, coalesce(sum(x.sql_w) filter (where ${held}), 0) as sql_w,
    coalesce(sum(x.customer_w) filter (where ${held}), 0) as customer_w, coalesce(sum(x.exploration_n) filter (where ${held}), 0) as exploration_n,
    coalesce(sum(x.n) filter (where ${held} and ${below}), 0) as below_n, coalesce(sum(x.sum_w) filter (where ${held} and ${below}), 0) as below_w,
    coalesce(sum(x.sum_w2) filter (where ${held} and ${below}), 0) as below_w2`;
}

const SUM_COLUMNS = [
  ["n", "n"],
  ["sum_w", "sumW"],
  ["sum_w2", "sumW2"],
  ["sql_w", "sqlW"],
  ["customer_w", "customerW"],
  ["exploration_n", "explorationN"],
  ["below_n", "belowN"],
  ["below_w", "belowW"],
  ["below_w2", "belowW2"],
] as const;

/** The sums summed again over a window and named as ThresholdSums; `named` reads columns already so named. */
function summedOver(alias: string, window: string, { named = false } = {}): SQL {
  return sql.raw(
    SUM_COLUMNS.map(([column, as]) => `coalesce(sum(${alias}.${named ? `"${as}"` : column}) over ${window}, 0) as "${as}"`).join(",\n"),
  );
}

/** The columns every record carries into the first grouping: its weight, outcomes and exploration flag. */
const RECORD_FACTS = sql`${RECORD_WEIGHT} as w, ${reachedStage.sql} as is_sql, ${reachedStage.customer} as is_customer, mql_records.is_exploration`;

/**
 * The lowest threshold the exploration sample reaches: below it nothing was sampled. Cumulative
 * exploration counts only drop as the threshold rises, so it is the highest point still holding
 * them all.
 */
function explorationFloor<T extends { explorationBacking: number }>(points: T[], threshold: (p: T) => number): number | null {
  const total = points.reduce((most, p) => Math.max(most, p.explorationBacking), 0);
  if (total === 0) return null;
  return Math.max(...points.filter((p) => p.explorationBacking === total).map(threshold));
}

export type SweepOptions = SweepQuery & {
  /** The published model's thresholds: what "in force" means; without them nothing is held or marked below. */
  inForce: InForceThresholds | null;
};

/**
 * Every whole threshold 0–100 on fit or engagement in one pass over the MQL records qualified in
 * [from, until): the records are summed into 101 score buckets once, and each threshold's sums are
 * the running sum of the buckets at or above it. Scores are those each record had when it
 * qualified, so a point says what that threshold would have passed of the decisions made then.
 *
 * Exploration records weigh 1/share (each stands for the near misses that were not drawn); rates
 * are weighted, with Wilson intervals on Kish's effective sample size. With `hold: "inForce"` the
 * other score is held at its threshold in force (per record, its region's), so the sweep says what
 * moving only this threshold would have done.
 */
export async function thresholdSweep(db: Database, { dimension, from, until, segment, hold, inForce }: SweepOptions): Promise<SweepResult> {
  const score = SCORE_AT_QUALIFICATION[dimension];
  const other: SweepDimension = dimension === "fit" ? "engagement" : "fit";
  const below = inForce ? thresholdFlags(inForce, dimension, "<", "below") : null;
  const held = hold === "inForce" && inForce ? thresholdFlags(inForce, other, ">=", "held") : null;
  const flagNames = [...(below?.names ?? []), ...(held?.names ?? [])];
  const flagColumns = sql.join([below?.columns, held?.columns].filter((c): c is SQL => !!c), sql`, `);
  const rows = rowsOf<SumsRow & { threshold: number }>(
    await db.execute(sql`
      with groups as (
        select bucket, region, ${sql.raw(flagNames.map((n) => `${n}, `).join(""))} ${GROUP_SUMS}
        from (
          select least(100, greatest(0, floor(${score})))::int as bucket, mql_records.region,
                 ${flagNames.length ? sql`${flagColumns},` : sql``} ${RECORD_FACTS}
          from mql_records
          where ${calibrationRecordsWhere({ from, until })}
        ) r
        group by ${sql.raw(["bucket", "region", ...flagNames].join(", "))}
      ), buckets as (
        select x.bucket, ${bucketSums(sql.raw("x.held"), sql.raw("x.below"))}
        from (select g.*, ${held?.choose ?? sql`true`} as held, ${below?.choose ?? sql`false`} as below from groups g where ${regionGroupsWhere(segment)}) x
        group by x.bucket
      )
      select t.threshold, ${summedOver("b", "above")}
      from generate_series(0, 100) as t(threshold)
      left join buckets b on b.bucket = t.threshold
      window above as (order by t.threshold desc rows between unbounded preceding and current row)
      order by t.threshold`),
  );
  const months = monthsIn(from, until);
  const threshold = inForce ? inForceFor(inForce, segment)[dimension] : null;
  const sums = rows.map((r) => ({ threshold: Number(r.threshold), sums: sumsOf(r) }));
  const floor = explorationFloor(sums.map((s) => ({ threshold: s.threshold, explorationBacking: s.sums.explorationN })), (p) => p.threshold);
  return {
    dimension,
    segment,
    inForce: threshold,
    months,
    rows: sums.map(({ threshold: t, sums: s }) => {
      const belowInForce = threshold != null && t < threshold;
      const observed = !belowInForce || (floor != null && t >= floor);
      return { threshold: t, ...sweepPoint(s, { months, belowInForce, observed }) };
    }),
  };
}

export type GridOptions = GridQuery & { inForce: InForceThresholds | null; step?: number };

/**
 * The 2-D grid of fit × engagement thresholds (0, step, … 100 on each) in one pass: records are
 * summed into (fit, engagement) buckets of `step` points, and each cell's sums are the 2-D running
 * sum of the buckets at or above it on both scores — first down the fit axis, then the engagement
 * axis. Weighted as the sweep; "below in force" is a record that missed either threshold.
 */
export async function thresholdGrid(db: Database, { from, until, segment, inForce, step = GRID_STEP }: GridOptions): Promise<GridResult> {
  if (!Number.isInteger(step) || step < 1 || 100 % step !== 0) throw new RangeError(`A grid step divides 100: ${step}`);
  const by = sql.raw(String(step)); // validated above: a whole divisor of 100
  const bucketOf = (score: SQL) => sql`(least(100, greatest(0, floor(${score} / ${by}) * ${by})))::int`;
  const fitBelow = inForce ? thresholdFlags(inForce, "fit", "<", "fit_below") : null;
  const engagementBelow = inForce ? thresholdFlags(inForce, "engagement", "<", "engagement_below") : null;
  const below = fitBelow && engagementBelow ? sql`(${fitBelow.choose} or ${engagementBelow.choose})` : sql`false`;
  // One integer per record for its two buckets and its flags, so that the grouping hashes an int
  // and the region — seven separate keys make the planner expect a group per record and sort.
  const flagNames = [...(fitBelow?.names ?? []), ...(engagementBelow?.names ?? [])];
  const flagExpressions = [...(fitBelow?.expressions ?? []), ...(engagementBelow?.expressions ?? [])];
  const perAxis = sql.raw(String(100 / step + 1));
  const flagSpan = sql.raw(String(2 ** flagNames.length));
  const index = (score: SQL) => sql`least(${sql.raw(String(100 / step))}, greatest(0, floor(${score} / ${by})))::int`;
  const packed = sql`((${index(SCORE_AT_QUALIFICATION.fit)} * ${perAxis} + ${index(SCORE_AT_QUALIFICATION.engagement)}) * ${flagSpan}
    ${flagExpressions.length ? sql`+ ${sql.join(flagExpressions.map((e, i) => sql`(${e})::int * ${sql.raw(String(2 ** i))}`), sql` + `)}` : sql``})`;
  const decodedFlags = sql.raw(flagNames.map((n, i) => `, (p.key & ${2 ** i}) <> 0 as ${n}`).join(""));
  const rows = rowsOf<SumsRow & { fit: number; engagement: number }>(
    await db.execute(sql`
      with groups as (
        select key, region, ${GROUP_SUMS}
        from (
          select ${packed} as key, mql_records.region, ${RECORD_FACTS}
          from mql_records
          where ${calibrationRecordsWhere({ from, until })}
        ) r
        group by key, region
      ), decoded as (
        select (p.key / ${flagSpan}) / ${perAxis} * ${by} as fit_bucket, (p.key / ${flagSpan}) % ${perAxis} * ${by} as engagement_bucket, p.*${decodedFlags}
        from groups p
      ), buckets as (
        select x.fit_bucket, x.engagement_bucket, ${bucketSums(sql`true`, sql.raw("x.below"))}
        from (select g.*, ${below} as below from decoded g where ${regionGroupsWhere(segment)}) x
        group by x.fit_bucket, x.engagement_bucket
      ), down_fit as (
        select f.t as fit, e.t as engagement, ${summedOver("b", "(partition by e.t order by f.t desc rows between unbounded preceding and current row)")}
        from generate_series(0, 100, ${by}) as f(t)
        cross join generate_series(0, 100, ${by}) as e(t)
        left join buckets b on b.fit_bucket = f.t and b.engagement_bucket = e.t
      )
      select d.fit, d.engagement, ${summedOver("d", "(partition by d.fit order by d.engagement desc rows between unbounded preceding and current row)", { named: true })}
      from down_fit d
      order by d.fit, d.engagement`),
  );
  const months = monthsIn(from, until);
  const threshold = inForce ? inForceFor(inForce, segment) : null;
  const cells = rows.map((r) => ({ fit: Number(r.fit), engagement: Number(r.engagement), sums: sumsOf(r) }));
  // How far down the exploration sample reached on each score: the cells still holding all of it.
  const total = cells.reduce((most, c) => Math.max(most, c.sums.explorationN), 0);
  const full = cells.filter((c) => total > 0 && c.sums.explorationN === total);
  const fitFloor = full.length ? Math.max(...full.map((c) => c.fit)) : null;
  const engagementFloor = full.length ? Math.max(...full.map((c) => c.engagement)) : null;
  return {
    segment,
    step,
    inForce: threshold,
    months,
    cells: cells.map(({ fit, engagement, sums: s }) => {
      const fitBelow = threshold != null && fit < threshold.fit;
      const engagementBelow = threshold != null && engagement < threshold.engagement;
      const observed = (!fitBelow || (fitFloor != null && fit >= fitFloor)) && (!engagementBelow || (engagementFloor != null && engagement >= engagementFloor));
      return { fit, engagement, ...sweepPoint(s, { months, belowInForce: fitBelow || engagementBelow, observed }) };
    }),
  };
}

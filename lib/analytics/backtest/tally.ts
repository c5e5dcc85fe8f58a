import { wilsonInterval } from "../wilson";
import type { BacktestModelOutcome, BacktestResult } from "./backtest-result";
import { rocAucFromBins, type ScoreBin } from "./roc-auc";

/** The two sides of a backtest. */
export const BACKTEST_SIDES = ["baseline", "draft"] as const;
export type BacktestSide = (typeof BACKTEST_SIDES)[number];

/** A month of one side's MQLs, as one contact range reports it. */
export type MonthCounts = { side: BacktestSide; month: string; mqls: number; observed: number; sql: number; customers: number };
/** One side's readiness (tenths of a point) against whether the contact became a customer. */
export type ReadinessBin = { side: BacktestSide; bin: number; positives: number; negatives: number };
export type PopulationCounts = { population: number; customers: number; sqls: number; both: number; onlyBaseline: number; onlyDraft: number; onlyDraftObserved: number };

/** What the contact ranges reported so far, added up. */
export type BacktestTally = { months: MonthCounts[]; bins: ReadinessBin[]; totals: PopulationCounts };

export function emptyTally(): BacktestTally {
  return { months: [], bins: [], totals: { population: 0, customers: 0, sqls: 0, both: 0, onlyBaseline: 0, onlyDraft: 0, onlyDraftObserved: 0 } };
}

function addBy<T>(into: T[], rows: readonly T[], key: (row: T) => string, add: (a: T, b: T) => T): T[] {
  const byKey = new Map(into.map((r) => [key(r), r]));
  for (const row of rows) {
    const k = key(row);
    const existing = byKey.get(k);
    byKey.set(k, existing ? add(existing, row) : row);
  }
  return [...byKey.values()];
}

/** Adds one contact range's counts to the tally (ranges never share a contact, so counts simply add). */
export function addToTally(tally: BacktestTally, chunk: BacktestTally): BacktestTally {
  const totals = { ...tally.totals };
  for (const k of Object.keys(totals) as (keyof PopulationCounts)[]) totals[k] += chunk.totals[k];
  return {
    months: addBy(tally.months, chunk.months, (r) => `${r.side}|${r.month}`, (a, b) => ({ ...a, mqls: a.mqls + b.mqls, observed: a.observed + b.observed, sql: a.sql + b.sql, customers: a.customers + b.customers })),
    bins: addBy(tally.bins, chunk.bins, (r) => `${r.side}|${r.bin}`, (a, b) => ({ ...a, positives: a.positives + b.positives, negatives: a.negatives + b.negatives })),
    totals,
  };
}

/** The months of [from, until) as YYYY-MM, so a month without MQLs still shows as 0. */
export function monthsBetween(from: Date, until: Date): string[] {
  const months: string[] = [];
  const cursor = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), 1));
  while (cursor < until) {
    months.push(cursor.toISOString().slice(0, 7));
    cursor.setUTCMonth(cursor.getUTCMonth() + 1);
  }
  return months;
}

function outcomeOf(tally: BacktestTally, side: BacktestSide, version: { id: string; version: number }, months: string[]): BacktestModelOutcome {
  const rows = tally.months.filter((r) => r.side === side);
  const sum = (pick: (r: MonthCounts) => number) => rows.reduce((n, r) => n + pick(r), 0);
  const mqls = sum((r) => r.mqls);
  const observed = sum((r) => r.observed);
  const sql = sum((r) => r.sql);
  const customers = sum((r) => r.customers);
  const bins: ScoreBin[] = tally.bins.filter((b) => b.side === side).map((b) => ({ score: b.bin, positives: b.positives, negatives: b.negatives }));
  return {
    versionId: version.id,
    version: version.version,
    mqls,
    perMonth: months.map((month) => ({ month, mqls: rows.find((r) => r.month === month)?.mqls ?? 0 })),
    observed,
    sql,
    customers,
    mqlToSqlRate: wilsonInterval(sql, observed),
    mqlToCustomerRate: wilsonInterval(customers, observed),
    precision: mqls ? customers / mqls : null,
    recall: tally.totals.customers ? customers / tally.totals.customers : null,
    rocAuc: rocAucFromBins(bins),
  };
}

/** The backtest's comparison from its tally: each side's volume, conversion, precision, recall and AUC, and how far they overlap. */
export function summarizeTally(
  tally: BacktestTally,
  { baseline, draft, from, until, computedMs }: { baseline: { id: string; version: number }; draft: { id: string; version: number }; from: Date; until: Date; computedMs: number },
): BacktestResult {
  const months = monthsBetween(from, until);
  const { population, customers, sqls, both, onlyBaseline, onlyDraft, onlyDraftObserved } = tally.totals;
  return {
    population,
    customers,
    sqls,
    baseline: outcomeOf(tally, "baseline", baseline, months),
    draft: outcomeOf(tally, "draft", draft, months),
    overlap: { both, onlyBaseline, onlyDraft, onlyDraftObserved },
    computedMs,
  };
}

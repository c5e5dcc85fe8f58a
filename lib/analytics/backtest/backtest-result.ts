import type { Rate } from "../wilson";

/** One model's side of a backtest: what it would have qualified in the window, and how those contacts really did. */
export type BacktestModelOutcome = {
  versionId: string;
  version: number;
  /** Contacts the model would have qualified in the window (each once, at its first crossing). */
  mqls: number;
  perMonth: { month: string; mqls: number }[];
  /** Of those, how many reached sales for real — the only ones whose outcome is known. */
  observed: number;
  sql: number;
  customers: number;
  /** SQL and customer rates among the observed MQLs, with 95% Wilson intervals. */
  mqlToSqlRate: Rate | null;
  mqlToCustomerRate: Rate | null;
  /** Of the model's MQLs, the share that became customers. */
  precision: number | null;
  /** Of the window's contacts that became customers, the share the model would have qualified. */
  recall: number | null;
  /** How well the model's readiness (min of fit and engagement over their thresholds) ranks customers above the rest: 0.5 is chance. */
  rocAuc: number | null;
};

export type BacktestResult = {
  /** Contacts with at least one event in the window: the ones either model could have qualified. */
  population: number;
  customers: number;
  sqls: number;
  baseline: BacktestModelOutcome;
  draft: BacktestModelOutcome;
  overlap: { both: number; onlyBaseline: number; onlyDraft: number; onlyDraftObserved: number };
  computedMs: number;
};

import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { BacktestModelOutcome, BacktestResult } from "@/lib/analytics/backtest/backtest-result";
import { MIN_BACKING } from "@/lib/analytics/sweep-query";
import type { Rate } from "@/lib/analytics/wilson";
import { formatCount, shortDate } from "@/lib/format";
import { ALREADY_QUALIFIED_DAYS } from "@/lib/scoring/replay-window";

const pct = (n: number | null | undefined, digits = 1) => (n === null || n === undefined ? "—" : `${(n * 100).toFixed(digits)}%`);
const rate = (r: Rate | null) => (r ? `${pct(r.value)} (${pct(r.low, 0)}–${pct(r.high, 0)})` : "—");
const points = (a: number | null | undefined, b: number | null | undefined) => (a === null || a === undefined || b === null || b === undefined ? "—" : `${b >= a ? "+" : "−"}${Math.abs((b - a) * 100).toFixed(1)} pts`);
const relative = (a: number, b: number) => (a === 0 ? (b === 0 ? "±0%" : "new") : `${b >= a ? "+" : "−"}${Math.abs(((b - a) / a) * 100).toFixed(0)}%`);

type Row = { label: string; hint: string; value: (o: BacktestModelOutcome) => string; change: (a: BacktestModelOutcome, b: BacktestModelOutcome) => string; testId?: string };

function rows(months: number): Row[] {
  return [
    { label: "MQLs", hint: `in ${months} months`, value: (o) => formatCount(o.mqls), change: (a, b) => relative(a.mqls, b.mqls), testId: "mqls" },
    { label: "MQLs per month", hint: "average", value: (o) => formatCount(Math.round(o.mqls / months)), change: (a, b) => relative(a.mqls, b.mqls) },
    { label: "With a real outcome", hint: "reached sales, so we know how they did", value: (o) => `${formatCount(o.observed)}${o.observed < MIN_BACKING ? " · too few" : ""}`, change: (a, b) => relative(a.observed, b.observed) },
    { label: "MQL→SQL", hint: "of those with an outcome, 95% interval", value: (o) => rate(o.mqlToSqlRate), change: (a, b) => points(a.mqlToSqlRate?.value, b.mqlToSqlRate?.value), testId: "mql-to-sql" },
    { label: "MQL→customer", hint: "of those with an outcome, 95% interval", value: (o) => rate(o.mqlToCustomerRate), change: (a, b) => points(a.mqlToCustomerRate?.value, b.mqlToCustomerRate?.value), testId: "mql-to-customer" },
    { label: "Precision", hint: "of its MQLs, the share that became customers", value: (o) => pct(o.precision), change: (a, b) => points(a.precision, b.precision) },
    { label: "Recall", hint: "of the window's customers, the share it qualified", value: (o) => pct(o.recall), change: (a, b) => points(a.recall, b.recall), testId: "recall" },
    { label: "ROC AUC", hint: "ranks customers above the rest; 0.5 is chance", value: (o) => (o.rocAuc === null ? "—" : o.rocAuc.toFixed(3)), change: (a, b) => (a.rocAuc === null || b.rocAuc === null ? "—" : `${b.rocAuc >= a.rocAuc ? "+" : "−"}${Math.abs(b.rocAuc - a.rocAuc).toFixed(3)}`), testId: "auc" },
  ];
}

/** The verdict in words: volume, customers caught, ranking, and how much of it is unobserved. */
function verdict(r: BacktestResult, months: number): string {
  const { baseline: a, draft: b } = r;
  const volume = a.mqls === b.mqls ? "as many MQLs" : `${relative(a.mqls, b.mqls).replace(/^[+−]/, "")} ${b.mqls > a.mqls ? "more" : "fewer"} MQLs`;
  const caught = b.customers - a.customers;
  const customers = caught === 0 ? `the same ${formatCount(a.customers)} of the ${formatCount(r.customers)} customers` : `${formatCount(Math.abs(caught))} ${caught > 0 ? "more" : "fewer"} of the ${formatCount(r.customers)} customers`;
  const unknown = r.overlap.onlyDraft - r.overlap.onlyDraftObserved;
  const blind = unknown > 0 ? ` ${formatCount(unknown)} of its ${formatCount(r.overlap.onlyDraft)} new MQLs never reached sales, so their outcome is unknown and its conversion counts only the ones that did.` : "";
  const conversion = a.mqlToSqlRate && b.mqlToSqlRate ? ` Of those with an outcome, ${pct(b.mqlToSqlRate.value)} would have reached SQL, against ${pct(a.mqlToSqlRate.value)}.` : "";
  return `Over ${months} months, v${b.version} would have produced ${volume} than v${a.version} (${formatCount(Math.round(b.mqls / months))} vs ${formatCount(Math.round(a.mqls / months))} a month) and caught ${customers}.${conversion}${blind}`;
}

/** The two models side by side on the window's real outcomes. */
export function BacktestComparison({ result, months, from, until }: { result: BacktestResult; months: number; from: string; until: string }) {
  const { baseline, draft } = result;
  return (
    <div className="space-y-3">
      <p className="text-sm" data-testid="backtest-verdict">
        {verdict(result, months)}
      </p>
      <p className="text-xs text-muted-foreground">
        {shortDate(from)} – {shortDate(new Date(new Date(until).getTime() - 1))} · {formatCount(result.population)} contacts active in the window, {formatCount(result.customers)} became
        customers · both models qualify {formatCount(result.overlap.both)}, only v{baseline.version} {formatCount(result.overlap.onlyBaseline)}, only v{draft.version}{" "}
        {formatCount(result.overlap.onlyDraft)} · a contact already qualified in the {ALREADY_QUALIFIED_DAYS} days before the window is not counted again · fit is read from today&apos;s attributes
      </p>
      <div className="overflow-x-auto rounded-md border">
        <Table aria-label="Backtest: model in force against the draft">
          <TableHeader>
            <TableRow className="hover:bg-transparent">
              <TableHead>Measure</TableHead>
              <TableHead className="text-right">v{baseline.version} (in force)</TableHead>
              <TableHead className="text-right">v{draft.version} (draft)</TableHead>
              <TableHead className="text-right">Change</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows(months).map((row) => (
              <TableRow key={row.label} data-testid={row.testId ? `backtest-${row.testId}` : undefined}>
                <TableCell>
                  <span className="font-medium">{row.label}</span>
                  <span className="block text-xs text-muted-foreground">{row.hint}</span>
                </TableCell>
                <TableCell className="text-right tabular-nums">{row.value(baseline)}</TableCell>
                <TableCell className="text-right tabular-nums font-medium">{row.value(draft)}</TableCell>
                <TableCell className="text-right tabular-nums text-muted-foreground">{row.change(baseline, draft)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </div>
  );
}

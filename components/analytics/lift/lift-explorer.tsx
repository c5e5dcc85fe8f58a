"use client";
import * as React from "react";
import { DataTable, type Column } from "@/components/analytics/funnel/data-table";
import { NativeSelect } from "@/components/ui/select";
import { describeModelWeight, formatLift, type LiftRow } from "@/lib/analytics/lift";
import { LiftChart, liftColour } from "./lift-chart";

const STRONGEST = "strongest";
/** The strongest view shows at most this many values each way. */
const STRONGEST_EACH_WAY = 8;

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const keyOf = (r: Pick<LiftRow, "field" | "value">) => `${r.field}:${r.value ?? ""}`;

function signal(row: LiftRow): string {
  if (row.sparse) return "Sparse";
  if (row.direction === "over") return "Over-represented";
  if (row.direction === "under") return "Under-represented";
  return "No clear difference";
}

/** The model's weight in a cell: "+15 (Core industry)", "+8 per event, up to 24". */
function modelCell(row: LiftRow): string {
  const text = describeModelWeight(row).replace(/^the model gives /, "");
  const rules = row.model.rules.length ? ` (${row.model.rules.join(", ")})` : "";
  return row.model.points === 0 && !row.model.qualifiesFromFit ? "nothing" : `${text}${rules}`;
}

/**
 * The lift card's interactive part: which values to chart (the strongest signals across every
 * attribute and behaviour, or one attribute's values), the diverging chart and its table, whose
 * CSV holds the rows shown.
 */
export function LiftExplorer({ rows, outcomeLabel, fileStem }: { rows: LiftRow[]; outcomeLabel: string; fileStem: string }) {
  const fields = React.useMemo(() => {
    const seen = new Map<string, string>();
    for (const r of rows) if (!seen.has(r.field)) seen.set(r.field, r.kind === "behaviour" ? (r.field === "event" ? "Behaviours: event types" : "Behaviours: engagement rules") : r.fieldLabel);
    return [...seen];
  }, [rows]);
  const [view, setView] = React.useState(STRONGEST);

  const shown = React.useMemo(() => {
    if (view !== STRONGEST) return rows.filter((r) => r.field === view);
    const clear = rows.filter((r) => r.direction !== "neither" && r.lift);
    const strength = (r: LiftRow) => Math.abs(Math.log(Math.max(r.lift!.value, 1e-6)));
    const over = clear.filter((r) => r.direction === "over").sort((a, b) => strength(b) - strength(a)).slice(0, STRONGEST_EACH_WAY);
    const under = clear.filter((r) => r.direction === "under").sort((a, b) => strength(b) - strength(a)).slice(0, STRONGEST_EACH_WAY);
    return [...over, ...under];
  }, [rows, view]);
  const ordered = React.useMemo(() => [...shown].sort((a, b) => (b.lift?.value ?? 0) - (a.lift?.value ?? 0)), [shown]);

  const labelOf = (r: LiftRow) => (view === STRONGEST ? (r.kind === "behaviour" ? r.valueLabel : `${r.fieldLabel}: ${r.valueLabel}`) : r.valueLabel);
  const viewName = view === STRONGEST ? "strongest signals" : (fields.find(([f]) => f === view)?.[1] ?? view);
  const chartLabel = `Lift of ${viewName} on ${outcomeLabel}: ${ordered
    .filter((r) => r.lift)
    .map((r) => `${labelOf(r)} ${formatLift(r.lift!)}${r.sparse ? " (sparse)" : ""}`)
    .join("; ")}`;

  const columns: Column<LiftRow>[] = [
    { header: "Attribute", value: (r) => (r.kind === "behaviour" ? "Behaviour" : r.fieldLabel) },
    {
      header: "Value",
      value: (r) => r.valueLabel,
      cell: (r) => (
        <span className="inline-flex items-center gap-2">
          <span aria-hidden className="inline-block size-2.5 shrink-0 rounded-sm" style={{ background: liftColour(r) }} />
          {r.valueLabel}
        </span>
      ),
    },
    { header: "Records", value: (r) => r.records, cell: (r) => r.records.toLocaleString("en"), numeric: true },
    { header: outcomeLabel, value: (r) => r.outcomes, cell: (r) => r.outcomes.toLocaleString("en"), numeric: true },
    { header: "Rate", value: (r) => r.rate.value, cell: (r) => pct(r.rate.value), numeric: true },
    { header: "95% low", value: (r) => r.rate.low, cell: (r) => pct(r.rate.low), numeric: true },
    { header: "95% high", value: (r) => r.rate.high, cell: (r) => pct(r.rate.high), numeric: true },
    { header: "Lift", value: (r) => r.lift?.value ?? null, cell: (r) => <span className="whitespace-nowrap">{r.lift ? formatLift(r.lift) : "—"}</span>, numeric: true },
    { header: "Signal", value: signal },
    { header: "The model gives", value: (r) => r.model.points, cell: modelCell },
  ];

  return (
    <div>
      <div className="flex flex-wrap items-center gap-3 border-t px-5 py-3">
        <label htmlFor="lift-view" className="text-sm text-muted-foreground">
          Show
        </label>
        <NativeSelect id="lift-view" value={view} onChange={(e) => setView(e.target.value)} className="w-64">
          <option value={STRONGEST}>Strongest signals</option>
          {fields.map(([field, label]) => (
            <option key={field} value={field}>
              {label}
            </option>
          ))}
        </NativeSelect>
        <Legend />
      </div>
      {ordered.length === 0 ? (
        <p className="border-t px-5 py-8 text-center text-sm text-muted-foreground">
          {view === STRONGEST ? "No value converts clearly better or worse than the base rate: every interval includes it." : "No records have a value here."}
        </p>
      ) : (
        <div className="px-5 pb-4">
          <LiftChart rows={ordered.map((r) => ({ key: keyOf(r), label: labelOf(r), row: r }))} label={chartLabel} />
        </div>
      )}
      <DataTable caption={`Lift of ${viewName}`} columns={columns} rows={ordered} rowKey={keyOf} rowClassName={(r) => (r.sparse ? "text-muted-foreground" : undefined)} fileName={`${fileStem}-${view === STRONGEST ? "strongest" : view}.csv`} />
    </div>
  );
}

function Legend() {
  const items = [
    { label: "More likely", colour: liftColour({ direction: "over", sparse: false }) },
    { label: "Less likely", colour: liftColour({ direction: "under", sparse: false }) },
    { label: "No clear difference", colour: liftColour({ direction: "neither", sparse: false }) },
    { label: "Sparse (< 30 records)", colour: liftColour({ direction: "neither", sparse: true }) },
  ];
  return (
    <ul className="ml-auto flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted-foreground">
      {items.map((i) => (
        <li key={i.label} className="inline-flex items-center gap-1.5">
          <span aria-hidden className="inline-block size-2.5 rounded-sm" style={{ background: i.colour }} />
          {i.label}
        </li>
      ))}
    </ul>
  );
}

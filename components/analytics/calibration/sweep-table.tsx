"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { SweepPoint, SweepRow } from "@/lib/analytics/sweep-query";
import { cn } from "@/lib/utils";
import { CsvDownloadButton } from "../csv-download-button";
import { pct, perMonth, pointStatus, rangeText, STATUS_LABEL } from "./point-status";

export const SWEEP_CSV_HEADER = [
  "threshold",
  "mqls_per_month",
  "mqls",
  "sql",
  "customers",
  "mql_to_sql",
  "mql_to_sql_low",
  "mql_to_sql_high",
  "mql_to_customer",
  "mql_to_customer_low",
  "mql_to_customer_high",
  "backing_records",
  "exploration_records",
  "below_threshold_in_force_records",
  "effective_n",
  "status",
];

export function sweepCsvRow(r: SweepPoint, first: unknown[]): unknown[] {
  return [
    ...first,
    r.mqlsPerMonth.toFixed(1),
    r.mqls.toFixed(1),
    r.sql.toFixed(1),
    r.customers.toFixed(1),
    r.mqlToSqlRate?.value.toFixed(4) ?? "",
    r.mqlToSqlRate?.low.toFixed(4) ?? "",
    r.mqlToSqlRate?.high.toFixed(4) ?? "",
    r.mqlToCustomerRate?.value.toFixed(4) ?? "",
    r.mqlToCustomerRate?.low.toFixed(4) ?? "",
    r.mqlToCustomerRate?.high.toFixed(4) ?? "",
    r.backing,
    r.explorationBacking,
    r.belowInForceBacking,
    r.effectiveN.toFixed(1),
    pointStatus(r),
  ];
}

/** The sweep as a table, every fifth threshold unless asked for all, with the in-force and candidate rows marked. */
/** The column headers of a sweep point's evidence, after the threshold columns. */
export function PointHeads() {
  return (
    <>
      <TableHead className="text-right">MQLs / month</TableHead>
      <TableHead className="text-right">MQL→SQL (95%)</TableHead>
      <TableHead className="text-right">MQL→customer (95%)</TableHead>
      <TableHead className="text-right">Backed by</TableHead>
      <TableHead>Evidence</TableHead>
    </>
  );
}

/** A sweep point's evidence: volume, both rates with their intervals, what backs it and how sure it is. */
export function PointCells({ point }: { point: SweepPoint }) {
  return (
    <>
      <TableCell className="text-right tabular-nums">{perMonth(point.mqlsPerMonth)}</TableCell>
      <TableCell className="text-right tabular-nums">
        {pct(point.mqlToSqlRate?.value)} <span className="text-xs text-muted-foreground">({rangeText(point.mqlToSqlRate)})</span>
      </TableCell>
      <TableCell className="text-right tabular-nums">
        {pct(point.mqlToCustomerRate?.value)} <span className="text-xs text-muted-foreground">({rangeText(point.mqlToCustomerRate)})</span>
      </TableCell>
      <TableCell className="text-right tabular-nums">
        {point.backing.toLocaleString("en")}
        {point.explorationBacking ? <span className="text-xs text-muted-foreground"> ({point.explorationBacking} expl.)</span> : null}
      </TableCell>
      <TableCell className="text-xs">{STATUS_LABEL[pointStatus(point)]}</TableCell>
    </>
  );
}

export function SweepTable({ rows, dimension, inForce, candidate, fileName }: { rows: SweepRow[]; dimension: string; inForce: number | null; candidate: number; fileName: string }) {
  const [all, setAll] = useState(false);
  // By default, every fifth threshold from 20 below the one in force up: the range a decision is made in.
  const from = Math.max(0, (inForce ?? 0) - 20);
  const shown = rows.filter((r) => all || (r.threshold >= from && r.threshold % 5 === 0) || r.threshold === inForce || r.threshold === candidate);
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-2 px-5">
        <p className="text-xs text-muted-foreground">{all ? "Every threshold" : `Every fifth threshold from ${from}, the one in force and the candidate`}</p>
        <div className="flex gap-2">
          <Button type="button" variant="ghost" size="sm" onClick={() => setAll(!all)}>
            {all ? "Show every fifth" : "Show all 101"}
          </Button>
          <CsvDownloadButton fileName={fileName} header={SWEEP_CSV_HEADER} rows={rows.map((r) => sweepCsvRow(r, [r.threshold]))} />
        </div>
      </div>
      <div className="max-h-96 overflow-auto">
        <Table aria-label={`Threshold sweep on ${dimension}`}>
          <TableHeader className="sticky top-0 bg-card">
            <TableRow className="hover:bg-transparent">
              <TableHead>{dimension} ≥</TableHead>
              <PointHeads />
            </TableRow>
          </TableHeader>
          <TableBody>
            {shown.map((r) => {
              const status = pointStatus(r);
              return (
                <TableRow key={r.threshold} className={cn(status !== "confident" && "text-muted-foreground", r.threshold === candidate && "bg-accent/60")}>
                  <TableCell className="font-medium tabular-nums">
                    {r.threshold}
                    {r.threshold === inForce ? <span className="ml-2 text-xs font-normal text-muted-foreground">in force</span> : null}
                    {r.threshold === candidate ? <span className="ml-2 text-xs font-normal text-primary">candidate</span> : null}
                  </TableCell>
                  <PointCells point={r} />
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
    </div>
  );
}

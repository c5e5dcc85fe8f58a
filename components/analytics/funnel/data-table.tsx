"use client";
import { Download } from "lucide-react";
import * as React from "react";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { downloadCsv } from "@/lib/csv/download-csv";
import { cn } from "@/lib/utils";

export type Column<T> = {
  header: string;
  /** The CSV's header when it must say more than the table's (units, e.g. "Spend (cents)"). */
  csvHeader?: string;
  /** The value in the CSV: raw numbers (fractions, cents, days), never formatted text. */
  value: (row: T) => string | number | null;
  /** How the table shows it; the CSV value when absent. */
  cell?: (row: T) => React.ReactNode;
  numeric?: boolean;
};

/**
 * The table beneath a chart, and its CSV: both are written from the same rows and columns, so the
 * download always holds what the table shows (unformatted, for a spreadsheet).
 */
export function DataTable<T>({
  caption,
  columns,
  rows,
  footer,
  rowKey,
  rowClassName,
  fileName,
}: {
  caption: string;
  columns: Column<T>[];
  rows: T[];
  /** A totals row, shown last and written last. */
  footer?: T;
  rowKey: (row: T) => string;
  rowClassName?: (row: T) => string | undefined;
  fileName: string;
}) {
  const all = footer ? [...rows, footer] : rows;
  return (
    <div className="border-t">
      <div className="flex items-center justify-between gap-3 px-5 py-2">
        <p className="text-xs text-muted-foreground">
          {rows.length} {rows.length === 1 ? "row" : "rows"}
        </p>
        <Button variant="ghost" size="sm" onClick={() => downloadCsv(fileName, columns.map((c) => c.csvHeader ?? c.header), all.map((r) => columns.map((c) => c.value(r) ?? "")))} aria-label={`Download ${caption} as CSV`}>
          <Download /> CSV
        </Button>
      </div>
      <Table>
        <caption className="sr-only">{caption}</caption>
        <TableHeader>
          <TableRow className="hover:bg-transparent">
            {columns.map((c) => (
              <TableHead key={c.header} scope="col" className={cn(c.numeric && "text-right")}>
                {c.header}
              </TableHead>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {all.map((row) => (
            <TableRow key={row === footer ? "__total" : rowKey(row)} className={cn(row === footer && "bg-muted/30 font-medium", rowClassName?.(row))}>
              {columns.map((c, j) => {
                const content = c.cell ? c.cell(row) : (c.value(row) ?? "—");
                return j === 0 ? (
                  <TableHead key={c.header} scope="row" className="h-auto py-2.5 text-sm font-medium normal-case tracking-normal text-foreground">
                    {content}
                  </TableHead>
                ) : (
                  <TableCell key={c.header} className={cn(c.numeric && "text-right tabular-nums")}>
                    {content}
                  </TableCell>
                );
              })}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

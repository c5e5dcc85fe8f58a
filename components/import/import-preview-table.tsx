"use client";
import { CircleAlert, CircleCheck } from "lucide-react";
import { Fragment } from "react";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ColumnMapping } from "@/db/schema/imports";
import type { StageChangeInput } from "@/lib/ingest/schemas";
import { fieldOf, KEEP_AS_PROPERTY, type ImportKind } from "@/lib/import/import-fields";
import type { RowResult } from "@/lib/import/row-mapping";
import { cn } from "@/lib/utils";

export type PreviewRow = { rowNumber: number; cells: string[]; result: RowResult<ImportKind> };

type Column = { key: string; label: string; read: (item: Record<string, unknown>) => unknown; index?: number };

function valueAt(item: Record<string, unknown>, path: string): unknown {
  const [head, ...rest] = path.split(".");
  const value = item[head!];
  if (rest.length === 0) return value;
  return value && typeof value === "object" ? (value as Record<string, unknown>)[rest.join(".")] : undefined;
}

/** Dates as an importer checks them: the day, and the time in UTC when there is one. */
function display(value: unknown): string {
  if (value === undefined || value === null || value === "") return "";
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : `${iso.slice(0, 16).replace("T", " ")} UTC`;
  }
  if (typeof value === "number") return value.toLocaleString("en");
  return String(value);
}

const STAGE_NAMES: Record<string, string> = { mql: "MQL", sal: "SAL", sql: "SQL" };

function describeChanges(changes: StageChangeInput[]): string {
  if (changes.length === 0) return "no change (stays a lead)";
  return changes.map((c) => `${STAGE_NAMES[c.to] ?? c.to} ${display(c.at)}`).join(" → ");
}

function columnsFor(kind: ImportKind, headers: string[], mapping: ColumnMapping): Column[] {
  const mapped = headers.map((h, index) => ({ header: h, index, target: mapping[h] ?? "" })).filter((c) => c.target !== "");
  if (kind === "stage_changes") {
    const contact = mapped.filter((c) => c.target === "email" || c.target === "contactId");
    const extra = mapped.filter((c) => ["reason", "note", "owner"].includes(c.target));
    return [
      ...contact.map((c) => ({ key: c.header, label: fieldOf(kind, c.target)!.label, index: c.index, read: (i: Record<string, unknown>) => i[c.target] })),
      { key: "changes", label: "Stage changes, oldest first", read: () => undefined },
      ...extra.map((c) => ({ key: c.header, label: fieldOf(kind, c.target)!.label, index: c.index, read: (i: Record<string, unknown>) => i[c.target] })),
    ];
  }
  const columns: Column[] = mapped.map((c) => ({
    key: c.header,
    label: c.target === KEEP_AS_PROPERTY ? c.header : fieldOf(kind, c.target)?.label ?? c.target,
    index: c.index,
    read: (item) => valueAt(item, c.target === KEEP_AS_PROPERTY ? `properties.${c.header.slice(0, 64)}` : c.target),
  }));
  if (kind === "events" && !mapped.some((c) => c.target === "id")) {
    columns.push({ key: "id", label: "Event id", read: () => "generated from the row" });
  }
  if (kind === "events" && !mapped.some((c) => c.target === "source")) {
    columns.push({ key: "source", label: "Source system", read: (i) => i.source });
  }
  return columns;
}

/**
 * The first rows exactly as the import will see them: each value after reading (dates, numbers,
 * stages), validated by the API's schemas; a row with a problem shows its original values and why.
 */
export function ImportPreviewTable({ kind, headers, mapping, rows }: { kind: ImportKind; headers: string[]; mapping: ColumnMapping; rows: PreviewRow[] }) {
  const columns = columnsFor(kind, headers, mapping);
  return (
    <Table>
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          <TableHead className="w-14">Row</TableHead>
          <TableHead className="w-10">
            <span className="sr-only">Status</span>
          </TableHead>
          {columns.map((c) => (
            <TableHead key={c.key}>{c.label}</TableHead>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map(({ rowNumber, cells, result }) => {
          const item = result.ok ? (result.items[0] as Record<string, unknown> | undefined) : undefined;
          return (
            <Fragment key={rowNumber}>
              <TableRow className={cn(!result.ok && "border-b-0 bg-destructive/5 hover:bg-destructive/5")} data-testid="preview-row">
                <TableCell className="tabular-nums text-muted-foreground">{rowNumber}</TableCell>
                <TableCell>
                  {result.ok ? (
                    <CircleCheck className="size-4 text-success" aria-label="Ready" />
                  ) : (
                    <CircleAlert className="size-4 text-destructive" aria-label="Has a problem" />
                  )}
                </TableCell>
                {columns.map((c) => {
                  const text =
                    c.key === "changes" && result.ok
                      ? describeChanges(result.items as StageChangeInput[])
                      : item
                        ? display(c.read(item))
                        : c.index !== undefined
                          ? (cells[c.index] ?? "")
                          : "";
                  return (
                    <TableCell key={c.key} className="max-w-64 truncate" title={text}>
                      {text || <span className="text-muted-foreground">—</span>}
                    </TableCell>
                  );
                })}
              </TableRow>
              {result.ok ? null : (
                <TableRow className="bg-destructive/5 hover:bg-destructive/5">
                  <TableCell />
                  <TableCell colSpan={columns.length + 1} className="pt-0 text-sm text-destructive">
                    {result.error}
                  </TableCell>
                </TableRow>
              )}
            </Fragment>
          );
        })}
      </TableBody>
    </Table>
  );
}

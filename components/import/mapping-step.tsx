"use client";
import { ArrowLeft, History, Info, Upload } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { NativeSelect } from "@/components/ui/select";
import type { ColumnMapping, ImportDateFormat } from "@/db/schema/imports";
import { DATE_FORMAT_LABELS } from "@/lib/import/cell-values";
import { hasStageHistoryColumns } from "@/lib/import/column-mapping";
import { fieldOf, IMPORT_KIND_LABELS, missingRequiredFields, type ImportKind } from "@/lib/import/import-fields";
import { shortDate } from "@/lib/format";
import { ColumnMappingTable } from "./column-mapping-table";
import { ImportKindPicker } from "./import-kind-picker";
import { ImportPreviewTable, type PreviewRow } from "./import-preview-table";
import type { CsvPreview } from "./read-csv-preview";
import { formatBytes } from "./format-progress";

function samplesOf(preview: CsvPreview): Record<string, string> {
  return Object.fromEntries(
    preview.headers.map((h, i) => {
      const value = preview.rows.map((r) => r.cells[i]?.trim() ?? "").find(Boolean) ?? "";
      return [h, value.length > 60 ? `${value.slice(0, 59)}…` : value];
    }),
  );
}

function Notice({ icon: Icon, children }: { icon: typeof Info; children: React.ReactNode }) {
  return (
    <div className="flex items-start gap-2 rounded-md border bg-accent/50 px-3 py-2 text-sm text-accent-foreground">
      <Icon className="mt-0.5 size-4 shrink-0" aria-hidden />
      <div>{children}</div>
    </div>
  );
}

/** Step two: map the file's columns, see the first rows validated, then import. */
export function MappingStep(props: {
  kind: ImportKind;
  onKindChange: (kind: ImportKind) => void;
  file: File;
  preview: CsvPreview;
  mapping: ColumnMapping;
  onMappingChange: (mapping: ColumnMapping) => void;
  mappingSource: "suggested" | "saved" | "edited";
  savedAt?: string;
  onUseSuggestions: () => void;
  dateFormat: ImportDateFormat;
  onDateFormatChange: (format: ImportDateFormat) => void;
  previewRows: PreviewRow[];
  error?: string;
  onBack: () => void;
  onImport: () => void;
}) {
  const { kind, file, preview, mapping, previewRows } = props;
  const missing = missingRequiredFields(kind, mapping);
  const bad = previewRows.filter((r) => !r.result.ok).length;
  const mapsDates = Object.values(mapping).some((t) => fieldOf(kind, t)?.type === "date");
  const mappedCount = Object.keys(mapping).length;

  return (
    <div className="space-y-6">
      <Card>
        <CardHeader className="flex-row flex-wrap items-center justify-between gap-3">
          <div className="min-w-0">
            <CardTitle className="truncate text-base">{file.name}</CardTitle>
            <CardDescription>
              {formatBytes(file.size)} · {preview.headers.length} columns · {preview.delimiter === "\t" ? "tab" : `“${preview.delimiter}”`}-separated
            </CardDescription>
          </div>
          <Button variant="outline" size="sm" onClick={props.onBack}>
            <ArrowLeft /> Choose another file
          </Button>
        </CardHeader>
        <CardContent>
          <ImportKindPicker value={kind} onChange={props.onKindChange} />
        </CardContent>
      </Card>

      <Card className="overflow-hidden">
        <CardHeader>
          <CardTitle>Columns</CardTitle>
          <CardDescription>
            {mappedCount} of {preview.headers.length} columns will be imported as {IMPORT_KIND_LABELS[kind].title.toLowerCase()}. Columns set to “Don&apos;t
            import” are skipped.
          </CardDescription>
          <div className="mt-2 space-y-2">
            {props.mappingSource === "saved" && props.savedAt ? (
              <Notice icon={History}>
                Using the mapping saved on {shortDate(props.savedAt)} for files with these columns.{" "}
                <button type="button" className="font-medium underline underline-offset-2" onClick={props.onUseSuggestions}>
                  Use the suggestions instead
                </button>
              </Notice>
            ) : null}
            {kind === "contacts" && hasStageHistoryColumns(preview.headers) ? (
              <Notice icon={Info}>
                This file also has lifecycle columns (“Lifecycle Stage”, “Became a … Date”). Import it again as <strong>Stage changes</strong> to load that
                funnel history with its real dates.
              </Notice>
            ) : null}
          </div>
        </CardHeader>
        <ColumnMappingTable kind={kind} headers={preview.headers} samples={samplesOf(preview)} mapping={mapping} onChange={props.onMappingChange} />
      </Card>

      <Card className="overflow-hidden">
        <CardHeader className="flex-row flex-wrap items-start justify-between gap-4">
          <div>
            <CardTitle>Preview</CardTitle>
            <CardDescription>
              {previewRows.length === 0
                ? "The file has a header row but no data rows."
                : bad === 0
                  ? `The first ${previewRows.length} rows are ready to import.`
                  : `${previewRows.length - bad} of the first ${previewRows.length} rows are ready; ${bad} ${bad === 1 ? "has a problem" : "have problems"}. Rows with problems are skipped and listed in a report you can download.`}
            </CardDescription>
          </div>
          {mapsDates ? (
            <label className="flex items-center gap-2 text-sm">
              <span className="whitespace-nowrap text-muted-foreground">Dates look like</span>
              <NativeSelect
                aria-label="Date format"
                className="w-56"
                value={props.dateFormat}
                onChange={(e) => props.onDateFormatChange(e.target.value as ImportDateFormat)}
              >
                {Object.entries(DATE_FORMAT_LABELS).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </NativeSelect>
            </label>
          ) : null}
        </CardHeader>
        {missing.length === 0 && previewRows.length > 0 ? (
          <ImportPreviewTable kind={kind} headers={preview.headers} mapping={mapping} rows={previewRows} />
        ) : null}
        {missing.length > 0 ? (
          <CardContent>
            <ul className="list-inside list-disc space-y-1 text-sm text-[oklch(0.45_0.11_65)]" aria-label="Missing columns">
              {missing.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          </CardContent>
        ) : null}
        {mapsDates ? <p className="px-5 pb-4 pt-3 text-xs text-muted-foreground">Times without a time zone are read as UTC.</p> : null}
      </Card>

      <div className="flex flex-wrap items-center justify-end gap-3">
        {props.error ? (
          <p role="alert" className="mr-auto text-sm text-destructive">
            {props.error}
          </p>
        ) : null}
        <Button variant="outline" onClick={props.onBack}>
          Cancel
        </Button>
        <Button onClick={props.onImport} disabled={missing.length > 0}>
          <Upload /> Import {formatBytes(file.size)}
        </Button>
      </div>
    </div>
  );
}

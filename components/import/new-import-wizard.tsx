"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { ColumnMapping, ImportDateFormat } from "@/db/schema/imports";
import { detectDateFormat } from "@/lib/import/cell-values";
import { suggestMapping } from "@/lib/import/column-mapping";
import { alignCells } from "@/lib/import/csv-headers";
import { fieldOf, type ImportKind } from "@/lib/import/import-fields";
import { createRowMapper } from "@/lib/import/row-mapping";
import { CsvFilePicker } from "./csv-file-picker";
import { ImportKindPicker } from "./import-kind-picker";
import { MappingStep } from "./mapping-step";
import type { PreviewRow } from "./import-preview-table";
import { readCsvPreview, type CsvPreview } from "./read-csv-preview";
import { UploadProgress } from "./upload-progress";
import { uploadImportFile } from "./upload-import-file";
import { useSavedMappingQuery } from "./use-import-queries";

type Upload = { sent: number; total: number; abort: () => void };

function dateSamples(kind: ImportKind, preview: CsvPreview, mapping: ColumnMapping): string[] {
  const dateColumns = preview.headers.map((h, i) => ({ i, field: fieldOf(kind, mapping[h] ?? "") })).filter((c) => c.field?.type === "date");
  return preview.rows.flatMap((r) => dateColumns.map((c) => r.cells[c.i] ?? "")).filter(Boolean);
}

/**
 * A new import: kind and file → column mapping with a validated preview → upload. The browser
 * reads only the first rows; the whole file is streamed to the server, which imports it.
 */
export function NewImportWizard() {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<ImportKind>("contacts");
  const [file, setFile] = useState<File>();
  const [preview, setPreview] = useState<CsvPreview>();
  const [reading, setReading] = useState(false);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [dateFormat, setDateFormat] = useState<ImportDateFormat>("iso");
  const [mappingSource, setMappingSource] = useState<"suggested" | "saved" | "edited">("suggested");
  const [error, setError] = useState<string>();
  const [upload, setUpload] = useState<Upload>();
  const saved = useSavedMappingQuery({ kind, headers: preview?.headers });
  const appliedSaved = useRef<string | undefined>(undefined);

  function suggest(nextKind: ImportKind, nextPreview: CsvPreview) {
    const suggested = suggestMapping(nextKind, nextPreview.headers);
    setMapping(suggested);
    setDateFormat(detectDateFormat(dateSamples(nextKind, nextPreview, suggested)));
    setMappingSource("suggested");
    appliedSaved.current = undefined;
  }

  // A mapping saved for this kind and header set replaces the suggestions, unless already edited.
  useEffect(() => {
    const key = saved.data?.savedAt;
    if (!saved.data || !key || appliedSaved.current === key || mappingSource === "edited") return;
    appliedSaved.current = key;
    setMapping(saved.data.mapping);
    setDateFormat(saved.data.dateFormat);
    setMappingSource("saved");
  }, [saved.data, mappingSource]);

  async function chooseFile(chosen: File) {
    setError(undefined);
    setReading(true);
    try {
      const read = await readCsvPreview(chosen);
      setFile(chosen);
      setPreview(read);
      suggest(kind, read);
    } catch (e) {
      setError(e instanceof Error ? e.message : "The file could not be read.");
    } finally {
      setReading(false);
    }
  }

  function chooseKind(next: ImportKind) {
    setKind(next);
    if (preview) suggest(next, preview);
  }

  const previewRows: PreviewRow[] = useMemo(() => {
    if (!preview) return [];
    const mapRow = createRowMapper({ kind, headers: preview.headers, mapping, dateFormat });
    return preview.rows.map(({ rowNumber, cells }) => {
      const aligned = alignCells(cells, preview.headers.length);
      return { rowNumber, cells, result: "error" in aligned ? { ok: false, error: aligned.error } : mapRow(aligned.cells) };
    });
  }, [preview, kind, mapping, dateFormat]);

  async function startImport() {
    if (!file || !preview) return;
    setError(undefined);
    const { done, abort } = uploadImportFile({
      file,
      kind,
      mapping,
      delimiter: preview.delimiter,
      dateFormat,
      onProgress: (sent, total) => setUpload((u) => (u ? { ...u, sent, total } : u)),
    });
    setUpload({ sent: 0, total: file.size, abort });
    try {
      const job = await done;
      await queryClient.invalidateQueries({ queryKey: ["imports"] });
      router.push(`/import?job=${job.id}`);
    } catch (e) {
      setError(e instanceof Error ? e.message : "The upload failed.");
      setUpload(undefined);
    }
  }

  function reset() {
    setFile(undefined);
    setPreview(undefined);
    setMapping({});
    setError(undefined);
  }

  if (upload && file) return <UploadProgress fileName={file.name} sent={upload.sent} total={upload.total} onCancel={upload.abort} />;

  if (file && preview) {
    return (
      <MappingStep
        kind={kind}
        onKindChange={chooseKind}
        file={file}
        preview={preview}
        mapping={mapping}
        onMappingChange={(next) => {
          setMapping(next);
          setMappingSource("edited");
        }}
        mappingSource={mappingSource}
        savedAt={mappingSource === "saved" ? saved.data?.savedAt : undefined}
        onUseSuggestions={() => {
          suggest(kind, preview);
          setMappingSource("edited");
        }}
        dateFormat={dateFormat}
        onDateFormatChange={setDateFormat}
        previewRows={previewRows}
        error={error}
        onBack={reset}
        onImport={startImport}
      />
    );
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>New import</CardTitle>
        <CardDescription>Choose what the file holds, then the file. Nothing is imported before you have checked the preview.</CardDescription>
      </CardHeader>
      <CardContent className="space-y-5">
        <ImportKindPicker value={kind} onChange={chooseKind} />
        <CsvFilePicker onFile={chooseFile} busy={reading} />
        {error ? (
          <p role="alert" className="text-sm text-destructive">
            {error}
          </p>
        ) : null}
      </CardContent>
    </Card>
  );
}

import "server-only";
import { createHash } from "node:crypto";
import { getDatabaseHandle } from "../../db/client";
import { claimImportJob, finishImportJob, getImportJob, recordImportChunk } from "../../db/queries/imports";
import type { EventInput } from "../ingest/schemas";
import { CsvReadError, openCsvRecords, type CsvDelimiter } from "./csv-file-reader";
import { alignCells, isBlankRow, normalizeHeaders } from "./csv-headers";
import { importFilePath, removeImportFile } from "./import-files";
import { createRowMapper } from "./row-mapping";
import { requestContactRefresh } from "../ingest/refresh-jobs";
import { writeImportChunk, type PreparedRow } from "./write-import-chunk";
import type { ImportKind } from "./import-fields";

/** Rows written per ingest call and per progress update. */
export const IMPORT_CHUNK_ROWS = 500;
/** A mapping this wrong stops the job instead of filling the failed-rows report with a whole file. */
const GIVE_UP_AFTER_FAILED_ROWS = 1000;

/**
 * The embedded database (PGlite) runs each statement on this thread, and its promises resolve
 * without giving the event loop a turn, so an import would hold every other request (its own
 * progress polls included) for its whole duration. After each chunk it pauses for half the
 * chunk's time: the import takes about 1.5× as long and the app stays usable. PostgreSQL runs
 * in its own process; there a plain turn of the event loop is enough.
 */
async function yieldToRequests(embedded: boolean, chunkMs: number) {
  if (embedded) await new Promise((resolve) => setTimeout(resolve, Math.min(1000, Math.max(20, chunkMs / 2))));
  else await new Promise((resolve) => setImmediate(resolve));
}

/**
 * About how many bytes a record took in the file (cells, delimiters, quotes, line break). The
 * parser reads ahead of the rows being written, so the bytes it has read would show 100% while
 * the last chunks are still being imported; this follows the rows actually done.
 */
export function recordBytes(cells: string[]): number {
  // A CRLF line break, and one delimiter fewer than cells.
  let bytes = 1;
  for (const cell of cells) {
    bytes += Buffer.byteLength(cell) + 1;
    if (/[",;\t|\r\n]/.test(cell)) bytes += 2 + (cell.match(/"/g)?.length ?? 0);
  }
  return bytes;
}

/**
 * The id of an event that has none in the file: a hash of what the event is, so importing the
 * same file again finds the same ids and stores nothing twice.
 */
export function deterministicEventId(event: EventInput): string {
  const properties = Object.fromEntries(Object.entries(event.properties ?? {}).sort(([a], [b]) => a.localeCompare(b)));
  const identity = JSON.stringify([event.type, event.email ?? null, event.contactId ?? null, event.occurredAt.toISOString(), properties]);
  return `csv-${createHash("sha256").update(identity).digest("hex").slice(0, 40)}`;
}

/**
 * Imports one queued job's file: streams its records, maps and validates each row with the API's
 * schemas, writes chunks through lib/ingest, and records progress and failed rows after each
 * chunk. The file is removed at the end, whatever the outcome; the failed rows stay in the database.
 */
export async function runImportJob({ jobId, runnerId }: { jobId: string; runnerId: string }): Promise<void> {
  if (!(await claimImportJob({ id: jobId, runnerId }))) return;
  const job = (await getImportJob({ id: jobId }))!;
  const handle = await getDatabaseHandle();
  const db = handle.db;
  const reader = openCsvRecords(importFilePath(jobId), job.delimiter as CsvDelimiter);
  const mapRow = createRowMapper({
    kind: job.kind,
    headers: job.headers,
    mapping: job.mapping,
    dateFormat: job.dateFormat,
    eventId: deterministicEventId,
  });
  const actor = { type: "import" as const, userId: job.createdBy ?? undefined };

  let rowNumber = 0;
  let bytesDone = 0;
  let headerSeen = false;
  let rowsDone = 0;
  let succeeded = 0;
  let batch: (PreparedRow<ImportKind> & { bytes: number })[] = [];

  async function flush() {
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    const started = performance.now();
    const outcome = await writeImportChunk({ db, kind: job.kind, rows, actor });
    rowsDone += rows.length;
    succeeded += rows.length - outcome.counts.failed;
    bytesDone += rows.reduce((n, r) => n + r.bytes, 0);
    // Never 100% before the job has finished: that is for `finishImportJob` to say.
    const processedBytes = Math.min(bytesDone, reader.bytesRead(), job.totalBytes - 1);
    await recordImportChunk({ id: jobId, processedBytes, rows: rows.length, counts: outcome.counts, failures: outcome.failures });
    // Imported events queue their contacts for a refresh, as the API's do; ask for it now rather
    // than at the next minute.
    if (outcome.counts.stored > 0) await requestContactRefresh();
    await yieldToRequests(handle.kind === "pglite", performance.now() - started);
    if (succeeded === 0 && rowsDone >= GIVE_UP_AFTER_FAILED_ROWS) {
      throw new CsvReadError(
        `Stopped after the first ${rowsDone.toLocaleString("en")} rows all failed: the column mapping probably does not fit this file. Download the failed rows to see why.`,
      );
    }
  }

  try {
    for await (const record of reader.records) {
      rowNumber++;
      if (isBlankRow(record) || !headerSeen) bytesDone += recordBytes(record);
      if (!headerSeen) {
        if (isBlankRow(record)) continue;
        headerSeen = true;
        const headers = normalizeHeaders(record);
        if (headers.join("\u0000") !== job.headers.join("\u0000")) throw new CsvReadError("The file's header row changed after it was uploaded.");
        continue;
      }
      if (isBlankRow(record)) continue;
      const aligned = alignCells(record, job.headers.length);
      batch.push({
        rowNumber,
        cells: record,
        bytes: recordBytes(record),
        result: "error" in aligned ? { ok: false, error: aligned.error } : mapRow(aligned.cells),
      });
      if (batch.length >= IMPORT_CHUNK_ROWS) await flush();
    }
    await flush();
    await finishImportJob({ id: jobId, status: "completed", processedBytes: job.totalBytes });
  } catch (error) {
    if (!(error instanceof CsvReadError)) console.error(`import ${jobId} failed`, error);
    const message = error instanceof CsvReadError ? error.message : "The import stopped on an unexpected error. Rows imported so far are kept; importing the file again is safe.";
    await finishImportJob({ id: jobId, status: "failed", error: message });
  } finally {
    await removeImportFile(jobId).catch(() => {});
  }
}

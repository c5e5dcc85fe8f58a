import type { ImportJob, ImportKind, ImportStatus } from "../../db/schema/imports";

/** What the browser sees of an import job (the route handlers' JSON and the react-query hooks' type). */
export type ImportCounts = {
  created: number;
  updated: number;
  stored: number;
  duplicates: number;
  changed: number;
  unchanged: number;
  failed: number;
};

export type ImportJobView = {
  id: string;
  kind: ImportKind;
  fileName: string;
  status: ImportStatus;
  error: string | null;
  totalBytes: number;
  processedBytes: number;
  rowsProcessed: number;
  counts: ImportCounts;
  createdByName: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  failedRowsUrl: string | null;
};

export const EMPTY_COUNTS: ImportCounts = { created: 0, updated: 0, stored: 0, duplicates: 0, changed: 0, unchanged: 0, failed: 0 };

export function countsOf(job: ImportJob): ImportCounts {
  return {
    created: job.createdCount,
    updated: job.updatedCount,
    stored: job.storedCount,
    duplicates: job.duplicateCount,
    changed: job.changedCount,
    unchanged: job.unchangedCount,
    failed: job.failedCount,
  };
}

export function toImportJobView(job: ImportJob & { createdByName?: string | null }): ImportJobView {
  return {
    id: job.id,
    kind: job.kind,
    fileName: job.fileName,
    status: job.status,
    error: job.error,
    totalBytes: job.totalBytes,
    processedBytes: job.processedBytes,
    rowsProcessed: job.rowsProcessed,
    counts: countsOf(job),
    createdByName: job.createdByName ?? null,
    createdAt: job.createdAt.toISOString(),
    startedAt: job.startedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
    failedRowsUrl: job.failedCount > 0 ? `/api/imports/${job.id}/failed-rows` : null,
  };
}

export function isImportActive(status: ImportStatus): boolean {
  return status === "queued" || status === "running";
}

/** Which counts a summary shows for each kind, in the words of that kind. */
export const SUMMARY_COUNTS: Record<ImportKind, { key: keyof ImportCounts; label: string }[]> = {
  contacts: [
    { key: "created", label: "Created" },
    { key: "updated", label: "Updated" },
    { key: "failed", label: "Failed rows" },
  ],
  events: [
    { key: "stored", label: "Stored" },
    { key: "duplicates", label: "Duplicates" },
    { key: "failed", label: "Failed rows" },
  ],
  stage_changes: [
    { key: "changed", label: "Stage changes" },
    { key: "unchanged", label: "Unchanged" },
    { key: "failed", label: "Failed rows" },
  ],
};

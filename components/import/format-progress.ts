import type { ImportJobView } from "@/lib/import/import-job-view";

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
  return `${(bytes / 1024 / 1024 / 1024).toFixed(1)} GB`;
}

/** "45 s", "3 min 20 s". */
export function formatSeconds(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  return s % 60 ? `${m} min ${s % 60} s` : `${m} min`;
}

/** How far a job is: share of bytes read, rows per second and the time left at that pace. */
export function jobProgress(job: ImportJobView, now = Date.now()) {
  const percent = job.totalBytes > 0 ? Math.min(100, (job.processedBytes / job.totalBytes) * 100) : 0;
  const started = job.startedAt ? new Date(job.startedAt).getTime() : null;
  const ended = job.finishedAt ? new Date(job.finishedAt).getTime() : now;
  const elapsed = started ? Math.max(0.001, (ended - started) / 1000) : null;
  const rowsPerSecond = elapsed && job.rowsProcessed > 0 ? job.rowsProcessed / elapsed : null;
  const bytesPerSecond = elapsed && job.processedBytes > 0 ? job.processedBytes / elapsed : null;
  const secondsLeft = bytesPerSecond ? (job.totalBytes - job.processedBytes) / bytesPerSecond : null;
  return { percent, elapsed, rowsPerSecond, secondsLeft };
}

"use client";
import { useQueryClient } from "@tanstack/react-query";
import { Download, FileX, Loader2, RotateCcw, TriangleAlert } from "lucide-react";
import Link from "next/link";
import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Progress } from "@/components/ui/progress";
import { Skeleton } from "@/components/ui/skeleton";
import { IMPORT_KIND_LABELS } from "@/lib/import/import-fields";
import { isImportActive, SUMMARY_COUNTS, type ImportJobView } from "@/lib/import/import-job-view";
import { formatCount, relativeTime } from "@/lib/format";
import { cn } from "@/lib/utils";
import { formatBytes, formatSeconds, jobProgress } from "./format-progress";
import { ImportStatusBadge } from "./import-status-badge";
import { useImportJobQuery } from "./use-import-queries";

function progressLine(job: ImportJobView): string {
  const { rowsPerSecond, secondsLeft, elapsed } = jobProgress(job);
  const rows = `${formatCount(job.rowsProcessed)} ${job.rowsProcessed === 1 ? "row" : "rows"}`;
  const rate = rowsPerSecond ? `${formatCount(Math.round(rowsPerSecond))} rows/s` : null;
  if (job.status === "queued") return "Waiting for the import before it to finish…";
  if (job.status === "running") {
    if (job.rowsProcessed === 0) return "Reading the file…";
    const left = secondsLeft !== null && secondsLeft >= 1 ? `about ${formatSeconds(secondsLeft)} left` : null;
    return [`${formatBytes(job.processedBytes)} of ${formatBytes(job.totalBytes)}`, rows, rate, left].filter(Boolean).join(" · ");
  }
  if (job.status === "completed") return [`${rows} in ${formatSeconds(elapsed ?? 0)}`, rate].filter(Boolean).join(" · ");
  return `Stopped after ${rows} (${formatBytes(job.processedBytes)} of ${formatBytes(job.totalBytes)}).`;
}

function Counts({ job }: { job: ImportJobView }) {
  return (
    <dl className="grid grid-cols-3 gap-3">
      {SUMMARY_COUNTS[job.kind].map(({ key, label }) => (
        <div key={key} className="rounded-lg border bg-muted/30 px-4 py-3" data-testid={`import-count-${key}`}>
          <dt className="text-xs font-medium uppercase tracking-wide text-muted-foreground">{label}</dt>
          <dd className={cn("mt-1 text-2xl font-semibold tabular-nums", key === "failed" && job.counts.failed > 0 && "text-destructive")}>
            {formatCount(job.counts[key])}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** One import: a live progress bar while it runs, then its summary and the failed-rows report. */
export function ImportJobPanel({ jobId }: { jobId: string }) {
  const query = useImportJobQuery(jobId);
  const queryClient = useQueryClient();
  const status = query.data?.status;
  // The list of recent imports shows this job too: refresh it the moment the job ends.
  useEffect(() => {
    if (status && !isImportActive(status)) void queryClient.invalidateQueries({ queryKey: ["imports"] });
  }, [status, queryClient]);

  if (query.isPending) {
    return (
      <Card aria-busy="true">
        <CardHeader>
          <Skeleton className="h-5 w-64" />
          <Skeleton className="mt-1 h-4 w-48" />
        </CardHeader>
        <CardContent className="space-y-4">
          <Skeleton className="h-2.5 w-full" />
          <Skeleton className="h-20 w-full" />
        </CardContent>
      </Card>
    );
  }
  if (query.isError) {
    return (
      <Card>
        <EmptyState icon={FileX} title="This import could not be loaded">
          <p>{query.error.message}</p>
          <div className="mt-3 flex justify-center gap-2">
            <Button variant="outline" size="sm" onClick={() => query.refetch()}>
              <RotateCcw /> Try again
            </Button>
            <Button asChild variant="ghost" size="sm">
              <Link href="/import">New import</Link>
            </Button>
          </div>
        </EmptyState>
      </Card>
    );
  }

  const job = query.data;
  const active = isImportActive(job.status);
  const { percent } = jobProgress(job);
  return (
    <Card>
      <CardHeader className="flex-row items-start justify-between gap-4">
        <div className="min-w-0">
          <CardTitle className="truncate text-base">{job.fileName}</CardTitle>
          <CardDescription>
            {IMPORT_KIND_LABELS[job.kind].title} import{job.createdByName ? ` by ${job.createdByName}` : ""} · {formatBytes(job.totalBytes)} · started{" "}
            {relativeTime(job.createdAt)}
          </CardDescription>
        </div>
        <ImportStatusBadge status={job.status} />
      </CardHeader>
      <CardContent className="space-y-5">
        <div className="space-y-2">
          <Progress value={Math.floor(percent)} aria-label="Import progress" />
          <p className="flex items-center gap-2 text-sm tabular-nums text-muted-foreground" aria-live="polite">
            {active ? <Loader2 className="size-3.5 animate-spin" aria-hidden /> : null}
            {progressLine(job)}
          </p>
        </div>
        {job.error ? (
          <div role="alert" className="flex items-start gap-2 rounded-md border border-destructive/30 bg-destructive/5 px-3 py-2 text-sm text-destructive">
            <TriangleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
            <p>{job.error}</p>
          </div>
        ) : null}
        <Counts job={job} />
        {!active ? (
          <div className="flex flex-wrap items-center gap-3">
            {job.failedRowsUrl ? (
              <Button asChild variant="outline">
                <a href={job.failedRowsUrl} download>
                  <Download /> Download failed rows ({formatCount(job.counts.failed)})
                </a>
              </Button>
            ) : job.status === "completed" ? (
              <p className="text-sm text-muted-foreground">Every row was imported.</p>
            ) : null}
            <Button asChild variant={job.failedRowsUrl ? "ghost" : "outline"} className="ml-auto">
              <Link href="/import">Import another file</Link>
            </Button>
          </div>
        ) : null}
      </CardContent>
    </Card>
  );
}

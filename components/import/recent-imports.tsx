"use client";
import { Download, History, RotateCcw } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { IMPORT_KIND_LABELS } from "@/lib/import/import-fields";
import { SUMMARY_COUNTS, type ImportJobView } from "@/lib/import/import-job-view";
import { formatCount, relativeTime } from "@/lib/format";
import { ImportStatusBadge } from "./import-status-badge";
import { useRecentImportsQuery } from "./use-import-queries";

function summary(job: ImportJobView): string {
  return SUMMARY_COUNTS[job.kind]
    .filter(({ key }) => key !== "failed")
    .map(({ key, label }) => `${formatCount(job.counts[key])} ${label.toLowerCase()}`)
    .join(" · ");
}

/** The latest imports with their outcome, so a team sees what was loaded, when and by whom. */
export function RecentImports({ currentJobId }: { currentJobId?: string }) {
  const query = useRecentImportsQuery();
  return (
    <Card className="overflow-hidden">
      <CardHeader>
        <CardTitle>Recent imports</CardTitle>
      </CardHeader>
      {query.isPending ? (
        <div className="space-y-2 px-5 pb-5" aria-busy="true" aria-label="Loading recent imports">
          {Array.from({ length: 3 }, (_, i) => (
            <Skeleton key={i} className="h-9 w-full" />
          ))}
        </div>
      ) : query.isError ? (
        <EmptyState icon={History} title="Recent imports could not be loaded">
          <p>{query.error.message}</p>
          <Button variant="outline" size="sm" className="mt-3" onClick={() => query.refetch()}>
            <RotateCcw /> Try again
          </Button>
        </EmptyState>
      ) : query.data.length === 0 ? (
        <EmptyState icon={History} title="No imports yet">
          Imports you and your team run appear here, with what they created and the rows that failed.
        </EmptyState>
      ) : (
        <Table>
          <TableHeader>
            <TableRow className="hover:bg-transparent">
              <TableHead>File</TableHead>
              <TableHead>Kind</TableHead>
              <TableHead>Status</TableHead>
              <TableHead className="text-right">Rows</TableHead>
              <TableHead>Result</TableHead>
              <TableHead className="text-right">Failed</TableHead>
              <TableHead>By</TableHead>
              <TableHead>When</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {query.data.map((job) => (
              <TableRow key={job.id} aria-current={job.id === currentJobId ? "true" : undefined} className={job.id === currentJobId ? "bg-accent/40" : undefined}>
                <TableCell className="max-w-64 truncate font-medium">
                  <Link href={`/import?job=${job.id}`} className="hover:underline" title={job.fileName}>
                    {job.fileName}
                  </Link>
                </TableCell>
                <TableCell className="whitespace-nowrap text-muted-foreground">{IMPORT_KIND_LABELS[job.kind].title}</TableCell>
                <TableCell>
                  <ImportStatusBadge status={job.status} />
                </TableCell>
                <TableCell className="text-right tabular-nums">{formatCount(job.rowsProcessed)}</TableCell>
                <TableCell className="whitespace-nowrap text-muted-foreground">{summary(job)}</TableCell>
                <TableCell className="text-right tabular-nums">
                  {job.failedRowsUrl ? (
                    <a href={job.failedRowsUrl} download className="inline-flex items-center gap-1 text-destructive hover:underline" title="Download the failed rows">
                      {formatCount(job.counts.failed)} <Download className="size-3.5" aria-hidden />
                    </a>
                  ) : (
                    <span className="text-muted-foreground">0</span>
                  )}
                </TableCell>
                <TableCell className="whitespace-nowrap text-muted-foreground">{job.createdByName ?? "—"}</TableCell>
                <TableCell className="whitespace-nowrap text-muted-foreground">{relativeTime(job.createdAt)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Card>
  );
}

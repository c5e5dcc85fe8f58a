"use client";
import { RefreshCw, Target } from "lucide-react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";

export function ChartSkeleton({ label }: { label: string }) {
  return (
    <div className="space-y-3 p-5" role="status" aria-label={label}>
      <Skeleton className="h-16 w-full" />
      <Skeleton className="h-56 w-full" />
      <Skeleton className="h-48 w-full" />
    </div>
  );
}

export function QueryError({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <div role="alert" className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-destructive/30 bg-destructive/5 p-4 text-sm">
      <span>{message}</span>
      <Button type="button" variant="outline" size="sm" onClick={onRetry}>
        <RefreshCw /> Try again
      </Button>
    </div>
  );
}

export function NoMqls({ segment }: { segment: string | null }) {
  return (
    <EmptyState icon={Target} title={`No MQLs${segment ? ` in ${segment}` : ""} in this range`}>
      Widen the date range{segment ? " or choose all regions" : ""}: the sweep needs MQLs whose outcomes are known.
    </EmptyState>
  );
}

import { Skeleton } from "@/components/ui/skeleton";

/** While the funnel loads: its controls, the stage chart and the sections below, so nothing jumps. */
export default function FunnelLoading() {
  return (
    <div aria-busy="true" aria-label="Loading the funnel">
      <div className="border-b bg-card px-6 py-4 lg:px-8">
        <Skeleton className="h-6 w-24" />
        <Skeleton className="mt-2 h-4 w-[30rem] max-w-full" />
        <div className="mt-4 flex flex-wrap gap-3">
          <Skeleton className="h-9 w-80" />
          <Skeleton className="h-9 w-96" />
          <Skeleton className="h-9 w-44" />
        </div>
      </div>
      <div className="space-y-4 p-4 lg:p-6">
        {[64, 72, 56].map((h, i) => (
          <div key={i} className="space-y-3 rounded-lg border bg-card p-5">
            <Skeleton className="h-4 w-48" />
            <Skeleton className="h-4 w-[28rem] max-w-full" />
            <Skeleton className="w-full" style={{ height: h * 4 }} />
          </div>
        ))}
      </div>
    </div>
  );
}

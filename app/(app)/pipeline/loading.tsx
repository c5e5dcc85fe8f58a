import { Skeleton } from "@/components/ui/skeleton";

/** While the pipeline loads: the shape of the page, so nothing jumps when it arrives. */
export default function PipelineLoading() {
  return (
    <div aria-busy="true" aria-label="Loading the pipeline">
      <div className="border-b bg-card px-6 py-4 lg:px-8">
        <Skeleton className="h-6 w-40" />
        <Skeleton className="mt-2 h-4 w-96" />
      </div>
      <div className="space-y-6 p-4 lg:p-6">
        <div className="grid gap-3 lg:grid-cols-2">
          {[0, 1].map((i) => (
            <Skeleton key={i} className="h-56 rounded-lg" />
          ))}
        </div>
        <div className="grid gap-4 xl:grid-cols-3">
          {[0, 1, 2].map((i) => (
            <div key={i} className="space-y-2 rounded-xl border bg-muted/40 p-2">
              <Skeleton className="h-5 w-24" />
              {[0, 1, 2].map((j) => (
                <Skeleton key={j} className="h-24 rounded-lg bg-card" />
              ))}
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}

import { Skeleton } from "@/components/ui/skeleton";

/** While the team view loads: its tiles and table, so nothing jumps when it arrives. */
export default function TeamLoading() {
  return (
    <div aria-busy="true" aria-label="Loading the team">
      <div className="border-b bg-card px-6 py-4 lg:px-8">
        <Skeleton className="h-6 w-24" />
        <Skeleton className="mt-2 h-4 w-[28rem]" />
      </div>
      <div className="space-y-4 p-4 lg:p-6">
        <div className="grid gap-3 sm:grid-cols-2 xl:grid-cols-4">
          {[0, 1, 2, 3].map((i) => (
            <Skeleton key={i} className="h-24 rounded-lg" />
          ))}
        </div>
        <div className="space-y-2 rounded-lg border bg-card p-3">
          {Array.from({ length: 8 }, (_, i) => (
            <Skeleton key={i} className="h-10" />
          ))}
        </div>
      </div>
    </div>
  );
}

"use client";
import { usePathname, useRouter } from "next/navigation";
import { NativeSelect } from "@/components/ui/select";
import type { SalesRep } from "@/db/queries/pipeline";

/** Admins: one sales rep's pipeline, or everyone's; kept in the URL (`?rep=`). */
export function PipelineRepFilter({ reps, value }: { reps: SalesRep[]; value: string | undefined }) {
  const router = useRouter();
  const pathname = usePathname();
  return (
    <NativeSelect
      aria-label="Sales rep"
      value={value ?? ""}
      onChange={(e) => router.replace(e.target.value ? `${pathname}?rep=${e.target.value}` : pathname, { scroll: false })}
      className="w-56"
    >
      <option value="">Every sales rep</option>
      {reps.map((r) => (
        <option key={r.id} value={r.id}>
          {r.name} ({r.openPipeline} open)
        </option>
      ))}
    </NativeSelect>
  );
}

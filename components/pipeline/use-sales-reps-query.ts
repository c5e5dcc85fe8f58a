"use client";
import { useQuery } from "@tanstack/react-query";
import type { SalesRep } from "@/db/queries/pipeline";

/** The sales reps an SQL can be handed to (GET /api/sales-reps), fetched when a form needs them. */
export function useSalesRepsQuery(enabled: boolean) {
  return useQuery({
    queryKey: ["sales-reps"],
    queryFn: async (): Promise<SalesRep[]> => {
      const res = await fetch("/api/sales-reps", { headers: { accept: "application/json" } });
      const body = await res.json().catch(() => null);
      if (!res.ok) throw new Error(body?.error?.message ?? `The server answered ${res.status}`);
      return body.reps as SalesRep[];
    },
    enabled,
    staleTime: 60_000,
  });
}

"use client";
import { useQuery } from "@tanstack/react-query";
import type { ColumnMapping, ImportDateFormat } from "@/db/schema/imports";
import type { ImportKind } from "@/lib/import/import-fields";
import { isImportActive, type ImportJobView } from "@/lib/import/import-job-view";

/** How often a running import is polled: often enough for a bar that moves, cheap on the server. */
const POLL_MS = 750;

async function getJson<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, init);
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new Error(body?.error?.message ?? `The request failed (${res.status}).`);
  return body as T;
}

export function useImportJobQuery(jobId: string) {
  return useQuery({
    queryKey: ["import", { jobId }],
    queryFn: () => getJson<{ import: ImportJobView }>(`/api/imports/${jobId}`).then((b) => b.import),
    staleTime: 0,
    refetchInterval: (query) => (query.state.data && !isImportActive(query.state.data.status) ? false : POLL_MS),
  });
}

export function useRecentImportsQuery() {
  return useQuery({
    queryKey: ["imports", { limit: 10 }],
    queryFn: () => getJson<{ imports: ImportJobView[] }>("/api/imports?limit=10").then((b) => b.imports),
    staleTime: 0,
    refetchInterval: (query) => (query.state.data?.some((j) => isImportActive(j.status)) ? 2_000 : false),
  });
}

export type SavedMappingView = { mapping: ColumnMapping; dateFormat: ImportDateFormat; savedAt: string };

export function useSavedMappingQuery({ kind, headers }: { kind: ImportKind; headers: string[] | undefined }) {
  return useQuery({
    queryKey: ["import-saved-mapping", { kind, headers }],
    queryFn: () =>
      getJson<{ saved: SavedMappingView | null }>("/api/imports/saved-mapping", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ kind, headers }),
      }).then((b) => b.saved),
    enabled: !!headers?.length,
    staleTime: Infinity,
  });
}

"use client";
import { useQuery } from "@tanstack/react-query";
import type { LeadDetail } from "@/db/queries/lead-detail";
import type { QueueRow } from "@/db/queries/queue-list";

/** Dates arrive as ISO text over JSON. */
type Json<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };
export type QueueItem = Json<QueueRow>;
export type QueueResponse = { rows: QueueItem[]; nextCursor: string | null; counts: { open: number; overdue: number }; now: string };
export type LeadDetailJson = Omit<LeadDetail, "record"> & {
  record: Json<LeadDetail["record"]>;
  /** For admins: the reps the lead can be reassigned to. */
  reps: { id: string; name: string; role: string }[];
};

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { headers: { accept: "application/json" } });
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new Error(body?.error?.message ?? `The server answered ${res.status}`);
  return body as T;
}

/** The queue page at these URL parameters, polled so new MQLs appear without a reload. */
export function useQueueQuery(params: string, initialData?: QueueResponse) {
  return useQuery({
    queryKey: ["queue", params],
    queryFn: () => getJson<QueueResponse>(`/api/queue?${params}`),
    initialData,
    refetchInterval: 10_000,
    refetchOnWindowFocus: true,
  });
}

export function useLeadQuery(id: string | null) {
  return useQuery({
    queryKey: ["lead", id],
    queryFn: () => getJson<LeadDetailJson>(`/api/queue/leads/${id}`),
    enabled: Boolean(id),
  });
}

"use client";
import { useInfiniteQuery } from "@tanstack/react-query";

export type TimelineEvent = {
  id: number;
  type: string;
  category: string;
  description: string;
  occurredAt: string;
  source: string;
  actorName: string | null;
  properties: Record<string, unknown>;
};

type TimelinePage = { events: TimelineEvent[]; nextCursor: string | null };

async function fetchTimelinePage(contactId: string, categories: string[], cursor: string | null): Promise<TimelinePage> {
  const params = new URLSearchParams();
  if (cursor) params.set("cursor", cursor);
  if (categories.length) params.set("categories", categories.join(","));
  const res = await fetch(`/api/contacts/${contactId}/timeline?${params}`);
  if (!res.ok) {
    const body = await res.json().catch(() => null);
    throw new Error(body?.error?.message ?? `The timeline could not be loaded (${res.status}).`);
  }
  return res.json();
}

export function useTimelineQuery({ contactId, categories }: { contactId: string; categories: string[] }) {
  return useInfiniteQuery({
    queryKey: ["timeline", { contactId, categories }],
    queryFn: ({ pageParam }) => fetchTimelinePage(contactId, categories, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

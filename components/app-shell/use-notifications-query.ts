"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

export type BellItem = {
  id: string;
  kind: string;
  title: string;
  body: string | null;
  href: string | null;
  createdAt: string;
  readAt: string | null;
};

export type BellData = { unread: number; items: BellItem[] };

/** Every 15 s, so a newly assigned MQL reaches the bell without a reload. */
export const BELL_POLL_MS = 15_000;

const bellKey = ["notifications"] as const;

async function readJson<T>(res: Response, what: string): Promise<T> {
  if (!res.ok) {
    const body = await res.json().catch(() => null);
    throw new Error(body?.error?.message ?? `${what} could not be loaded (${res.status}).`);
  }
  return res.json();
}

export function useNotificationsQuery() {
  return useQuery({
    queryKey: bellKey,
    queryFn: async () => readJson<BellData>(await fetch("/api/notifications"), "Notifications"),
    refetchInterval: BELL_POLL_MS,
    refetchOnWindowFocus: true,
    staleTime: 5_000,
  });
}

type MarkRead = { ids: string[] } | { all: true };

/** Marks notifications read, showing it at once and putting it back if the server refuses. */
export function useMarkNotificationsRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: MarkRead) =>
      readJson<{ marked: number; unread: number }>(
        await fetch("/api/notifications/read", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
        "The notification",
      ),
    onMutate: async (body) => {
      await client.cancelQueries({ queryKey: bellKey });
      const previous = client.getQueryData<BellData>(bellKey);
      if (previous) {
        const now = new Date().toISOString();
        const marks = (n: BellItem) => !n.readAt && ("all" in body || body.ids.includes(n.id));
        const newlyRead = previous.items.filter(marks).length;
        client.setQueryData<BellData>(bellKey, {
          unread: "all" in body ? 0 : Math.max(0, previous.unread - newlyRead),
          items: previous.items.map((n) => (marks(n) ? { ...n, readAt: now } : n)),
        });
      }
      return { previous };
    },
    onError: (_error, _body, context) => {
      if (context?.previous) client.setQueryData(bellKey, context.previous);
    },
    onSettled: () => client.invalidateQueries({ queryKey: bellKey }),
  });
}

"use client";
import { useQuery } from "@tanstack/react-query";

export type WebhookDeliveryRow = {
  id: number;
  eventType: string;
  eventId: string;
  status: "pending" | "succeeded" | "failed";
  attempts: number;
  responseStatus: number | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
  nextAttemptAt: string | null;
};

export const webhookDeliveriesQueryKey = (webhookId: string) => ["webhook-deliveries", { webhookId }] as const;

async function fetchDeliveries(webhookId: string): Promise<WebhookDeliveryRow[]> {
  const res = await fetch(`/api/webhooks/${webhookId}/deliveries`, { cache: "no-store" });
  if (!res.ok) {
    const body = await res.json().catch(() => null);
    throw new Error(body?.error?.message ?? `The deliveries could not be loaded (${res.status}).`);
  }
  return (await res.json()).deliveries;
}

/** The latest 50 deliveries; polls every 2 s while any is still pending, so a test ping is seen landing. */
export function useWebhookDeliveriesQuery(webhookId: string) {
  return useQuery({
    queryKey: webhookDeliveriesQueryKey(webhookId),
    queryFn: () => fetchDeliveries(webhookId),
    staleTime: 0,
    refetchInterval: (query) => (query.state.data?.some((d) => d.status === "pending") ? 2000 : 30_000),
  });
}

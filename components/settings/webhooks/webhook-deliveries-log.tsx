"use client";
import { AlertTriangle, Inbox, RefreshCw } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { RelativeTime } from "@/components/ui/relative-time";
import { cn } from "@/lib/utils";
import { DeliveryStatusBadge } from "./delivery-status-badge";
import { useWebhookDeliveriesQuery, type WebhookDeliveryRow } from "./use-webhook-deliveries-query";

export function WebhookDeliveriesLog({ webhookId }: { webhookId: string }) {
  const query = useWebhookDeliveriesQuery(webhookId);
  useRefreshWhenDeliveriesSettle(query.data);

  if (query.isPending) {
    return (
      <div className="space-y-2 px-5 pb-5" aria-busy="true" aria-label="Loading deliveries">
        {Array.from({ length: 4 }, (_, i) => (
          <Skeleton key={i} className="h-9 w-full" />
        ))}
      </div>
    );
  }
  if (query.isError) {
    return (
      <EmptyState icon={AlertTriangle} title="The deliveries could not be loaded">
        <p>{query.error.message}</p>
        <Button variant="outline" size="sm" className="mt-3" onClick={() => void query.refetch()}>
          <RefreshCw />
          Try again
        </Button>
      </EmptyState>
    );
  }
  if (query.data.length === 0) {
    return (
      <EmptyState icon={Inbox} title="No deliveries yet">
        Events this webhook subscribes to show up here as they are sent. Use “Send test” to try the endpoint now.
      </EmptyState>
    );
  }
  return (
    <Table>
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          <TableHead>Event</TableHead>
          <TableHead>Status</TableHead>
          <TableHead className="text-right">Attempts</TableHead>
          <TableHead className="text-right">Response</TableHead>
          <TableHead>Time</TableHead>
          <TableHead className="w-[40%]">Last error</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {query.data.map((d) => (
          <DeliveryRow key={d.id} delivery={d} />
        ))}
      </TableBody>
    </Table>
  );
}

function DeliveryRow({ delivery: d }: { delivery: WebhookDeliveryRow }) {
  const retrying = d.status === "pending" && d.attempts > 0;
  return (
    <TableRow>
      <TableCell>
        <span className="font-mono text-xs font-medium">{d.eventType}</span>
        <span className="block text-xs text-muted-foreground">#{d.id}</span>
      </TableCell>
      <TableCell>
        <DeliveryStatusBadge status={d.status} attempts={d.attempts} />
      </TableCell>
      <TableCell className="text-right tabular-nums">{d.attempts}</TableCell>
      <TableCell className="text-right">
        {d.responseStatus === null ? (
          <span className="text-muted-foreground">—</span>
        ) : (
          <span className={cn("font-mono text-xs font-medium", d.responseStatus < 300 ? "text-[oklch(0.42_0.12_155)]" : "text-destructive")}>{d.responseStatus}</span>
        )}
      </TableCell>
      <TableCell className="whitespace-nowrap text-muted-foreground">
        <RelativeTime date={d.createdAt} />
      </TableCell>
      <TableCell className="max-w-0">
        {d.lastError ? (
          <span className="block truncate font-mono text-xs text-muted-foreground" title={d.lastError}>
            {d.lastError}
          </span>
        ) : (
          <span className="text-muted-foreground">—</span>
        )}
        {retrying && d.nextAttemptAt ? <span className="block text-xs text-[oklch(0.45_0.11_65)]">Next attempt <RelativeTime date={d.nextAttemptAt} /></span> : null}
      </TableCell>
    </TableRow>
  );
}

/** The webhooks table above is server-rendered: refresh it when a delivery here settles, so its "last delivery" agrees. */
function useRefreshWhenDeliveriesSettle(deliveries: WebhookDeliveryRow[] | undefined) {
  const router = useRouter();
  const pendingBefore = useRef<number>(undefined);
  const pending = deliveries?.filter((d) => d.status === "pending").length;
  useEffect(() => {
    if (pending === undefined) return;
    if (pendingBefore.current !== undefined && pending < pendingBefore.current) router.refresh();
    pendingBefore.current = pending;
  }, [pending, router]);
}

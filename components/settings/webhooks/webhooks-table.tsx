import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { relativeTime, shortDate } from "@/lib/format";
import type { WebhookSummary } from "@/lib/webhooks/manage-webhooks";
import { cn } from "@/lib/utils";
import { DeliveryStatusBadge } from "./delivery-status-badge";
import { WebhookRowActions } from "./webhook-row-actions";

/** Selecting a row (its URL) shows that webhook's deliveries below; the choice lives in the URL. */
export function WebhooksTable({ webhooks, selectedId }: { webhooks: WebhookSummary[]; selectedId?: string }) {
  return (
    <Table>
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          <TableHead>Endpoint</TableHead>
          <TableHead>Events</TableHead>
          <TableHead>Status</TableHead>
          <TableHead>Last delivery</TableHead>
          <TableHead>Created</TableHead>
          <TableHead className="text-right">
            <span className="sr-only">Actions</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {webhooks.map((w) => {
          const selected = w.id === selectedId;
          return (
            <TableRow key={w.id} className={cn(selected && "bg-accent/60 hover:bg-accent/60", w.disabledAt && "text-muted-foreground")} aria-selected={selected}>
              <TableCell className="max-w-80">
                <Link
                  href={`?webhook=${w.id}`}
                  scroll={false}
                  className="block truncate font-mono text-xs font-medium text-foreground hover:text-primary hover:underline"
                  title={`${w.url} — show its deliveries`}
                  aria-current={selected ? "true" : undefined}
                >
                  {w.url}
                </Link>
                {w.description ? <span className="block truncate text-xs text-muted-foreground">{w.description}</span> : null}
              </TableCell>
              <TableCell>
                <div className="flex max-w-64 flex-wrap gap-1">
                  {w.eventTypes.map((t) => (
                    <Badge key={t} variant="outline" className="font-mono font-normal">
                      {t}
                    </Badge>
                  ))}
                </div>
              </TableCell>
              <TableCell>{w.disabledAt ? <Badge variant="secondary">Disabled</Badge> : <Badge variant="success">Active</Badge>}</TableCell>
              <TableCell className="whitespace-nowrap">
                {w.lastDelivery ? (
                  <span className="flex items-center gap-2">
                    <DeliveryStatusBadge status={w.lastDelivery.status} attempts={w.lastDelivery.attempts} />
                    <span className="text-xs text-muted-foreground">{relativeTime(w.lastDelivery.createdAt)}</span>
                  </span>
                ) : (
                  <span className="text-muted-foreground">Never</span>
                )}
              </TableCell>
              <TableCell className="whitespace-nowrap text-muted-foreground">{shortDate(w.createdAt)}</TableCell>
              <TableCell className="text-right">
                <WebhookRowActions id={w.id} url={w.url} enabled={!w.disabledAt} />
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

import { Badge } from "@/components/ui/badge";

/** A pending delivery that was tried already is retrying: that deserves a warning, not a spinner. */
export function DeliveryStatusBadge({ status, attempts }: { status: "pending" | "succeeded" | "failed"; attempts: number }) {
  if (status === "succeeded") return <Badge variant="success">Delivered</Badge>;
  if (status === "failed") return <Badge variant="destructive">Failed</Badge>;
  return attempts > 0 ? <Badge variant="warning">Retrying</Badge> : <Badge variant="secondary">Queued</Badge>;
}

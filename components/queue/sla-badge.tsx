import { formatDistanceStrict } from "date-fns";
import { Badge } from "@/components/ui/badge";

/** First-touch SLA: time left, or how long overdue; touched items show nothing. */
export function SlaBadge({ dueAt, touchedAt, now }: { dueAt: Date | null; touchedAt: Date | null; now: Date }) {
  if (touchedAt || !dueAt) return <span className="text-xs text-muted-foreground">Touched</span>;
  const overdue = dueAt.getTime() < now.getTime();
  const span = formatDistanceStrict(dueAt, now);
  return overdue ? <Badge variant="destructive">Overdue {span}</Badge> : <Badge variant="warning">Due in {span}</Badge>;
}

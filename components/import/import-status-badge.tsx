import { Badge } from "@/components/ui/badge";
import type { ImportStatus } from "@/db/schema/imports";

const STATUS: Record<ImportStatus, { label: string; variant: "secondary" | "default" | "success" | "destructive" | "warning" }> = {
  queued: { label: "Waiting", variant: "secondary" },
  running: { label: "Importing", variant: "default" },
  completed: { label: "Completed", variant: "success" },
  failed: { label: "Failed", variant: "destructive" },
  interrupted: { label: "Interrupted", variant: "warning" },
};

export function ImportStatusBadge({ status }: { status: ImportStatus }) {
  return <Badge variant={STATUS[status].variant}>{STATUS[status].label}</Badge>;
}

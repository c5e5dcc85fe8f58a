import { Badge } from "@/components/ui/badge";
import type { RepStatusKind } from "./routing-format";

const VARIANT: Record<RepStatusKind, "success" | "warning" | "secondary" | "destructive"> = {
  available: "success",
  at_cap: "warning",
  away: "warning",
  unavailable: "destructive",
  deactivated: "secondary",
};

/** The rep's status as routing sees it right now, with when they are back or how full they are. */
export function RepStatusBadge({ kind, label, detail }: { kind: RepStatusKind; label: string; detail?: string }) {
  return (
    <div className="flex flex-col items-start gap-0.5">
      <Badge variant={VARIANT[kind]}>{label}</Badge>
      {detail ? <span className="text-xs text-muted-foreground">{detail}</span> : null}
    </div>
  );
}

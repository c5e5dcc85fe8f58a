import { Badge } from "@/components/ui/badge";
import type { LifecycleStage } from "@/db/schema/enums";

export const STAGE_LABELS: Record<string, string> = {
  lead: "Lead",
  mql: "MQL",
  sal: "SAL",
  sql: "SQL",
  opportunity: "Opportunity",
  customer: "Customer",
  lost: "Lost",
  recycled: "Recycled",
  rejected: "Rejected",
};

const VARIANT: Record<string, "default" | "secondary" | "success" | "warning" | "destructive" | "outline"> = {
  lead: "secondary",
  mql: "default",
  sal: "default",
  sql: "warning",
  opportunity: "warning",
  customer: "success",
  lost: "destructive",
  recycled: "outline",
  rejected: "destructive",
};

export function StageBadge({ stage }: { stage: LifecycleStage | string }) {
  return <Badge variant={VARIANT[stage] ?? "secondary"}>{STAGE_LABELS[stage] ?? stage}</Badge>;
}

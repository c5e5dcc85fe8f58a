import { Badge } from "@/components/ui/badge";
import type { RoutingConditions } from "@/db/schema/routing";
import { cn } from "@/lib/utils";
import { conditionChips } from "./routing-format";

/** A rule's conditions as chips ("Region EMEA, APAC" · "Employees 200–1,000"), or "Any lead". */
export function ConditionChips({ conditions, className }: { conditions: RoutingConditions; className?: string }) {
  const chips = conditionChips(conditions);
  if (chips.length === 0) {
    return (
      <div className={cn("flex flex-wrap gap-1.5", className)}>
        <Badge variant="secondary" title="No conditions: this rule matches every lead that reaches it">
          Any lead
        </Badge>
      </div>
    );
  }
  return (
    <ul className={cn("flex flex-wrap gap-1.5", className)} aria-label="Conditions (all must match)">
      {chips.map((chip) => (
        <li key={chip.label}>
          <Badge variant="outline" className="max-w-72 gap-1.5 font-normal" title={chip.title}>
            <span className="text-muted-foreground">{chip.label}</span>
            <span className="truncate font-medium">{chip.value}</span>
          </Badge>
        </li>
      ))}
    </ul>
  );
}

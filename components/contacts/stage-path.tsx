import { Check } from "lucide-react";
import type { LifecycleStage } from "@/db/schema/enums";
import { cn } from "@/lib/utils";
import { STAGE_LABELS } from "./stage-badge";

const PATH: LifecycleStage[] = ["lead", "mql", "sal", "sql", "opportunity", "customer"];

/** The lifecycle as a path; lost and recycled are shown as where the path ended. */
export function StagePath({ stage }: { stage: LifecycleStage }) {
  const offPath = stage === "lost" || stage === "recycled";
  const current = offPath ? -1 : PATH.indexOf(stage);
  return (
    <div className="flex items-center gap-1" aria-label={`Lifecycle stage: ${STAGE_LABELS[stage]}`}>
      {PATH.map((s, i) => {
        const done = i < current;
        const here = i === current;
        return (
          <div
            key={s}
            className={cn(
              "flex h-7 flex-1 items-center justify-center gap-1 text-xs font-medium first:rounded-l-md last:rounded-r-md",
              here ? "bg-primary text-primary-foreground" : done ? "bg-primary/15 text-primary" : "bg-muted text-muted-foreground",
            )}
          >
            {done ? <Check className="size-3" aria-hidden /> : null}
            {STAGE_LABELS[s]}
          </div>
        );
      })}
      {offPath ? (
        <div
          className={cn(
            "ml-2 flex h-7 items-center rounded-md px-3 text-xs font-medium",
            stage === "lost" ? "bg-destructive/10 text-destructive" : "bg-warning/20 text-[oklch(0.45_0.11_65)]",
          )}
        >
          {STAGE_LABELS[stage]}
        </div>
      ) : null}
    </div>
  );
}

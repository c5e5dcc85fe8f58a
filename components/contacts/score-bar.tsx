import { cn } from "@/lib/utils";

/** A 0–100 score as a number and a thin bar; the tick marks the MQL threshold when given. */
export function ScoreBar({
  value,
  threshold,
  kind,
  className,
}: {
  value: number;
  threshold?: number;
  kind: "fit" | "engagement";
  className?: string;
}) {
  const v = Math.max(0, Math.min(100, value));
  const over = threshold !== undefined && v >= threshold;
  return (
    <div className={cn("flex items-center gap-2", className)} title={`${kind === "fit" ? "Fit" : "Engagement"} ${Math.round(v)} / 100`}>
      <span className="w-7 text-right text-sm tabular-nums font-medium">{Math.round(v)}</span>
      <div className="relative h-1.5 w-16 overflow-hidden rounded-full bg-muted">
        <div
          className={cn("h-full rounded-full", kind === "fit" ? "bg-primary" : "bg-[oklch(0.65_0.15_175)]", over ? "" : "opacity-60")}
          style={{ width: `${v}%` }}
        />
        {threshold !== undefined ? <div className="absolute top-0 h-full w-px bg-foreground/50" style={{ left: `${threshold}%` }} /> : null}
      </div>
    </div>
  );
}

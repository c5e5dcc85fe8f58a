"use client";
import { Lightbulb, TriangleAlert } from "lucide-react";
import { Button } from "@/components/ui/button";
import type { SweepPoint } from "@/lib/analytics/sweep-query";
import type { Recommendation } from "@/lib/calibration/recommend";
import { cn } from "@/lib/utils";
import { pointStatus, STATUS_LABEL } from "./point-status";

/** The recommendation as one sentence, how sure it is, and a button that moves the candidate there. */
export function RecommendationPanel<P extends SweepPoint>({
  recommendation,
  sentence,
  rule,
  onApply,
  applied,
  note,
}: {
  recommendation: Recommendation<P> | null;
  sentence: string | null;
  rule: string;
  onApply: () => void;
  applied: boolean;
  /** A caveat the rule cannot see, e.g. capacity left over that only unobserved thresholds would use. */
  note?: string | null;
}) {
  if (!recommendation) return null;
  const found = recommendation.point != null;
  const uncertain = found && ("uncertain" in recommendation && recommendation.uncertain);
  return (
    <div className={cn("flex flex-wrap items-start gap-3 rounded-lg border p-4", found ? "border-[oklch(0.85_0.06_165)] bg-[oklch(0.97_0.025_165)]" : "border-dashed bg-muted/40")} data-testid="recommendation">
      {found ? <Lightbulb className="mt-0.5 size-5 shrink-0 text-[oklch(0.5_0.13_165)]" /> : <TriangleAlert className="mt-0.5 size-5 shrink-0 text-muted-foreground" />}
      <div className="min-w-0 flex-1 space-y-1">
        <p className="text-xs font-medium uppercase tracking-wide text-muted-foreground">Recommended · {rule}</p>
        <p className="text-base font-semibold leading-snug" data-testid="recommendation-sentence">
          {found ? sentence : "why" in recommendation ? recommendation.why : null}
        </p>
        {found ? (
          <p className="text-xs text-muted-foreground">
            Backed by {recommendation.point!.backing.toLocaleString("en")} MQLs
            {recommendation.point!.explorationBacking ? `, ${recommendation.point!.explorationBacking.toLocaleString("en")} of them from the exploration sample` : ""}.{" "}
            {uncertain ? <strong className="text-[oklch(0.45_0.11_65)]">{STATUS_LABEL[pointStatus(recommendation.point)]} — treat it as a direction, not a number.</strong> : "The 95% interval is shown in brackets."}
          </p>
        ) : null}
        {found && note ? <p className="text-xs font-medium text-[oklch(0.45_0.11_65)]">{note}</p> : null}
      </div>
      {found ? (
        <Button type="button" variant="outline" size="sm" onClick={onApply} disabled={applied}>
          {applied ? "Showing it below" : "Show it below"}
        </Button>
      ) : null}
    </div>
  );
}

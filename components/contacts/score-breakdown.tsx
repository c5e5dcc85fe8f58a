import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { ScoreExplanation } from "@/lib/scoring/explain";
import type { RuleContribution } from "@/lib/scoring/score-types";
import { relativeTime } from "@/lib/format";
import { cn } from "@/lib/utils";

function Points({ value }: { value: number }) {
  const rounded = Math.round(value * 10) / 10;
  return (
    <span className={cn("tabular-nums font-medium", value < 0 ? "text-destructive" : "text-foreground")}>
      {rounded > 0 ? "+" : ""}
      {rounded}
    </span>
  );
}

function Gauge({ label, value, threshold }: { label: string; value: number; threshold: number }) {
  const over = value >= threshold;
  return (
    <div className="flex-1 rounded-md border p-3">
      <p className="text-xs font-medium text-muted-foreground">{label}</p>
      <p className="mt-1 text-2xl font-semibold tabular-nums" data-testid={`score-${label.toLowerCase()}`}>
        {Math.round(value)}
        <span className="text-sm font-normal text-muted-foreground"> / 100</span>
      </p>
      <div className="relative mt-2 h-1.5 rounded-full bg-muted">
        <div className={cn("h-full rounded-full", over ? "bg-primary" : "bg-primary/40")} style={{ width: `${Math.min(100, value)}%` }} />
        <div className="absolute -top-1 h-3.5 w-0.5 bg-foreground/60" style={{ left: `${threshold}%` }} />
      </div>
      <p className="mt-1.5 text-xs text-muted-foreground">MQL at {threshold}</p>
    </div>
  );
}

function ContributionList({ items, showEvents }: { items: RuleContribution[]; showEvents?: boolean }) {
  if (items.length === 0) return <p className="text-sm text-muted-foreground">No rule matches.</p>;
  return (
    <ul className="space-y-1.5">
      {[...items]
        .sort((a, b) => Math.abs(b.points) - Math.abs(a.points))
        .map((c) => (
          <li key={c.ruleId} className="flex items-baseline justify-between gap-3 text-sm">
            <span className="min-w-0">
              {c.label}
              {showEvents && c.events ? (
                <span className="text-xs text-muted-foreground">
                  {" "}
                  · {c.events.length} {c.events.length === 1 ? "event" : "events"}
                  {c.capped ? " · capped" : ""}
                </span>
              ) : null}
            </span>
            <Points value={c.points} />
          </li>
        ))}
    </ul>
  );
}

/** Why the contact has its scores: every rule and, for engagement, how many events after decay. */
export function ScoreBreakdown({
  explanation,
  modelVersion,
  scoredAt,
}: {
  explanation: ScoreExplanation;
  modelVersion?: number;
  scoredAt: Date | null;
}) {
  const { fit, engagement, thresholds } = explanation;
  return (
    <Card>
      <CardHeader className="flex-row items-center justify-between">
        <CardTitle>Scores</CardTitle>
        <span className="text-xs text-muted-foreground">
          {modelVersion ? `Model v${modelVersion}` : "No published model"}
          {scoredAt ? ` · stored ${relativeTime(scoredAt)}` : ""}
        </span>
      </CardHeader>
      <CardContent className="space-y-4">
        <div className="flex gap-3">
          <Gauge label="Fit" value={fit.score} threshold={thresholds.fit} />
          <Gauge label="Engagement" value={engagement.score} threshold={thresholds.engagement} />
        </div>
        {thresholds.segment ? (
          <p className="text-xs text-muted-foreground">Thresholds for the {thresholds.segment} segment apply.</p>
        ) : null}
        <details className="group" open>
          <summary className="cursor-pointer text-xs font-medium uppercase tracking-wide text-muted-foreground">Fit breakdown</summary>
          <div className="mt-2">
            <ContributionList items={fit.contributions} />
          </div>
        </details>
        <details className="group" open>
          <summary className="cursor-pointer text-xs font-medium uppercase tracking-wide text-muted-foreground">
            Engagement breakdown (after decay)
          </summary>
          <div className="mt-2">
            <ContributionList items={engagement.contributions} showEvents />
          </div>
        </details>
      </CardContent>
    </Card>
  );
}

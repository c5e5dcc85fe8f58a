"use client";
import { Badge } from "@/components/ui/badge";
import type { SweepPoint } from "@/lib/analytics/sweep-query";
import { cn } from "@/lib/utils";
import { pct, perMonth, pointStatus, rangeText, STATUS_LABEL } from "./point-status";

function change(now: number, then: number | null | undefined, format: (d: number) => string) {
  if (then == null) return null;
  const d = now - then;
  if (Math.abs(d) < 1e-9) return "same as in force";
  return `${d > 0 ? "+" : "−"}${format(Math.abs(d))} vs in force`;
}

/**
 * What the candidate threshold would have done, beside what the threshold in force did. Each
 * figure has a stable test id (`readout-*`) and the whole block is announced politely as it changes.
 */
export function ThresholdReadouts({ label, point, inForcePoint, capacity }: { label: string; point: SweepPoint | null; inForcePoint: SweepPoint | null; capacity: number }) {
  const status = pointStatus(point);
  const sure = status === "confident";
  return (
    <section aria-label={`What ${label} would have done`} aria-live="polite" className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <p className="text-sm font-medium" data-testid="readout-candidate">
          {label}
        </p>
        <Badge variant={sure ? "success" : "warning"} data-testid="readout-confidence">
          {STATUS_LABEL[status]}
        </Badge>
      </div>
      <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <Figure title="MQLs per month" testId="readout-mqls-per-month" value={point ? perMonth(point.mqlsPerMonth) : "—"} muted={!sure}>
          {point ? (
            <>
              {change(point.mqlsPerMonth, inForcePoint?.mqlsPerMonth, (d) => perMonth(d))}
              {capacity > 0 ? <span className={cn("block", point.mqlsPerMonth > capacity && "font-medium text-destructive")}>{point.mqlsPerMonth > capacity ? `over capacity (${perMonth(capacity)})` : `within capacity (${perMonth(capacity)})`}</span> : null}
            </>
          ) : null}
        </Figure>
        <Figure title="MQL→SQL" testId="readout-mql-to-sql" value={pct(point?.mqlToSqlRate?.value)} muted={!sure}>
          {point?.mqlToSqlRate ? (
            <>
              <span className="block">95%: {rangeText(point.mqlToSqlRate)}</span>
              {change(point.mqlToSqlRate.value, inForcePoint?.mqlToSqlRate?.value, (d) => `${(d * 100).toFixed(1)} pts`)}
            </>
          ) : null}
        </Figure>
        <Figure title="MQL→customer" testId="readout-mql-to-customer" value={pct(point?.mqlToCustomerRate?.value)} muted={!sure}>
          {point?.mqlToCustomerRate ? (
            <>
              <span className="block">95%: {rangeText(point.mqlToCustomerRate)}</span>
              {change(point.mqlToCustomerRate.value, inForcePoint?.mqlToCustomerRate?.value, (d) => `${(d * 100).toFixed(1)} pts`)}
            </>
          ) : null}
        </Figure>
        <Figure title="Backed by" testId="readout-backing" value={point ? `${point.backing.toLocaleString("en")} MQLs` : "—"} muted={!sure}>
          {point ? (
            <>
              {point.explorationBacking ? <span className="block">{point.explorationBacking.toLocaleString("en")} from the exploration sample</span> : null}
              {point.belowInForceBacking ? <span className="block">{point.belowInForceBacking.toLocaleString("en")} below the threshold in force</span> : null}
              <span className="block">effective n {Math.round(point.effectiveN).toLocaleString("en")}</span>
            </>
          ) : null}
        </Figure>
      </dl>
    </section>
  );
}

function Figure({ title, value, testId, muted, children }: { title: string; value: string; testId: string; muted: boolean; children?: React.ReactNode }) {
  return (
    <div className={cn("rounded-md border p-3", muted && "border-dashed bg-muted/40")}>
      <dt className="text-xs font-medium text-muted-foreground">{title}</dt>
      <dd className="mt-0.5">
        <span className={cn("text-xl font-semibold tabular-nums", muted && "text-muted-foreground")} data-testid={testId}>
          {value}
        </span>
        {children ? <span className="mt-0.5 block text-xs text-muted-foreground">{children}</span> : null}
      </dd>
    </div>
  );
}

"use client";
import { useState } from "react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { SweepDimension } from "@/lib/analytics/sweep-query";
import { capacityPerMonth, recommendationSentence, recommendThreshold, type Capacity, type RecommendationRule } from "@/lib/calibration/recommend";
import { RecommendationPanel } from "./recommendation-panel";
import { SweepCharts } from "./sweep-charts";
import { SweepTable } from "./sweep-table";
import { ThresholdReadouts } from "./threshold-readouts";
import { ThresholdSlider } from "./threshold-slider";
import { useThresholdSweepQuery, type CalibrationRange } from "./use-calibration-queries";
import { perMonth } from "./point-status";
import { ChartSkeleton, NoMqls, QueryError } from "./query-states";

const LABEL: Record<SweepDimension, string> = { fit: "Fit", engagement: "Engagement" };

/** One score's sweep: the recommendation, the candidate threshold with its read-outs, the charts and the table. */
export function SweepExplorer({ dimension, range, inForce, rule, ruleLabel, capacity }: { dimension: SweepDimension; range: CalibrationRange; inForce: number | null; rule: RecommendationRule; ruleLabel: string; capacity: Capacity }) {
  const query = useThresholdSweepQuery({ dimension, ...range });
  const [candidate, setCandidate] = useState<number>(inForce ?? 50);
  const label = LABEL[dimension];
  const rows = query.data?.rows;
  const recommendation = rows ? recommendThreshold(rows, rule) : null;
  const recommended = recommendation?.point?.threshold ?? null;
  const held = dimension === "fit" ? "engagement" : "fit";
  const lowestObserved = rows?.find((r) => r.observed)?.threshold ?? null;
  const headroom =
    rule.goal === "capacity" && recommended != null && recommended === lowestObserved && recommended > 0 && recommendation?.point && recommendation.point.mqlsPerMonth < capacityPerMonth(capacity)
      ? `The team could take ${perMonth(capacityPerMonth(capacity) - recommendation.point.mqlsPerMonth)} more MQLs a month, but nothing below ${dimension} ${recommended} has been observed${
          lowestObserved === inForce ? " — turn on the exploration sample to learn whether lowering it pays" : ""
        }.`
      : null;
  return (
    <>
      <RecommendationPanel
        recommendation={recommendation}
        rule={ruleLabel}
        sentence={recommendation?.point ? recommendationSentence({ dimension, threshold: recommendation.point.threshold }, recommendation.point, { rule, capacity }) : null}
        onApply={() => recommended != null && setCandidate(recommended)}
        applied={recommended === candidate}
        note={headroom}
      />
      <Card>
        <CardHeader>
          <CardTitle>
            {label} threshold sweep{range.segment ? ` · ${range.segment}` : ""}
          </CardTitle>
          <CardDescription>
            Every {dimension} threshold from 0 to 100 applied to the MQLs of the range, scored as they were when they qualified, with {held} held at its threshold in force. Grey, dashed points have
            fewer than 30 outcomes behind them, or lie below what the exploration sample reaches (shaded): there only leads that reached sales some other way have outcomes.
          </CardDescription>
        </CardHeader>
        <CardContent className="space-y-5">
          {query.isError && !rows ? (
            <QueryError message={query.error.message} onRetry={() => query.refetch()} />
          ) : !rows ? (
            <ChartSkeleton label={`Loading the ${dimension} sweep`} />
          ) : rows[0]!.backing === 0 ? (
            <NoMqls segment={range.segment} />
          ) : (
            <>
              <div className="grid gap-5 rounded-md bg-muted/30 p-4 xl:grid-cols-[minmax(14rem,18rem)_minmax(0,1fr)]">
                <ThresholdSlider label={`${label} threshold`} value={candidate} onChange={setCandidate} inForce={inForce} testId={`${dimension}-threshold`} />
                <ThresholdReadouts label={`${dimension} ≥ ${candidate}`} point={rows[candidate] ?? null} inForcePoint={inForce != null ? (rows[inForce] ?? null) : null} capacity={capacityPerMonth(capacity)} />
              </div>
              <SweepCharts rows={rows} dimension={dimension} marks={{ inForce, candidate, recommended, capacity: capacityPerMonth(capacity) }} />
              {query.isError ? <QueryError message={query.error.message} onRetry={() => query.refetch()} /> : null}
            </>
          )}
        </CardContent>
        {rows && rows[0]!.backing > 0 ? (
          <div className="border-t pb-2 pt-3">
            <SweepTable rows={rows} dimension={dimension} inForce={inForce} candidate={candidate} fileName={`threshold-sweep-${dimension}-${range.segment ?? "all"}-${range.from}-${range.to}.csv`} />
          </div>
        ) : null}
      </Card>
    </>
  );
}

"use client";
import { useState } from "react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { GRID_STEP } from "@/lib/analytics/sweep-query";
import { capacityPerMonth, recommendationSentence, recommendCell, type Capacity, type RecommendationRule } from "@/lib/calibration/recommend";
import { CsvDownloadButton } from "../csv-download-button";
import { pointStatus } from "./point-status";
import { ChartSkeleton, NoMqls, QueryError } from "./query-states";
import { RecommendationPanel } from "./recommendation-panel";
import { PointCells, PointHeads, SWEEP_CSV_HEADER, sweepCsvRow } from "./sweep-table";
import { ThresholdHeatmap } from "./threshold-heatmap";
import { ThresholdReadouts } from "./threshold-readouts";
import { ThresholdSlider } from "./threshold-slider";
import { useThresholdGridQuery, type CalibrationRange } from "./use-calibration-queries";

const snap = (v: number) => Math.round(v / GRID_STEP) * GRID_STEP;

/** Both thresholds at once: the heatmap, a candidate pair with its read-outs, and the grid as a table. */
export function GridExplorer({ range, inForce, rule, ruleLabel, capacity }: { range: CalibrationRange; inForce: { fit: number; engagement: number } | null; rule: RecommendationRule; ruleLabel: string; capacity: Capacity }) {
  const query = useThresholdGridQuery(range);
  const [candidate, setCandidate] = useState({ fit: snap(inForce?.fit ?? 50), engagement: snap(inForce?.engagement ?? 40) });
  const cells = query.data?.cells;
  const cellAt = (p: { fit: number; engagement: number } | null) => (p && cells ? (cells.find((c) => c.fit === p.fit && c.engagement === p.engagement) ?? null) : null);
  const recommendation = cells ? recommendCell(cells, rule) : null;
  const recommended = recommendation?.point ? { fit: recommendation.point.fit, engagement: recommendation.point.engagement } : null;
  const inForceCell = inForce ? cellAt({ fit: snap(inForce.fit), engagement: snap(inForce.engagement) }) : null;
  const point = cellAt(candidate);
  const cap = capacityPerMonth(capacity);
  return (
    <>
      <RecommendationPanel
        recommendation={recommendation}
        rule={ruleLabel}
        sentence={recommendation?.point ? recommendationSentence({ fit: recommendation.point.fit, engagement: recommendation.point.engagement }, recommendation.point, { rule, capacity }) : null}
        onApply={() => recommended && setCandidate(recommended)}
        applied={!!recommended && recommended.fit === candidate.fit && recommended.engagement === candidate.engagement}
      />
      <Card>
        <CardHeader>
          <CardTitle>Fit × engagement{range.segment ? ` · ${range.segment}` : ""}</CardTitle>
          <CardDescription>
            Every pair of thresholds on steps of {GRID_STEP}: darker is a higher MQL→SQL rate, the number is MQLs per month. Hatched cells have fewer than 30 outcomes behind them or lie below what the
            exploration sample reaches. Choose a cell or move the sliders.
          </CardDescription>
        </CardHeader>
        <CardContent className="space-y-5">
          {query.isError && !cells ? (
            <QueryError message={query.error.message} onRetry={() => query.refetch()} />
          ) : !cells ? (
            <ChartSkeleton label="Loading the fit × engagement grid" />
          ) : cellAt({ fit: 0, engagement: 0 })?.backing === 0 ? (
            <NoMqls segment={range.segment} />
          ) : (
            <>
              <div className="grid gap-5 rounded-md bg-muted/30 p-4 xl:grid-cols-[minmax(14rem,18rem)_minmax(0,1fr)]">
                <div className="space-y-4">
                  <ThresholdSlider label="Fit threshold" value={candidate.fit} step={GRID_STEP} onChange={(fit) => setCandidate({ ...candidate, fit })} inForce={inForce?.fit ?? null} testId="fit-threshold" />
                  <ThresholdSlider label="Engagement threshold" value={candidate.engagement} step={GRID_STEP} onChange={(engagement) => setCandidate({ ...candidate, engagement })} inForce={inForce?.engagement ?? null} testId="engagement-threshold" />
                </div>
                <ThresholdReadouts label={`fit ≥ ${candidate.fit} and engagement ≥ ${candidate.engagement}`} point={point} inForcePoint={inForceCell} capacity={cap} />
              </div>
              <ThresholdHeatmap cells={cells} step={query.data!.step} inForce={inForce ? { fit: snap(inForce.fit), engagement: snap(inForce.engagement) } : null} candidate={candidate} recommended={recommended} capacity={cap} onPick={setCandidate} />
            </>
          )}
        </CardContent>
        {cells && (cellAt({ fit: 0, engagement: 0 })?.backing ?? 0) > 0 ? (
          <details className="border-t px-5 py-3">
            <summary className="cursor-pointer text-sm font-medium">Table: all {cells.length} pairs</summary>
            <div className="mt-3 flex justify-end">
              <CsvDownloadButton fileName={`threshold-grid-${range.segment ?? "all"}-${range.from}-${range.to}.csv`} header={["fit", "engagement", ...SWEEP_CSV_HEADER.slice(1)]} rows={cells.map((c) => sweepCsvRow(c, [c.fit, c.engagement]))} />
            </div>
            <div className="mt-2 max-h-96 overflow-auto">
              <Table aria-label="Fit × engagement thresholds">
                <TableHeader className="sticky top-0 bg-card">
                  <TableRow className="hover:bg-transparent">
                    <TableHead>Fit ≥</TableHead>
                    <TableHead>Engagement ≥</TableHead>
                    <PointHeads />
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {cells.map((c) => (
                    <TableRow key={`${c.fit}:${c.engagement}`} className={pointStatus(c) !== "confident" ? "text-muted-foreground" : undefined}>
                      <TableCell className="tabular-nums">{c.fit}</TableCell>
                      <TableCell className="tabular-nums">{c.engagement}</TableCell>
                      <PointCells point={c} />
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          </details>
        ) : null}
      </Card>
    </>
  );
}

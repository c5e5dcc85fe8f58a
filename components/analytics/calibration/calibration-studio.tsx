"use client";
import { inForceFor, type InForceThresholds } from "@/lib/calibration/in-force";
import { capacityPerMonth, type Capacity, type RecommendationRule } from "@/lib/calibration/recommend";
import type { StudioParams } from "@/lib/calibration/studio-params";
import type { ExplorationSettings } from "@/lib/calibration/exploration";
import { ExplorationCard } from "./exploration-card";
import { GridExplorer } from "./grid-explorer";
import { StudioControls } from "./studio-controls";
import { SweepExplorer } from "./sweep-explorer";

/**
 * The calibration studio's threshold part (PRODUCT.md §9): the controls kept in the URL, the
 * recommendation, the sweep of one score or the grid of both, and the exploration sample.
 */
export function CalibrationStudio({
  params,
  inForce,
  regions,
  activeSdrs,
  exploration,
  canEditExploration,
}: {
  params: StudioParams;
  inForce: InForceThresholds | null;
  regions: { region: string; records: number }[];
  activeSdrs: number;
  exploration: ExplorationSettings;
  canEditExploration: boolean;
}) {
  const range = { from: params.from, to: params.to, segment: params.segment };
  const thresholds = inForce ? inForceFor(inForce, params.segment) : null;
  const capacity: Capacity = { reps: params.reps ?? activeSdrs, perRep: params.perRep };
  const rule: RecommendationRule = params.goal === "target" ? { goal: "target", metric: params.metric, target: params.target } : { goal: "capacity", capacity };
  const ruleLabel =
    params.goal === "target"
      ? `lowest threshold whose ${params.metric === "sql" ? "MQL→SQL" : "MQL→customer"} is at least ${+(params.target * 100).toFixed(1)}% with 95% confidence`
      : `lowest threshold whose MQLs fit ${capacity.reps} SDRs × ${capacity.perRep} = ${capacityPerMonth(capacity).toLocaleString("en")} a month`;
  // Keyed so that a new score or region starts the candidate at its threshold in force.
  const key = `${params.dimension}:${params.segment ?? ""}`;
  return (
    <div className="space-y-5">
      <StudioControls params={params} regions={regions} activeSdrs={activeSdrs} />
      {params.dimension === "both" ? (
        <GridExplorer key={key} range={range} inForce={thresholds} rule={rule} ruleLabel={ruleLabel} capacity={capacity} />
      ) : (
        <SweepExplorer key={key} dimension={params.dimension} range={range} inForce={thresholds?.[params.dimension] ?? null} rule={rule} ruleLabel={ruleLabel} capacity={capacity} />
      )}
      <ExplorationCard settings={exploration} canEdit={canEditExploration} inForce={thresholds} />
    </div>
  );
}

import type { Thresholds } from "./model-schema";

export type MqlDecision =
  | { qualifies: true; reason: "threshold"; detail: string; fitThreshold: number; engagementThreshold: number }
  | { qualifies: true; reason: "qualifying_action"; detail: string }
  | { qualifies: false };

/** The thresholds that apply to a segment value (an override, or the model's defaults). */
export function thresholdsFor(thresholds: Thresholds, segmentValue: string | null | undefined) {
  const override = segmentValue
    ? thresholds.segments.find((s) => s.value.toLowerCase() === segmentValue.toLowerCase())
    : undefined;
  return override
    ? { fit: override.fit, engagement: override.engagement, segment: override.value }
    : { fit: thresholds.fit, engagement: thresholds.engagement, segment: null };
}

/**
 * The MQL rule (PRODUCT.md §5): fit ≥ F and engagement ≥ E — per-segment overrides apply — or
 * a qualifying action performed while fit ≥ that action's minimum.
 */
export function evaluateMqlRule(input: {
  fit: number;
  engagement: number;
  segmentValue?: string | null;
  /** Event types the contact performed that could qualify them (e.g. in the batch just ingested). */
  actions?: readonly string[];
  thresholds: Thresholds;
}): MqlDecision {
  const t = thresholdsFor(input.thresholds, input.segmentValue);
  if (input.fit >= t.fit && input.engagement >= t.engagement) {
    return {
      qualifies: true,
      reason: "threshold",
      detail: t.segment ? `segment ${t.segment}: fit ≥ ${t.fit}, engagement ≥ ${t.engagement}` : `fit ≥ ${t.fit}, engagement ≥ ${t.engagement}`,
      fitThreshold: t.fit,
      engagementThreshold: t.engagement,
    };
  }
  for (const action of input.thresholds.qualifyingActions) {
    if (input.actions?.includes(action.eventType) && input.fit >= action.minFit) {
      return { qualifies: true, reason: "qualifying_action", detail: action.eventType };
    }
  }
  return { qualifies: false };
}

import type { Thresholds } from "../scoring/model-schema";

/** The published model's thresholds as the calibration studio reads them: defaults and per-region overrides. */
export type InForceThresholds = {
  fit: number;
  engagement: number;
  /** Overrides per region; empty when the model segments by another attribute. */
  regions: { value: string; fit: number; engagement: number }[];
};

/**
 * MQL records keep the contact's region, so only region overrides can be applied per record; a
 * model segmented by country or source is calibrated against its defaults.
 */
export function inForceFrom(thresholds: Thresholds): InForceThresholds {
  return {
    fit: thresholds.fit,
    engagement: thresholds.engagement,
    regions: thresholds.segmentField === "region" ? thresholds.segments.map((s) => ({ value: s.value, fit: s.fit, engagement: s.engagement })) : [],
  };
}

/** The thresholds for a region (its override, else the defaults); for all regions, the defaults. */
export function inForceFor(inForce: InForceThresholds, region: string | null): { fit: number; engagement: number } {
  const override = region ? inForce.regions.find((r) => r.value.toLowerCase() === region.toLowerCase()) : undefined;
  return override ? { fit: override.fit, engagement: override.engagement } : { fit: inForce.fit, engagement: inForce.engagement };
}

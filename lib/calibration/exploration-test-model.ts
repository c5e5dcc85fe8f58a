import type { ScoringModelDefinition } from "../scoring/model-schema";

/**
 * The model the exploration tests score with: EMEA is worth 60 fit (passes 50); one page view is
 * worth 35 engagement (within the 10-point band below 40), two are worth 70.
 */
export const EXPLORATION_TEST_MODEL: ScoringModelDefinition = {
  halfLifeDays: 3650,
  fitRules: [{ id: "emea", label: "EMEA", field: "region", operator: "equals", value: "EMEA", points: 60 }],
  engagementRules: [{ id: "view", label: "Page view", eventType: "page_view", filters: [], points: 35, cap: 70, halfLifeDays: null }],
  thresholds: { fit: 50, engagement: 40, segmentField: "region", segments: [], qualifyingActions: [] },
  mqa: { threshold: 100, topContacts: 1, weights: { fit: 1, engagement: 0, coverage: 0 }, fullCoverageFunctions: 1, engagedFrom: 10 },
};

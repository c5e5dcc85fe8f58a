import { computeEngagementScore, type ScoredEvent } from "./engagement";
import { computeFitScore, type FitSubject } from "./fit";
import { scoringHorizonDays, type ScoringModelDefinition } from "./model-schema";
import { evaluateMqlRule, thresholdsFor } from "./mql-rule";

/**
 * A contact's scores at time `at` with every rule and event that produced them (PRODUCT.md §5
 * "Explanation"): the same breakdown for the rep, the marketer and the API.
 */
export function explainScores(input: {
  subject: FitSubject;
  events: readonly ScoredEvent[];
  model: ScoringModelDefinition;
  at: Date;
}) {
  const { subject, events, model, at } = input;
  const fit = computeFitScore(subject, model.fitRules);
  const engagement = computeEngagementScore(events, model.engagementRules, {
    at,
    halfLifeDays: model.halfLifeDays,
    horizonDays: scoringHorizonDays(model),
  });
  const segmentValue = segmentValueOf(subject, model.thresholds.segmentField);
  const thresholds = thresholdsFor(model.thresholds, segmentValue);
  const decision = evaluateMqlRule({
    fit: fit.score,
    engagement: engagement.score,
    segmentValue,
    actions: recentActions(events, at, model.halfLifeDays),
    thresholds: model.thresholds,
  });
  return { at, fit, engagement, thresholds, decision };
}
export type ScoreExplanation = ReturnType<typeof explainScores>;

/**
 * Event types performed within one half-life before `at`: a qualifying action (a demo request)
 * still speaks for the contact that recently, not forever.
 */
export function recentActions(events: readonly ScoredEvent[], at: Date, halfLifeDays: number): string[] {
  const from = at.getTime() - halfLifeDays * 86_400_000;
  const types = new Set<string>();
  for (const e of events) {
    const t = e.occurredAt.getTime();
    if (t <= at.getTime() && t >= from) types.add(e.type);
  }
  return [...types];
}

export function segmentValueOf(subject: FitSubject, field: ScoringModelDefinition["thresholds"]["segmentField"]): string | null {
  return subject[field] ?? null;
}

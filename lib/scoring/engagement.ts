import type { EngagementRule, PropertyFilter } from "./model-schema";
import { clampScore, type RuleContribution } from "./score-types";

export type ScoredEvent = {
  id: number | string;
  type: string;
  occurredAt: Date;
  properties?: Record<string, unknown> | null;
};

const MS_PER_DAY = 86_400_000;

/** `points × 0.5^(ageDays / halfLifeDays)`; an event from the future counts for nothing. */
export function decayedPoints(points: number, ageDays: number, halfLifeDays: number): number {
  if (ageDays < 0) return 0;
  return points * Math.pow(0.5, ageDays / halfLifeDays);
}

function filterMatches(filter: PropertyFilter, properties: Record<string, unknown>): boolean {
  const actual = properties[filter.property];
  if (actual === undefined || actual === null) return false;
  switch (filter.operator) {
    case "equals":
      return String(actual).toLowerCase() === String(filter.value).toLowerCase();
    case "contains":
      return String(actual).toLowerCase().includes(String(filter.value).toLowerCase());
    case "gte":
      return Number(actual) >= Number(filter.value);
    case "lte":
      return Number(actual) <= Number(filter.value);
  }
}

export function engagementRuleMatches(rule: EngagementRule, event: ScoredEvent): boolean {
  if (event.type !== rule.eventType) return false;
  const props = event.properties ?? {};
  return rule.filters.every((f) => filterMatches(f, props));
}

export type EngagementScore = { score: number; contributions: RuleContribution[] };

/**
 * Engagement score at time `at` (0–100): each matching event up to `at` adds its rule's points
 * decayed by its age; each rule's total is capped; the sum is clamped. A pure function of the
 * events and the model, so any model can be replayed at any past time (PRODUCT.md §5).
 */
export function computeEngagementScore(
  events: readonly ScoredEvent[],
  rules: readonly EngagementRule[],
  options: { at: Date; halfLifeDays: number },
): EngagementScore {
  const atMs = options.at.getTime();
  const contributions: RuleContribution[] = [];
  let total = 0;
  for (const rule of rules) {
    const halfLife = rule.halfLifeDays ?? options.halfLifeDays;
    let sum = 0;
    const counted: NonNullable<RuleContribution["events"]> = [];
    for (const event of events) {
      const ageDays = (atMs - event.occurredAt.getTime()) / MS_PER_DAY;
      if (ageDays < 0 || !engagementRuleMatches(rule, event)) continue;
      const pts = decayedPoints(rule.points, ageDays, halfLife);
      sum += pts;
      counted.push({ eventId: event.id, occurredAt: event.occurredAt, points: pts });
    }
    if (counted.length === 0) continue;
    const capped = Math.abs(sum) > rule.cap;
    const points = capped ? Math.sign(sum) * rule.cap : sum;
    total += points;
    contributions.push({ ruleId: rule.id, label: rule.label, points, events: counted, capped });
  }
  return { score: clampScore(total), contributions };
}

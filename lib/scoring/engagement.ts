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

/** Numbers written as text ("120") compare as numbers; anything looser ("", "0x10", " 5") does not. */
export const NUMERIC_TEXT = /^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$/;

function asNumber(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string" && NUMERIC_TEXT.test(value)) return Number(value);
  return null;
}

/**
 * Text, numbers and yes/no values compare; objects and lists in the properties never match.
 * `equals` and `contains` compare the value's text case-insensitively; `gte`/`lte` as numbers.
 */
function filterMatches(filter: PropertyFilter, properties: Record<string, unknown>): boolean {
  const actual = properties[filter.property];
  if (actual === undefined || actual === null || typeof actual === "object") return false;
  switch (filter.operator) {
    case "equals":
      return String(actual).toLowerCase() === String(filter.value).toLowerCase();
    case "contains":
      return String(actual).toLowerCase().includes(String(filter.value).toLowerCase());
    case "gte": {
      const n = asNumber(actual);
      return n !== null && n >= Number(filter.value);
    }
    case "lte": {
      const n = asNumber(actual);
      return n !== null && n <= Number(filter.value);
    }
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
  options: { at: Date; halfLifeDays: number; /** Events older than this count for nothing (`scoringHorizonDays`). */ horizonDays?: number },
): EngagementScore {
  const atMs = options.at.getTime();
  const horizon = options.horizonDays ?? Infinity;
  const contributions: RuleContribution[] = [];
  let total = 0;
  for (const rule of rules) {
    const halfLife = rule.halfLifeDays ?? options.halfLifeDays;
    let sum = 0;
    const counted: NonNullable<RuleContribution["events"]> = [];
    for (const event of events) {
      const ageDays = (atMs - event.occurredAt.getTime()) / MS_PER_DAY;
      if (ageDays < 0 || ageDays >= horizon || !engagementRuleMatches(rule, event)) continue;
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

/** One rule's share of a score, after decay and cap. */
export type RuleContribution = {
  ruleId: string;
  label: string;
  points: number;
  /** For engagement rules: the events that counted, each with its decayed points. */
  events?: { eventId: number | string; occurredAt: Date; points: number }[];
  capped?: boolean;
};

/** Scores live on 0–100. */
export function clampScore(n: number): number {
  return Math.min(100, Math.max(0, n));
}

import { fitRuleMatches } from "../fit";
import type { FitRule, MqaRule } from "../model-schema";
import { clampScore } from "../score-types";

/**
 * The account score (PRODUCT.md §7) rolls up the buying committee from three parts, each on 0–100:
 *
 *   - fit: the points of the model's account rules (industry, size, revenue, location,
 *     technologies) the account earns, as a share of the most an account can earn — the best rule
 *     of each attribute, since one account has one industry, one size and so on;
 *   - engagement: the engagement scores of the account's `topContacts` most engaged contacts,
 *     summed and divided by `topContacts` — one keen contact is not a committee;
 *   - coverage: the distinct job functions among contacts engaged from `engagedFrom`, against the
 *     `fullCoverageFunctions` that make full coverage.
 *
 * The score is their mean weighted by the model's weights. This is the reference: the SQL in
 * account-score-sql.ts must agree with it (account-score-sql.test.ts checks).
 */

export type AccountSubject = {
  industry?: string | null;
  employees?: number | null;
  annualRevenue?: number | null;
  country?: string | null;
  region?: string | null;
  technologies?: string[] | null;
};

export type AccountContact = { engagement: number; jobFunction: string | null };

export type AccountScore = {
  score: number;
  fit: number;
  engagement: number;
  coverage: number;
  /** The distinct functions that counted for coverage, lower-cased. */
  engagedFunctions: string[];
};

export const isAccountRule = (rule: FitRule) => rule.field.startsWith("account.");

/** The most account-rule points one account can earn: the best positive rule of each attribute. */
export function maxAccountFitPoints(rules: readonly FitRule[]): number {
  const best = new Map<string, number>();
  for (const rule of rules.filter(isAccountRule)) best.set(rule.field, Math.max(best.get(rule.field) ?? 0, rule.points));
  return [...best.values()].reduce((sum, points) => sum + points, 0);
}

export function accountFitScore(account: AccountSubject, rules: readonly FitRule[]): number {
  const max = maxAccountFitPoints(rules);
  if (max <= 0) return 0;
  const subject = { email: "", account };
  const earned = rules.filter(isAccountRule).reduce((sum, rule) => sum + (fitRuleMatches(rule, subject) ? rule.points : 0), 0);
  return clampScore((100 * earned) / max);
}

export function computeAccountScore(account: AccountSubject, people: readonly AccountContact[], fitRules: readonly FitRule[], rule: MqaRule): AccountScore {
  const fit = accountFitScore(account, fitRules);
  const top = [...people].map((p) => p.engagement).sort((a, b) => b - a).slice(0, rule.topContacts);
  const engagement = top.reduce((sum, e) => sum + e, 0) / rule.topContacts;
  const engagedFunctions = [
    ...new Set(people.filter((p) => p.engagement >= rule.engagedFrom && p.jobFunction?.trim()).map((p) => p.jobFunction!.trim().toLowerCase())),
  ].sort();
  const coverage = (100 * Math.min(1, engagedFunctions.length / rule.fullCoverageFunctions));
  const { fit: wf, engagement: we, coverage: wc } = rule.weights;
  const weights = wf + we + wc;
  const score = weights > 0 ? (wf * fit + we * engagement + wc * coverage) / weights : 0;
  return { score, fit, engagement, coverage, engagedFunctions };
}

/** An open MQA closes when the score falls this far below the threshold, so decay does not make it flicker. */
export const MQA_CLOSE_MARGIN = 10;

import { isPersonalEmailDomain, emailDomain } from "../email";
import { WORD_SEPARATORS, type FitField, type FitRule } from "./model-schema";
import { clampScore, type RuleContribution } from "./score-types";

/** The attributes fit rules read: the contact, and its account when it has one. */
export type FitSubject = {
  email: string;
  title?: string | null;
  seniority?: string | null;
  jobFunction?: string | null;
  country?: string | null;
  region?: string | null;
  source?: string | null;
  account?: {
    industry?: string | null;
    employees?: number | null;
    annualRevenue?: number | null;
    country?: string | null;
    region?: string | null;
    technologies?: string[] | null;
  } | null;
};

type FieldValue = string | number | boolean | string[] | null | undefined;

function readField(subject: FitSubject, field: FitField): FieldValue {
  switch (field) {
    case "emailDomain":
      return emailDomain(subject.email);
    case "personalEmail":
      return isPersonalEmailDomain(emailDomain(subject.email));
    case "account.industry":
      return subject.account?.industry;
    case "account.employees":
      return subject.account?.employees;
    case "account.annualRevenue":
      return subject.account?.annualRevenue;
    case "account.country":
      return subject.account?.country;
    case "account.region":
      return subject.account?.region;
    case "account.technologies":
      return subject.account?.technologies;
    default:
      return subject[field];
  }
}

const norm = (v: unknown) => String(v).trim().toLowerCase();

/** Whether one fit rule holds for the subject. Lists (technologies) match if any item does. */
export function fitRuleMatches(rule: FitRule, subject: FitSubject): boolean {
  const raw = readField(subject, rule.field);
  if (raw === null || raw === undefined || raw === "") return false;
  if (rule.operator === "is_true") return raw === true;
  if (rule.operator === "range") {
    const n = toNumber(raw);
    if (n === null) return false;
    return (rule.min === null || n >= rule.min) && (rule.max === null || n <= rule.max);
  }
  const items = (Array.isArray(raw) ? raw : [raw]).map(norm);
  switch (rule.operator) {
    case "equals":
      return items.includes(norm(rule.value));
    case "in": {
      const wanted = new Set(rule.values.map(norm));
      return items.some((i) => wanted.has(i));
    }
    case "contains":
      return items.some((i) => rule.values.some((v) => i.includes(norm(v))));
    case "contains_word": {
      // Whole words (or phrases) of the text, as the SQL of lib/scoring/sql reads them.
      const spaced = items.map((i) => ` ${i.split(WORD_SEPARATORS).join(" ")} `);
      return rule.values.some((v) => {
        const phrase = ` ${norm(v).split(WORD_SEPARATORS).filter(Boolean).join(" ")} `;
        return spaced.some((text) => text.includes(phrase));
      });
    }
  }
}

/** Only real numbers and numeric text take part in range rules: not booleans, lists or blanks. */
function toNumber(raw: FieldValue): number | null {
  if (typeof raw === "number") return Number.isFinite(raw) ? raw : null;
  if (typeof raw === "string" && raw.trim() !== "") {
    const n = Number(raw);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

export type FitScore = { score: number; contributions: RuleContribution[] };

/** Fit score (0–100): the sum of matching rules' points, clamped (PRODUCT.md §5). */
export function computeFitScore(subject: FitSubject, rules: readonly FitRule[]): FitScore {
  const contributions: RuleContribution[] = [];
  let total = 0;
  for (const rule of rules) {
    if (!fitRuleMatches(rule, subject)) continue;
    total += rule.points;
    contributions.push({ ruleId: rule.id, label: rule.label, points: rule.points });
  }
  return { score: clampScore(total), contributions };
}

import { humanizeValue } from "../format";
import type { EngagementRule, FitField, FitRule, PropertyFilter } from "./model-schema";

/** How the editor, the model page and the diff name things, in words a marketer uses. */

export const FIT_FIELD_LABELS: Record<FitField, string> = {
  title: "Job title",
  seniority: "Seniority",
  jobFunction: "Function",
  country: "Country",
  region: "Region",
  source: "Source",
  emailDomain: "Email domain",
  personalEmail: "Personal email address",
  "account.industry": "Company industry",
  "account.employees": "Company employees",
  "account.annualRevenue": "Company annual revenue",
  "account.country": "Company country",
  "account.region": "Company region",
  "account.technologies": "Company technologies",
};

export const OPERATOR_LABELS: Record<FitRule["operator"], string> = {
  equals: "is",
  in: "is one of",
  contains: "contains",
  contains_word: "has the word",
  range: "is between",
  is_true: "is true",
};

export const FILTER_OPERATOR_LABELS: Record<PropertyFilter["operator"], string> = {
  equals: "is",
  contains: "contains",
  gte: "is at least",
  lte: "is at most",
};

const count = (n: number) => n.toLocaleString("en");

/** "Company employees between 200 and 5,000", "Seniority is one of C-level, VP". */
export function describeFitCondition(rule: FitRule): string {
  const field = FIT_FIELD_LABELS[rule.field];
  switch (rule.operator) {
    case "equals":
      return `${field} is ${humanizeValue(rule.value)}`;
    case "in":
      return `${field} is one of ${rule.values.map(humanizeValue).join(", ")}`;
    case "contains":
      return `${field} contains ${rule.values.map((v) => `“${v}”`).join(" or ")}`;
    case "contains_word":
      return `${field} has the word ${rule.values.map((v) => `“${v}”`).join(" or ")}`;
    case "range":
      if (rule.min !== null && rule.max !== null) return `${field} between ${count(rule.min)} and ${count(rule.max)}`;
      return rule.min !== null ? `${field} at least ${count(rule.min)}` : `${field} at most ${count(rule.max!)}`;
    case "is_true":
      return field;
  }
}

/** "page_view where url contains /pricing". */
export function describeEngagementCondition(rule: EngagementRule): string {
  const filters = rule.filters.map((f) => `${f.property} ${FILTER_OPERATOR_LABELS[f.operator]} ${f.value}`);
  return filters.length ? `${rule.eventType} where ${filters.join(" and ")}` : rule.eventType;
}

export function signedPoints(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

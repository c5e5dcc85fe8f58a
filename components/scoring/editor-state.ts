import type { EngagementRule, FitField, FitRule, ScoringModelDefinition } from "@/lib/scoring/model-schema";
import { FIT_FIELD_KINDS } from "@/lib/scoring/model-schema";

/** Mistakes by their path in the model ("fitRules.3.points"), as the schema reports them. */
export type IssueMap = Map<string, string>;

export function issueMap(issues: readonly { path: readonly PropertyKey[]; message: string }[]): IssueMap {
  const map: IssueMap = new Map();
  for (const issue of issues) {
    const key = issue.path.map(String).join(".");
    if (!map.has(key)) map.set(key, issue.message);
  }
  return map;
}

/** The first mistake at or below `prefix` ("fitRules.3" finds "fitRules.3.values.0"). */
export function issueUnder(issues: IssueMap, prefix: string): string | undefined {
  for (const [key, message] of issues) if (key === prefix || key.startsWith(`${prefix}.`)) return message;
  return undefined;
}

/** A rule id that reads like its label and cannot clash with another in the model. */
export function newRuleId(label: string, model: ScoringModelDefinition): string {
  const base = label.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 40) || "rule";
  const taken = new Set([...model.fitRules, ...model.engagementRules].map((r) => r.id));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** A rule of the same id and label when the field changes, with an operator that suits the new field. */
export function withField(rule: FitRule, field: FitField): FitRule {
  const base = { id: rule.id, label: rule.label, points: rule.points, field };
  const values = "values" in rule ? rule.values : "value" in rule ? [rule.value] : [];
  switch (FIT_FIELD_KINDS[field]) {
    case "number":
      return { ...base, operator: "range", min: rule.operator === "range" ? rule.min : 0, max: rule.operator === "range" ? rule.max : null };
    case "boolean":
      return { ...base, operator: "is_true" };
    default:
      return rule.operator === "equals" ? { ...base, operator: "equals", value: values[0] ?? "" } : { ...base, operator: rule.operator === "range" || rule.operator === "is_true" ? "in" : rule.operator, values } as FitRule;
  }
}

/** The same rule under another operator, keeping what was typed. */
export function withOperator(rule: FitRule, operator: FitRule["operator"]): FitRule {
  const base = { id: rule.id, label: rule.label, points: rule.points, field: rule.field };
  const values = "values" in rule ? rule.values : "value" in rule ? [rule.value] : [];
  switch (operator) {
    case "equals":
      return { ...base, operator, value: values[0] ?? "" };
    case "range":
      return { ...base, operator, min: 0, max: null };
    case "is_true":
      return { ...base, operator };
    default:
      return { ...base, operator, values };
  }
}

export function newFitRule(model: ScoringModelDefinition): FitRule {
  return { id: newRuleId("new fit rule", model), label: "New fit rule", field: "title", operator: "contains_word", values: [], points: 10 };
}

export function newEngagementRule(model: ScoringModelDefinition): EngagementRule {
  return { id: newRuleId("new engagement rule", model), label: "New engagement rule", eventType: "page_view", filters: [], points: 5, cap: 15, halfLifeDays: null };
}

/** "a, b , c" → ["a", "b", "c"]: list values are typed comma-separated. */
export function splitList(text: string): string[] {
  return text.split(",").map((v) => v.trim()).filter(Boolean);
}

/** A number input's value: empty is null. */
export function numberOrNull(text: string): number | null {
  if (text.trim() === "") return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

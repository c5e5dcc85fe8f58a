"use client";
import { Plus, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { FIT_FIELD_LABELS, OPERATOR_LABELS } from "@/lib/scoring/describe-rule";
import { FIT_FIELD_KINDS, FIT_FIELDS, operatorFitsField, type FitRule, type ScoringModelDefinition } from "@/lib/scoring/model-schema";
import { FieldIssue, ListInput, NumberInput } from "./editor-fields";
import { issueUnder, newFitRule, withField, withOperator, type IssueMap } from "./editor-state";

const OPERATORS = Object.keys(OPERATOR_LABELS) as FitRule["operator"][];

function ConditionInputs({ rule, onChange, label }: { rule: FitRule; onChange: (rule: FitRule) => void; label: string }) {
  switch (rule.operator) {
    case "equals":
      return <Input aria-label={`${label}: value`} value={rule.value} onChange={(e) => onChange({ ...rule, value: e.target.value })} placeholder="director" />;
    case "in":
    case "contains":
    case "contains_word":
      return <ListInput aria-label={`${label}: values`} values={rule.values} onChange={(values) => onChange({ ...rule, values })} placeholder="comma-separated, e.g. vp, director" />;
    case "range":
      return (
        <div className="flex items-center gap-1.5">
          <NumberInput aria-label={`${label}: from`} value={rule.min} onChange={(min) => onChange({ ...rule, min })} placeholder="from" />
          <span className="text-muted-foreground">–</span>
          <NumberInput aria-label={`${label}: to`} value={rule.max} onChange={(max) => onChange({ ...rule, max })} placeholder="to" />
        </div>
      );
    case "is_true":
      return <p className="px-1 text-sm text-muted-foreground">yes</p>;
  }
}

/** Points for who the contact is and where they work: one editable row per rule. */
export function FitRulesEditor({ model, issues, onChange }: { model: ScoringModelDefinition; issues: IssueMap; onChange: (rules: FitRule[]) => void }) {
  const rules = model.fitRules;
  const update = (i: number, rule: FitRule) => onChange(rules.map((r, j) => (j === i ? rule : r)));
  return (
    <div className="space-y-2">
      {rules.map((rule, i) => {
        const label = rule.label || `Fit rule ${i + 1}`;
        const issue = issueUnder(issues, `fitRules.${i}`);
        return (
          <div key={rule.id} data-testid="fit-rule" className="space-y-2 rounded-md border bg-muted/20 p-2.5">
            <div className="flex items-center gap-2">
              <Input aria-label={`${label}: name`} value={rule.label} onChange={(e) => update(i, { ...rule, label: e.target.value })} aria-invalid={issue ? true : undefined} className="flex-1 font-medium" />
              <NumberInput aria-label={`${label}: points`} value={rule.points} onChange={(points) => update(i, { ...rule, points: points ?? 0 })} className="w-20 text-right" />
              <span className="w-6 text-xs text-muted-foreground">pts</span>
              <Button type="button" variant="ghost" size="icon" aria-label={`Remove ${label}`} onClick={() => onChange(rules.filter((_, j) => j !== i))}>
                <Trash2 className="text-muted-foreground" />
              </Button>
            </div>
            <div className="grid gap-2 sm:grid-cols-[12rem_9.5rem_minmax(0,1fr)]">
              <NativeSelect aria-label={`${label}: field`} value={rule.field} onChange={(e) => update(i, withField(rule, e.target.value as FitRule["field"]))}>
                {FIT_FIELDS.map((f) => (
                  <option key={f} value={f}>
                    {FIT_FIELD_LABELS[f]}
                  </option>
                ))}
              </NativeSelect>
              <NativeSelect aria-label={`${label}: condition`} value={rule.operator} onChange={(e) => update(i, withOperator(rule, e.target.value as FitRule["operator"]))} disabled={FIT_FIELD_KINDS[rule.field] !== "text" && FIT_FIELD_KINDS[rule.field] !== "list"}>
                {OPERATORS.filter((op) => operatorFitsField(rule.field, op)).map((op) => (
                  <option key={op} value={op}>
                    {OPERATOR_LABELS[op]}
                  </option>
                ))}
              </NativeSelect>
              <ConditionInputs rule={rule} onChange={(r) => update(i, r)} label={label} />
            </div>
            <FieldIssue message={issue} />
          </div>
        );
      })}
      <Button type="button" variant="outline" size="sm" onClick={() => onChange([...rules, newFitRule(model)])}>
        <Plus /> Add fit rule
      </Button>
    </div>
  );
}

"use client";
import { Plus, Trash2, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { FILTER_OPERATOR_LABELS } from "@/lib/scoring/describe-rule";
import type { EngagementRule, PropertyFilter, ScoringModelDefinition } from "@/lib/scoring/model-schema";
import { FieldIssue, NumberInput } from "./editor-fields";
import { issueUnder, newEngagementRule, type IssueMap } from "./editor-state";

const FILTER_OPERATORS = Object.keys(FILTER_OPERATOR_LABELS) as PropertyFilter["operator"][];

function FilterRow({ filter, onChange, onRemove, label }: { filter: PropertyFilter; onChange: (f: PropertyFilter) => void; onRemove: () => void; label: string }) {
  return (
    <div className="flex items-center gap-1.5">
      <span className="w-10 shrink-0 text-xs text-muted-foreground">where</span>
      <Input aria-label={`${label}: property`} value={filter.property} onChange={(e) => onChange({ ...filter, property: e.target.value })} placeholder="url" className="h-8" />
      <NativeSelect aria-label={`${label}: comparison`} value={filter.operator} onChange={(e) => onChange({ ...filter, operator: e.target.value as PropertyFilter["operator"] })} className="w-32 shrink-0 [&_select]:h-8">
        {FILTER_OPERATORS.map((op) => (
          <option key={op} value={op}>
            {FILTER_OPERATOR_LABELS[op]}
          </option>
        ))}
      </NativeSelect>
      <Input aria-label={`${label}: compared with`} value={String(filter.value)} onChange={(e) => onChange({ ...filter, value: e.target.value })} placeholder="/pricing" className="h-8" />
      <Button type="button" variant="ghost" size="icon" className="size-8 shrink-0" aria-label={`Remove the condition on ${filter.property || "a property"}`} onClick={onRemove}>
        <X className="text-muted-foreground" />
      </Button>
    </div>
  );
}

/** Points per event, decayed by half-life and capped per rule: one editable block per rule. */
export function EngagementRulesEditor({
  model,
  eventTypes,
  issues,
  onChange,
}: {
  model: ScoringModelDefinition;
  /** Known event types, offered as suggestions (custom types can be typed). */
  eventTypes: readonly string[];
  issues: IssueMap;
  onChange: (rules: EngagementRule[]) => void;
}) {
  const rules = model.engagementRules;
  const update = (i: number, rule: EngagementRule) => onChange(rules.map((r, j) => (j === i ? rule : r)));
  return (
    <div className="space-y-3">
      <datalist id="engagement-event-types">
        {eventTypes.map((t) => (
          <option key={t} value={t} />
        ))}
      </datalist>
      <div className="hidden grid-cols-[minmax(0,1.2fr)_minmax(0,1fr)_5rem_5rem_6rem_2.25rem] gap-2 px-1 text-xs font-medium text-muted-foreground lg:grid">
        <span>Name</span>
        <span>Event type</span>
        <span className="text-right">Points</span>
        <span className="text-right">Cap</span>
        <span className="text-right">Half-life (d)</span>
        <span />
      </div>
      {rules.map((rule, i) => {
        const label = rule.label || `Engagement rule ${i + 1}`;
        const issue = issueUnder(issues, `engagementRules.${i}`);
        return (
          <div key={rule.id} data-testid="engagement-rule" className="space-y-1.5 rounded-md border p-2 lg:border-0 lg:p-0">
            <div className="grid gap-2 lg:grid-cols-[minmax(0,1.2fr)_minmax(0,1fr)_5rem_5rem_6rem_2.25rem] lg:items-start">
              <Input aria-label={`${label}: name`} value={rule.label} onChange={(e) => update(i, { ...rule, label: e.target.value })} aria-invalid={issue ? true : undefined} />
              <Input aria-label={`${label}: event type`} list="engagement-event-types" value={rule.eventType} onChange={(e) => update(i, { ...rule, eventType: e.target.value.trim() })} />
              <NumberInput aria-label={`${label}: points`} value={rule.points} onChange={(points) => update(i, { ...rule, points: points ?? 0 })} className="text-right" />
              <NumberInput aria-label={`${label}: cap`} value={rule.cap} onChange={(cap) => update(i, { ...rule, cap: cap ?? 0 })} className="text-right" />
              <NumberInput aria-label={`${label}: half-life`} value={rule.halfLifeDays} onChange={(halfLifeDays) => update(i, { ...rule, halfLifeDays })} placeholder={String(model.halfLifeDays)} className="text-right" />
              <Button type="button" variant="ghost" size="icon" aria-label={`Remove ${label}`} onClick={() => onChange(rules.filter((_, j) => j !== i))}>
                <Trash2 className="text-muted-foreground" />
              </Button>
            </div>
            {rule.filters.length > 0 ? (
              <div className="space-y-1.5 pl-1 lg:max-w-[70%]">
                {rule.filters.map((f, k) => (
                  <FilterRow
                    key={k}
                    label={`${label}, condition ${k + 1}`}
                    filter={f}
                    onChange={(nf) => update(i, { ...rule, filters: rule.filters.map((x, m) => (m === k ? nf : x)) })}
                    onRemove={() => update(i, { ...rule, filters: rule.filters.filter((_, m) => m !== k) })}
                  />
                ))}
              </div>
            ) : null}
            {rule.filters.length < 5 ? (
              <button
                type="button"
                className="pl-1 text-xs font-medium text-primary hover:underline"
                onClick={() => update(i, { ...rule, filters: [...rule.filters, { property: "url", operator: "contains", value: "" }] })}
              >
                + Only when a property matches
              </button>
            ) : null}
            <FieldIssue message={issue} />
          </div>
        );
      })}
      <Button type="button" variant="outline" size="sm" onClick={() => onChange([...rules, newEngagementRule(model)])}>
        <Plus /> Add engagement rule
      </Button>
    </div>
  );
}

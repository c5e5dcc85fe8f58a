"use client";
import { Plus, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select";
import type { ScoringModelDefinition } from "@/lib/scoring/model-schema";
import { FieldIssue, NumberInput } from "./editor-fields";
import { issueUnder, type IssueMap } from "./editor-state";

type Thresholds = ScoringModelDefinition["thresholds"];

function Labeled({ id, label, hint, issue, children }: { id: string; label: string; hint?: string; issue?: string; children: React.ReactNode }) {
  return (
    <div className="space-y-1.5">
      <Label htmlFor={id}>{label}</Label>
      {children}
      {hint ? <p className="text-xs text-muted-foreground">{hint}</p> : null}
      <FieldIssue message={issue} />
    </div>
  );
}

/** The MQL rule: both thresholds, per-segment overrides, qualifying actions, and decay. */
export function ThresholdsEditor({ model, issues, onChange }: { model: ScoringModelDefinition; issues: IssueMap; onChange: (model: ScoringModelDefinition) => void }) {
  const t = model.thresholds;
  const set = (patch: Partial<Thresholds>) => onChange({ ...model, thresholds: { ...t, ...patch } });
  return (
    <div className="space-y-5">
      <div className="grid gap-4 sm:grid-cols-3">
        <Labeled id="threshold-fit" label="Fit at least" issue={issueUnder(issues, "thresholds.fit")}>
          <NumberInput id="threshold-fit" value={t.fit} onChange={(fit) => set({ fit: fit ?? 0 })} min={0} max={100} />
        </Labeled>
        <Labeled id="threshold-engagement" label="and engagement at least" issue={issueUnder(issues, "thresholds.engagement")}>
          <NumberInput id="threshold-engagement" value={t.engagement} onChange={(engagement) => set({ engagement: engagement ?? 0 })} min={0} max={100} />
        </Labeled>
        <Labeled id="half-life" label="Engagement half-life (days)" hint="An event counts half after this long." issue={issueUnder(issues, "halfLifeDays")}>
          <NumberInput id="half-life" value={model.halfLifeDays} onChange={(d) => onChange({ ...model, halfLifeDays: d ?? 0 })} min={1} />
        </Labeled>
      </div>

      <div className="space-y-2">
        <div className="flex flex-wrap items-center gap-2">
          <p className="text-sm font-medium">Segment overrides by</p>
          <NativeSelect aria-label="Segment by" value={t.segmentField} onChange={(e) => set({ segmentField: e.target.value as Thresholds["segmentField"] })} className="w-36">
            <option value="region">region</option>
            <option value="country">country</option>
            <option value="source">source</option>
          </NativeSelect>
        </div>
        {t.segments.map((s, i) => (
          <div key={i} className="flex flex-wrap items-center gap-2" data-testid="segment-override">
            <Input aria-label={`Segment ${i + 1}: ${t.segmentField}`} value={s.value} onChange={(e) => set({ segments: t.segments.map((x, j) => (j === i ? { ...x, value: e.target.value } : x)) })} className="w-40" placeholder="APAC" />
            <span className="text-sm text-muted-foreground">needs fit ≥</span>
            <NumberInput aria-label={`Segment ${i + 1}: fit`} value={s.fit} onChange={(fit) => set({ segments: t.segments.map((x, j) => (j === i ? { ...x, fit: fit ?? 0 } : x)) })} className="w-20" />
            <span className="text-sm text-muted-foreground">and engagement ≥</span>
            <NumberInput aria-label={`Segment ${i + 1}: engagement`} value={s.engagement} onChange={(engagement) => set({ segments: t.segments.map((x, j) => (j === i ? { ...x, engagement: engagement ?? 0 } : x)) })} className="w-20" />
            <Button type="button" variant="ghost" size="icon" aria-label={`Remove the ${s.value || "new"} segment`} onClick={() => set({ segments: t.segments.filter((_, j) => j !== i) })}>
              <X className="text-muted-foreground" />
            </Button>
            <FieldIssue message={issueUnder(issues, `thresholds.segments.${i}`)} />
          </div>
        ))}
        <Button type="button" variant="outline" size="sm" onClick={() => set({ segments: [...t.segments, { value: "", fit: t.fit, engagement: t.engagement }] })}>
          <Plus /> Add a segment override
        </Button>
      </div>

      <div className="space-y-2">
        <p className="text-sm font-medium">Qualifying actions</p>
        <p className="text-xs text-muted-foreground">An MQL at once, whatever the engagement, when the contact does this with enough fit.</p>
        {t.qualifyingActions.map((q, i) => (
          <div key={i} className="flex flex-wrap items-center gap-2" data-testid="qualifying-action">
            <Input aria-label={`Qualifying action ${i + 1}: event type`} list="engagement-event-types" value={q.eventType} onChange={(e) => set({ qualifyingActions: t.qualifyingActions.map((x, j) => (j === i ? { ...x, eventType: e.target.value.trim() } : x)) })} className="w-48" />
            <span className="text-sm text-muted-foreground">with fit ≥</span>
            <NumberInput aria-label={`Qualifying action ${i + 1}: minimum fit`} value={q.minFit} onChange={(minFit) => set({ qualifyingActions: t.qualifyingActions.map((x, j) => (j === i ? { ...x, minFit: minFit ?? 0 } : x)) })} className="w-20" />
            <Button type="button" variant="ghost" size="icon" aria-label={`Remove the ${q.eventType} action`} onClick={() => set({ qualifyingActions: t.qualifyingActions.filter((_, j) => j !== i) })}>
              <X className="text-muted-foreground" />
            </Button>
            <FieldIssue message={issueUnder(issues, `thresholds.qualifyingActions.${i}`)} />
          </div>
        ))}
        <Button type="button" variant="outline" size="sm" onClick={() => set({ qualifyingActions: [...t.qualifyingActions, { eventType: "demo_request", minFit: 35 }] })}>
          <Plus /> Add a qualifying action
        </Button>
      </div>
    </div>
  );
}

/** The account-level rule (MQA): its threshold and how the buying committee rolls up. */
export function MqaEditor({ model, issues, onChange }: { model: ScoringModelDefinition; issues: IssueMap; onChange: (model: ScoringModelDefinition) => void }) {
  const m = model.mqa;
  const set = (patch: Partial<ScoringModelDefinition["mqa"]>) => onChange({ ...model, mqa: { ...m, ...patch } });
  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      <Labeled id="mqa-threshold" label="Account score at least" issue={issueUnder(issues, "mqa.threshold")}>
        <NumberInput id="mqa-threshold" value={m.threshold} onChange={(threshold) => set({ threshold: threshold ?? 0 })} />
      </Labeled>
      <Labeled id="mqa-top" label="Most engaged contacts that count" issue={issueUnder(issues, "mqa.topContacts")}>
        <NumberInput id="mqa-top" value={m.topContacts} onChange={(topContacts) => set({ topContacts: topContacts ?? 1 })} />
      </Labeled>
      <Labeled id="mqa-coverage" label="Functions engaged for full coverage" issue={issueUnder(issues, "mqa.fullCoverageFunctions")}>
        <NumberInput id="mqa-coverage" value={m.fullCoverageFunctions} onChange={(fullCoverageFunctions) => set({ fullCoverageFunctions: fullCoverageFunctions ?? 1 })} />
      </Labeled>
      <Labeled id="mqa-engaged" label="Engaged from engagement score" issue={issueUnder(issues, "mqa.engagedFrom")}>
        <NumberInput id="mqa-engaged" value={m.engagedFrom} onChange={(engagedFrom) => set({ engagedFrom: engagedFrom ?? 0 })} />
      </Labeled>
      {(["fit", "engagement", "coverage"] as const).map((k) => (
        <Labeled key={k} id={`mqa-weight-${k}`} label={`Weight of ${k}`} issue={issueUnder(issues, `mqa.weights.${k}`)}>
          <NumberInput id={`mqa-weight-${k}`} value={m.weights[k]} onChange={(w) => set({ weights: { ...m.weights, [k]: w ?? 0 } })} step={0.05} />
        </Labeled>
      ))}
    </div>
  );
}

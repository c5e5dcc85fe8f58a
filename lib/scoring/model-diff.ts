import { describeEngagementCondition, describeFitCondition, signedPoints } from "./describe-rule";
import type { EngagementRule, FitRule, ScoringModelDefinition } from "./model-schema";

export type ModelChange = {
  section: "Fit rules" | "Engagement rules" | "Thresholds" | "Segments" | "Qualifying actions" | "Decay" | "Account (MQA)";
  kind: "added" | "removed" | "changed";
  subject: string;
  before?: string;
  after?: string;
};

const fitText = (r: FitRule) => `${describeFitCondition(r)}: ${signedPoints(r.points)}`;
const engagementText = (r: EngagementRule, halfLife: number) =>
  `${describeEngagementCondition(r)}: ${signedPoints(r.points)} per event, cap ${r.cap}, half-life ${r.halfLifeDays ?? halfLife} d`;

/** Rules matched by id: added, removed, or changed in what they test or give. */
function diffRules<R extends { id: string; label: string }>(
  section: ModelChange["section"],
  before: readonly R[],
  after: readonly R[],
  text: (r: R) => string,
): ModelChange[] {
  const changes: ModelChange[] = [];
  const old = new Map(before.map((r) => [r.id, r]));
  const now = new Map(after.map((r) => [r.id, r]));
  for (const r of after) {
    const prev = old.get(r.id);
    if (!prev) changes.push({ section, kind: "added", subject: r.label, after: text(r) });
    else if (prev.label !== r.label) changes.push({ section, kind: "changed", subject: r.label, before: `${prev.label} — ${text(prev)}`, after: `${r.label} — ${text(r)}` });
    else if (text(prev) !== text(r)) changes.push({ section, kind: "changed", subject: r.label, before: text(prev), after: text(r) });
  }
  for (const r of before) if (!now.has(r.id)) changes.push({ section, kind: "removed", subject: r.label, before: text(r) });
  return changes;
}

function diffValue(section: ModelChange["section"], subject: string, before: string, after: string): ModelChange[] {
  return before === after ? [] : [{ section, kind: "changed", subject, before, after }];
}

/** What changes from `a` to `b`, in the editor's words: the diff between two versions. */
export function diffModels(a: ScoringModelDefinition, b: ScoringModelDefinition): ModelChange[] {
  const seg = (m: ScoringModelDefinition) => new Map(m.thresholds.segments.map((s) => [s.value.toLowerCase(), s]));
  const segA = seg(a);
  const segB = seg(b);
  const segmentChanges: ModelChange[] = [];
  for (const [key, s] of segB) {
    const prev = segA.get(key);
    const text = `fit ≥ ${s.fit}, engagement ≥ ${s.engagement}`;
    if (!prev) segmentChanges.push({ section: "Segments", kind: "added", subject: s.value, after: text });
    else segmentChanges.push(...diffValue("Segments", s.value, `fit ≥ ${prev.fit}, engagement ≥ ${prev.engagement}`, text));
  }
  for (const [key, s] of segA) if (!segB.has(key)) segmentChanges.push({ section: "Segments", kind: "removed", subject: s.value, before: `fit ≥ ${s.fit}, engagement ≥ ${s.engagement}` });
  const actions = (m: ScoringModelDefinition) => m.thresholds.qualifyingActions.map((q) => `${q.eventType} with fit ≥ ${q.minFit}`).join("; ") || "none";
  const mqa = (m: ScoringModelDefinition) =>
    `threshold ${m.mqa.threshold}; top ${m.mqa.topContacts} contacts; weights fit ${m.mqa.weights.fit}, engagement ${m.mqa.weights.engagement}, coverage ${m.mqa.weights.coverage}; full coverage at ${m.mqa.fullCoverageFunctions} functions engaged from ${m.mqa.engagedFrom}`;
  return [
    ...diffValue("Thresholds", "MQL rule", `fit ≥ ${a.thresholds.fit} and engagement ≥ ${a.thresholds.engagement}`, `fit ≥ ${b.thresholds.fit} and engagement ≥ ${b.thresholds.engagement}`),
    ...diffValue("Thresholds", "Segments by", a.thresholds.segmentField, b.thresholds.segmentField),
    ...segmentChanges,
    ...diffValue("Qualifying actions", "Qualifying actions", actions(a), actions(b)),
    ...diffValue("Decay", "Engagement half-life", `${a.halfLifeDays} days`, `${b.halfLifeDays} days`),
    ...diffRules("Fit rules", a.fitRules, b.fitRules, fitText),
    ...diffRules("Engagement rules", a.engagementRules, b.engagementRules, (r) => engagementText(r, b.halfLifeDays)),
    ...diffValue("Account (MQA)", "Account qualification", mqa(a), mqa(b)),
  ];
}

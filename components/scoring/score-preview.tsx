"use client";
import { ArrowRight, Loader2, Search, X } from "lucide-react";
import { useDeferredValue, useState } from "react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import type { ScoreExplanation } from "@/lib/scoring/explain";
import type { ScoringModelDefinition } from "@/lib/scoring/model-schema";
import { cn } from "@/lib/utils";
import { useContactLookupQuery, useScorePreviewQuery, type ContactOption } from "./use-scoring-queries";

const round = (n: number) => Math.round(n * 10) / 10;

function decisionText(e: ScoreExplanation): string {
  if (!e.decision.qualifies) return "Not an MQL";
  return e.decision.reason === "threshold" ? "MQL: crosses the thresholds" : `MQL: ${e.decision.detail.replace(/_/g, " ")}`;
}

function Delta({ from, to }: { from: number; to: number }) {
  const d = round(to - from);
  if (d === 0) return null;
  return <span className={cn("ml-1 text-xs font-medium tabular-nums", d > 0 ? "text-emerald-600" : "text-destructive")}>{d > 0 ? `+${d}` : d}</span>;
}

function ScoreColumn({ title, testId, e, compareTo }: { title: string; testId: string; e: ScoreExplanation; compareTo?: ScoreExplanation }) {
  return (
    <div className="min-w-0 flex-1 rounded-md border p-3" data-testid={testId}>
      <p className="text-xs font-medium text-muted-foreground">{title}</p>
      <dl className="mt-1.5 grid grid-cols-2 gap-2">
        <div>
          <dt className="text-xs text-muted-foreground">Fit</dt>
          <dd className="text-xl font-semibold tabular-nums" data-testid="preview-fit">
            {Math.round(e.fit.score)}
            {compareTo ? <Delta from={compareTo.fit.score} to={e.fit.score} /> : null}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-muted-foreground">Engagement</dt>
          <dd className="text-xl font-semibold tabular-nums" data-testid="preview-engagement">
            {Math.round(e.engagement.score)}
            {compareTo ? <Delta from={compareTo.engagement.score} to={e.engagement.score} /> : null}
          </dd>
        </div>
      </dl>
      <p className={cn("mt-2 text-xs font-medium", e.decision.qualifies ? "text-primary" : "text-muted-foreground")}>{decisionText(e)}</p>
      <p className="text-xs text-muted-foreground">
        Needs fit ≥ {e.thresholds.fit}, engagement ≥ {e.thresholds.engagement}
        {e.thresholds.segment ? ` (${e.thresholds.segment})` : ""}
      </p>
    </div>
  );
}

/** Rules whose points differ between the two models, biggest change first. */
function ChangedRules({ draft, published }: { draft: ScoreExplanation; published: ScoreExplanation }) {
  const points = (e: ScoreExplanation) => new Map([...e.fit.contributions, ...e.engagement.contributions].map((c) => [c.ruleId, c]));
  const before = points(published);
  const after = points(draft);
  const ids = new Set([...before.keys(), ...after.keys()]);
  const rows = [...ids]
    .map((id) => ({ id, label: after.get(id)?.label ?? before.get(id)!.label, from: before.get(id)?.points ?? 0, to: after.get(id)?.points ?? 0 }))
    .filter((r) => round(r.from) !== round(r.to))
    .sort((a, b) => Math.abs(b.to - b.from) - Math.abs(a.to - a.from));
  if (rows.length === 0) return <p className="text-xs text-muted-foreground">The draft scores this contact exactly as the published model does.</p>;
  return (
    <ul className="space-y-1" data-testid="preview-changes">
      {rows.map((r) => (
        <li key={r.id} className="flex items-baseline justify-between gap-2 text-sm">
          <span className="min-w-0 truncate">{r.label}</span>
          <span className="flex shrink-0 items-center gap-1 tabular-nums text-muted-foreground">
            {round(r.from)} <ArrowRight className="size-3" /> <span className="font-medium text-foreground">{round(r.to)}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}

function ContactPicker({ onPick }: { onPick: (c: ContactOption) => void }) {
  const [q, setQ] = useState("");
  const deferred = useDeferredValue(q);
  const lookup = useContactLookupQuery(deferred);
  return (
    <div className="space-y-2">
      <div className="relative">
        <Search className="pointer-events-none absolute left-2.5 top-1/2 size-4 -translate-y-1/2 text-muted-foreground" />
        <Input aria-label="Find a contact to preview" placeholder="Find a contact by name, email or company" value={q} onChange={(e) => setQ(e.target.value)} className="pl-8" />
      </div>
      {deferred.trim().length >= 2 ? (
        lookup.isError ? (
          <p className="text-xs text-destructive">{lookup.error.message}</p>
        ) : lookup.data?.length === 0 ? (
          <p className="text-xs text-muted-foreground">No contact matches “{deferred}”.</p>
        ) : (
          <ul className="max-h-56 overflow-y-auto rounded-md border" role="listbox" aria-label="Contacts">
            {(lookup.data ?? []).map((c) => (
              <li key={c.id}>
                <button type="button" role="option" aria-selected={false} className="w-full px-3 py-2 text-left text-sm hover:bg-muted" onClick={() => onPick(c)}>
                  <span className="font-medium">{c.name}</span>
                  <span className="block truncate text-xs text-muted-foreground">{[c.title, c.company].filter(Boolean).join(" · ") || c.email}</span>
                </button>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </div>
  );
}

/**
 * Any contact scored by the draft being edited and by the published model, side by side, as the
 * marketer types: the evidence before a change is saved, let alone published.
 */
export function ScorePreview({ draft, invalid }: { draft: ScoringModelDefinition; invalid: boolean }) {
  const [contact, setContact] = useState<ContactOption | null>(null);
  const deferredDraft = useDeferredValue(draft);
  const preview = useScorePreviewQuery(contact?.id ?? null, invalid ? null : deferredDraft);
  return (
    <Card>
      <CardHeader>
        <CardTitle>Preview on a contact</CardTitle>
        <CardDescription>Scored now by this draft and by the published model.</CardDescription>
      </CardHeader>
      <CardContent className="space-y-3">
        {contact ? (
          <div className="flex items-start justify-between gap-2 rounded-md bg-muted/60 px-3 py-2">
            <div className="min-w-0">
              <p className="truncate text-sm font-medium" data-testid="preview-contact">
                {contact.name}
              </p>
              <p className="truncate text-xs text-muted-foreground">{[contact.title, contact.company].filter(Boolean).join(" · ") || contact.email}</p>
            </div>
            <button type="button" className="rounded p-1 text-muted-foreground hover:bg-muted hover:text-foreground" aria-label="Preview another contact" onClick={() => setContact(null)}>
              <X className="size-4" />
            </button>
          </div>
        ) : (
          <ContactPicker onPick={setContact} />
        )}
        {contact ? (
          invalid ? (
            <p className="text-sm text-muted-foreground">Fix the draft&rsquo;s mistakes to see its scores.</p>
          ) : preview.isError ? (
            <p className="text-sm text-destructive">{preview.error.message}</p>
          ) : !preview.data ? (
            <p className="flex items-center gap-2 text-sm text-muted-foreground">
              <Loader2 className="size-4 animate-spin" /> Scoring…
            </p>
          ) : (
            <div className={cn("space-y-3 transition-opacity", preview.isFetching && "opacity-60")}>
              <div className="flex gap-2">
                <ScoreColumn title={`Published v${preview.data.published.version}`} testId="preview-published" e={preview.data.published.explanation} />
                <ScoreColumn title="This draft" testId="preview-draft" e={preview.data.draft} compareTo={preview.data.published.explanation} />
              </div>
              <div>
                <p className="mb-1.5 text-xs font-medium uppercase tracking-wide text-muted-foreground">What changes for this contact</p>
                <ChangedRules draft={preview.data.draft} published={preview.data.published.explanation} />
              </div>
            </div>
          )
        ) : null}
      </CardContent>
    </Card>
  );
}

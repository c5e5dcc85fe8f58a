"use client";
import { Check, Loader2, Save, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { deleteDraftAction, saveDraftAction } from "@/lib/scoring/actions";
import { diffModels } from "@/lib/scoring/model-diff";
import { scoringModelDefinitionSchema, type ScoringModelDefinition } from "@/lib/scoring/model-schema";
import { issueMap } from "./editor-state";
import { EngagementRulesEditor } from "./engagement-rules-editor";
import { FitRulesEditor } from "./fit-rules-editor";
import { PublishDialog } from "./publish-dialog";
import { ScorePreview } from "./score-preview";
import { MqaEditor, ThresholdsEditor } from "./thresholds-editor";
import { VersionDiff } from "./version-diff";

export type EditorDraft = { id: string; version: number; name: string; notes: string | null; definition: ScoringModelDefinition };

/**
 * The draft model editor: thresholds, fit and engagement rules and the account rule, checked as
 * they are typed with the same schema the server saves with; a live preview of any contact under
 * the draft and the published model; the changes from the published model; save and publish.
 */
export function ModelEditor({ draft, published, eventTypes }: { draft: EditorDraft; published: { version: number; definition: ScoringModelDefinition }; eventTypes: readonly string[] }) {
  const router = useRouter();
  const [definition, setDefinition] = useState(draft.definition);
  const [name, setName] = useState(draft.name);
  const [saved, setSaved] = useState({ definition: draft.definition, name: draft.name, at: null as string | null });
  const [serverError, setServerError] = useState<string | null>(null);
  const [saving, startSaving] = useTransition();
  const [deleting, startDeleting] = useTransition();

  const validation = useMemo(() => scoringModelDefinitionSchema.safeParse(definition), [definition]);
  const issues = useMemo(() => issueMap(validation.success ? [] : validation.error.issues), [validation]);
  const dirty = name !== saved.name || JSON.stringify(definition) !== JSON.stringify(saved.definition);
  const changes = useMemo(() => (validation.success ? diffModels(published.definition, validation.data) : []), [validation, published.definition]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  /** Saves; false when there are mistakes (nothing is saved then). */
  const save = async (): Promise<boolean> => {
    setServerError(null);
    if (!validation.success) {
      setServerError(`${issues.size === 1 ? "One thing needs" : `${issues.size} things need`} fixing before the draft can be saved.`);
      return false;
    }
    const result = await saveDraftAction({ id: draft.id, name, notes: draft.notes, definition });
    if (!result.ok) {
      setServerError(result.error);
      return false;
    }
    if (result.issues.length) {
      setServerError(result.issues[0]!.message);
      return false;
    }
    setSaved({ definition, name, at: result.savedAt });
    return true;
  };

  const remove = () =>
    startDeleting(async () => {
      if (!window.confirm(`Delete the draft v${draft.version}? Its changes are lost.`)) return;
      const result = await deleteDraftAction(draft.id);
      if (result.ok) router.push("/scoring");
      else setServerError(result.error);
    });

  return (
    <div className="grid gap-6 p-6 lg:p-8 xl:grid-cols-[minmax(0,1fr)_400px]">
      <div className="space-y-6">
        <div className="flex flex-wrap items-center gap-3 rounded-lg border bg-card p-3">
          <Input aria-label="Draft name" value={name} onChange={(e) => setName(e.target.value)} className="min-w-48 flex-1 font-medium lg:max-w-xs" />
          <span className="text-sm text-muted-foreground" aria-live="polite" data-testid="save-state">
            {saving ? "Saving…" : dirty ? "Unsaved changes" : saved.at ? "All changes saved" : "No changes yet"}
          </span>
          <div className="ml-auto flex items-center gap-2">
            <Button variant="ghost" onClick={remove} disabled={deleting} aria-label="Delete this draft">
              <Trash2 /> Delete
            </Button>
            <Button variant="outline" onClick={() => startSaving(async () => void (await save()))} disabled={saving || !dirty}>
              {saving ? <Loader2 className="animate-spin" /> : dirty ? <Save /> : <Check />} Save draft
            </Button>
            <PublishDialog
              versionId={draft.id}
              version={draft.version}
              publishedVersion={published.version}
              changes={changes}
              disabled={!validation.success}
              beforePublish={async () => (dirty ? save() : validation.success)}
            />
          </div>
          {serverError ? (
            <p role="alert" className="w-full text-sm text-destructive">
              {serverError}
            </p>
          ) : null}
        </div>

        <Card>
          <CardHeader>
            <CardTitle>MQL rule</CardTitle>
            <CardDescription>A contact becomes an MQL when both scores reach the thresholds of their segment, or at once on a qualifying action.</CardDescription>
          </CardHeader>
          <CardContent>
            <ThresholdsEditor model={definition} issues={issues} onChange={setDefinition} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Fit rules</CardTitle>
            <CardDescription>Points for who the contact is and where they work; negative points for who you do not sell to. The total is kept within 0–100.</CardDescription>
          </CardHeader>
          <CardContent>
            <FitRulesEditor model={definition} issues={issues} onChange={(fitRules) => setDefinition({ ...definition, fitRules })} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Engagement rules</CardTitle>
            <CardDescription>Points per event, halved every half-life and capped per rule. The total is kept within 0–100.</CardDescription>
          </CardHeader>
          <CardContent>
            <EngagementRulesEditor model={definition} eventTypes={eventTypes} issues={issues} onChange={(engagementRules) => setDefinition({ ...definition, engagementRules })} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Account qualification (MQA)</CardTitle>
            <CardDescription>An account score from its fit, its most engaged contacts and how many functions are engaged.</CardDescription>
          </CardHeader>
          <CardContent>
            <MqaEditor model={definition} issues={issues} onChange={setDefinition} />
          </CardContent>
        </Card>
      </div>

      <aside className="space-y-6 xl:sticky xl:top-6 xl:self-start">
        <ScorePreview draft={definition} invalid={!validation.success} />
        <Card>
          <CardHeader>
            <CardTitle>Changes from v{published.version}</CardTitle>
            <CardDescription>{validation.success ? `${changes.length} ${changes.length === 1 ? "change" : "changes"}` : "Fix the mistakes to compare."}</CardDescription>
          </CardHeader>
          <CardContent className="max-h-96 overflow-y-auto">{validation.success ? <VersionDiff changes={changes} empty="Nothing changed yet." compact /> : null}</CardContent>
        </Card>
      </aside>
    </div>
  );
}

"use client";
import { AlertTriangle, FlaskConical, Loader2, Play } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Progress } from "@/components/ui/progress";
import { NativeSelect } from "@/components/ui/select";
import { PublishDialog } from "@/components/scoring/publish-dialog";
import { BACKTEST_MONTHS } from "@/lib/analytics/backtest/backtest-request";
import type { ModelChange } from "@/lib/scoring/model-diff";
import { BacktestComparison } from "./backtest-comparison";
import { BacktestMonthsChart } from "./backtest-months-chart";
import { useLatestBacktestQuery, useRunBacktestMutation, type BacktestView } from "./use-backtest-queries";

export type BacktestDraft = { id: string; version: number; name: string; changes: ModelChange[] };

function BacktestProgress({ backtest }: { backtest: BacktestView }) {
  const label = backtest.status === "queued" ? "Waiting to start…" : `Replaying contacts: ${backtest.chunksDone} of ${backtest.chunksTotal} ranges`;
  return (
    <div className="space-y-2" data-testid="backtest-progress">
      <p className="flex items-center gap-2 text-sm font-medium">
        <Loader2 className="size-4 animate-spin text-primary" /> {label}
      </p>
      <Progress aria-label="Backtest progress" value={backtest.chunksDone} max={backtest.chunksTotal} />
    </div>
  );
}

/**
 * The backtest: pick a draft and a window, replay it next to the model in force over those months
 * of real events, and compare what each would have qualified with what those contacts really did —
 * then publish the draft from here.
 */
export function BacktestPanel({ drafts, published }: { drafts: BacktestDraft[]; published: { id: string; version: number } }) {
  const [draftId, setDraftId] = useState<string | null>(drafts[0]?.id ?? null);
  const [months, setMonths] = useState<number>(6);
  const latest = useLatestBacktestQuery(draftId);
  const run = useRunBacktestMutation();
  const draft = drafts.find((d) => d.id === draftId) ?? null;

  if (drafts.length === 0 || !draft) {
    return (
      <EmptyState icon={FlaskConical} title="No draft to backtest" className="py-8">
        <p>Create a draft of the scoring model, change its rules or thresholds, and come back to see what it would have done.</p>
        <Button asChild variant="outline" className="mt-3">
          <Link href="/scoring">Open the scoring model</Link>
        </Button>
      </EmptyState>
    );
  }

  const backtest = latest.data ?? null;
  const busy = backtest?.status === "queued" || backtest?.status === "running";
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end gap-3">
        <label className="grid gap-1 text-sm">
          <span className="font-medium">Draft</span>
          <NativeSelect aria-label="Draft to backtest" value={draft.id} onChange={(e) => setDraftId(e.target.value)} className="min-w-56">
            {drafts.map((d) => (
              <option key={d.id} value={d.id}>
                v{d.version} · {d.name}
              </option>
            ))}
          </NativeSelect>
        </label>
        <label className="grid gap-1 text-sm">
          <span className="font-medium">Replay the last</span>
          <NativeSelect aria-label="Months to replay" value={months} onChange={(e) => setMonths(Number(e.target.value))}>
            {BACKTEST_MONTHS.map((m) => (
              <option key={m} value={m}>
                {m} months
              </option>
            ))}
          </NativeSelect>
        </label>
        <Button onClick={() => run.mutate({ draftId: draft.id, months })} disabled={busy || run.isPending}>
          {run.isPending ? <Loader2 className="animate-spin" /> : <Play />} Run backtest
        </Button>
        {backtest?.status === "completed" ? (
          <div className="ml-auto">
            <PublishDialog versionId={draft.id} version={draft.version} publishedVersion={published.version} changes={draft.changes} beforePublish={async () => true} />
          </div>
        ) : null}
      </div>
      {run.error ? (
        <p role="alert" className="text-sm text-destructive">
          {run.error.message}
        </p>
      ) : null}
      {latest.error ? (
        <p role="alert" className="text-sm text-destructive">
          {latest.error.message}
        </p>
      ) : latest.isPending ? (
        <p className="flex items-center gap-2 text-sm text-muted-foreground">
          <Loader2 className="size-4 animate-spin" /> Loading the last backtest…
        </p>
      ) : !backtest ? (
        <p className="rounded-md border border-dashed p-4 text-sm text-muted-foreground">
          v{draft.version} has not been backtested yet. Running it replays both models over every contact&apos;s events in the window — a minute or two on a large
          workspace — and compares what each would have qualified with what those contacts really did.
        </p>
      ) : busy ? (
        <BacktestProgress backtest={backtest} />
      ) : backtest.status === "failed" ? (
        <p role="alert" className="flex items-center gap-2 text-sm text-destructive">
          <AlertTriangle className="size-4" /> The backtest stopped: {backtest.error}
        </p>
      ) : backtest.result ? (
        <div className="space-y-5" data-testid="backtest-result">
          <BacktestComparison result={backtest.result} months={backtest.months} from={backtest.from} until={backtest.until} />
          <BacktestMonthsChart result={backtest.result} />
        </div>
      ) : null}
    </div>
  );
}

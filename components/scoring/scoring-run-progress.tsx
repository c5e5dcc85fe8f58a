"use client";
import { CheckCircle2, Loader2, XCircle } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { Progress } from "@/components/ui/progress";
import { formatCount } from "@/lib/format";
import { useScoringRunQuery } from "./use-scoring-queries";

const REASON = { publish: "after publishing", daily: "daily decay", manual: "on request" } as const;

/**
 * A scoring run's progress, live: how many contacts are rescored, how many changed, how many
 * became MQLs. Refreshes the page's data once the run is done, so the new scores show.
 */
export function ScoringRunProgress({ runId, reason }: { runId: string; reason: keyof typeof REASON }) {
  const router = useRouter();
  const { data: run, error } = useScoringRunQuery(runId);
  const finished = run?.status === "completed" || run?.status === "failed";
  useEffect(() => {
    if (finished) router.refresh();
  }, [finished, router]);
  if (error) return <p className="text-sm text-destructive">{error.message}</p>;
  if (!run) return <p className="flex items-center gap-2 text-sm text-muted-foreground"><Loader2 className="size-4 animate-spin" /> Loading…</p>;
  const total = run.totalContacts ?? 0;
  const title = `Rescoring everyone with v${run.modelVersion} (${REASON[reason]})`;
  return (
    <div className="space-y-2" data-testid="scoring-run" data-status={run.status}>
      <div className="flex items-center justify-between gap-3 text-sm">
        <p className="flex items-center gap-2 font-medium">
          {run.status === "completed" ? <CheckCircle2 className="size-4 text-emerald-600" /> : run.status === "failed" ? <XCircle className="size-4 text-destructive" /> : <Loader2 className="size-4 animate-spin text-primary" />}
          {title}
        </p>
        <span className="tabular-nums text-muted-foreground">
          {run.status === "queued" ? "Waiting to start" : run.totalContacts === null ? "Computing every score…" : `${formatCount(run.processedContacts)} / ${formatCount(total)} contacts`}
        </span>
      </div>
      <Progress aria-label={title} value={run.status === "completed" ? 100 : total ? (run.processedContacts / total) * 100 : 0} />
      <p className="text-xs text-muted-foreground">
        {run.status === "failed"
          ? `Stopped: ${run.error}. The scores of the contacts not reached are unchanged; publish again or wait for tonight's run.`
          : `${formatCount(run.changedContacts)} scores changed · ${formatCount(run.designatedMqls)} new MQLs${run.status === "completed" ? " · done" : ""}`}
      </p>
    </div>
  );
}

"use client";
import { CheckCircle2, Loader2, XCircle } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { Progress } from "@/components/ui/progress";
import { formatCount } from "@/lib/format";
import { useScoringRunQuery, type ScoringRunProgress as RunProgress } from "./use-scoring-queries";

const REASON = { publish: "after publishing", daily: "daily decay", manual: "on request" } as const;

/**
 * Where the run stands, as a share of the bar and words for it. Computing the scores (one pass over
 * the events, or over the stored sums when they carry forward) takes most of the time and reports
 * nothing until done, so the phases are weighted by what they usually take; designation moves the
 * last part contact by contact.
 */
function progressOf(run: RunProgress): { share: number; step: string } {
  if (run.status === "completed") return { share: 1, step: "Done" };
  if (run.status === "queued") return { share: 0, step: "Waiting to start" };
  if (run.status === "failed") return { share: 0, step: "Failed" };
  switch (run.phase) {
    case "computing":
      return { share: 0.05, step: "Computing every score…" };
    case "writing":
      return { share: 0.7, step: "Writing the new scores…" };
    case "designating": {
      // Designation runs beside the writing; the last of the writing may outlast it.
      const total = run.candidateMqls ?? 0;
      if (run.processedCandidates >= total) return { share: 0.95, step: "Finishing…" };
      return { share: 0.7 + 0.25 * (run.processedCandidates / total), step: `Designating MQLs: ${formatCount(run.processedCandidates)} / ${formatCount(total)}` };
    }
    default:
      return { share: 0, step: "Starting…" };
  }
}

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
  const title = `Rescoring everyone with v${run.modelVersion} (${REASON[reason]})`;
  const { share, step } = progressOf(run);
  return (
    <div className="space-y-2" data-testid="scoring-run" data-status={run.status}>
      <div className="flex flex-wrap items-center justify-between gap-3 text-sm">
        <p className="flex items-center gap-2 font-medium">
          {run.status === "completed" ? <CheckCircle2 className="size-4 text-emerald-600" /> : run.status === "failed" ? <XCircle className="size-4 text-destructive" /> : <Loader2 className="size-4 animate-spin text-primary" />}
          {title}
        </p>
        <span className="text-muted-foreground">{step}</span>
      </div>
      <Progress aria-label={title} value={share * 100} />
      <p className="text-xs text-muted-foreground">
        {run.status === "failed"
          ? `Stopped: ${run.error}. Publish again or wait for tonight's run: a run starts over and finishes the work.`
          : [
              run.totalContacts !== null ? `${formatCount(run.totalContacts)} contacts scored` : null,
              run.phase !== "computing" && run.totalContacts !== null ? `${formatCount(run.changedContacts)} scores changed` : null,
              run.candidateMqls !== null ? `${formatCount(run.designatedMqls)} new MQLs` : null,
            ]
              .filter(Boolean)
              .join(" · ") || "Starting…"}
      </p>
    </div>
  );
}

"use client";
import { useQueryClient } from "@tanstack/react-query";
import { AlertTriangle, CheckCircle2, ExternalLink, X } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { ScoreBreakdown } from "@/components/contacts/score-breakdown";
import { StageBadge } from "@/components/contacts/stage-badge";
import { ContactTimeline } from "@/components/timeline/contact-timeline";
import { Skeleton } from "@/components/ui/skeleton";
import type { LeadActionResult } from "@/lib/leads/lead-actions";
import { fullName, humanizeValue } from "@/lib/format";
import { RelativeTime } from "@/components/ui/relative-time";
import { LeadActions } from "./lead-actions";
import { SlaBadge } from "./sla-badge";
import { useLeadQuery } from "./use-queue-queries";

/** Everything needed to act on one lead: why it is here, its scores, the account, the timeline, and the actions. */
export function LeadPanel({ leadId, onClose, onChanged }: { leadId: string; onClose: () => void; onChanged: () => void }) {
  const query = useLeadQuery(leadId);
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<{ kind: "ok" | "error"; text: string } | null>(null);

  const onOutcome = (result: LeadActionResult, done: string) => {
    setNotice(result.ok ? { kind: "ok", text: done } : { kind: "error", text: result.message });
    void queryClient.invalidateQueries({ queryKey: ["lead", leadId] });
    void queryClient.invalidateQueries({ queryKey: ["timeline"] });
    onChanged();
  };

  return (
    <aside aria-label="Lead" className="min-w-0 rounded-lg border bg-card xl:sticky xl:top-4 xl:max-h-[calc(100vh-6rem)] xl:overflow-y-auto" data-testid="lead-panel">
      {query.isPending ? (
        <div className="space-y-3 p-5">
          <Skeleton className="h-6 w-48" />
          <Skeleton className="h-4 w-64" />
          <Skeleton className="h-32 w-full" />
        </div>
      ) : query.isError ? (
        <div className="p-5">
          <div className="flex items-start justify-between">
            <p role="alert" className="text-sm text-destructive">
              {query.error.message}
            </p>
            <button type="button" onClick={onClose} aria-label="Close the lead" className="rounded p-1 text-muted-foreground hover:bg-muted">
              <X className="size-4" />
            </button>
          </div>
        </div>
      ) : (
        <LeadBody lead={query.data} notice={notice} onClose={onClose} onOutcome={onOutcome} />
      )}
    </aside>
  );
}

function LeadBody({
  lead,
  notice,
  onClose,
  onOutcome,
}: {
  lead: NonNullable<ReturnType<typeof useLeadQuery>["data"]>;
  notice: { kind: "ok" | "error"; text: string } | null;
  onClose: () => void;
  onOutcome: (result: LeadActionResult, done: string) => void;
}) {
  const { record, contact, account } = lead;
  const now = new Date();
  const why =
    record.reason === "qualifying_action"
      ? `Qualifying action: ${humanizeValue(record.reasonDetail)}`
      : record.reason === "threshold"
        ? `Crossed the MQL threshold (${record.reasonDetail ?? "fit and engagement"})`
        : `${humanizeValue(record.reason)}${record.reasonDetail ? `: ${record.reasonDetail}` : ""}`;
  return (
    <div className="divide-y">
      <header className="space-y-3 p-5">
        <div className="flex items-start justify-between gap-3">
          <div className="min-w-0">
            <div className="flex items-center gap-2">
              <h2 className="truncate text-lg font-semibold" data-testid="lead-name">
                {fullName(contact)}
              </h2>
              <StageBadge stage={record.status} />
            </div>
            <p className="truncate text-sm text-muted-foreground">{[contact.title, account?.name].filter(Boolean).join(" at ") || contact.email}</p>
            <p className="mt-0.5 text-xs text-muted-foreground">
              {contact.email}
              {contact.phone ? ` · ${contact.phone}` : ""}
            </p>
          </div>
          <div className="flex shrink-0 items-center gap-1">
            <Link href={`/contacts/${contact.id}`} className="rounded p-1 text-muted-foreground hover:bg-muted hover:text-foreground" aria-label="Open the contact page">
              <ExternalLink className="size-4" />
            </Link>
            <button type="button" onClick={onClose} aria-label="Close the lead" className="rounded p-1 text-muted-foreground hover:bg-muted hover:text-foreground">
              <X className="size-4" />
            </button>
          </div>
        </div>
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <SlaBadge dueAt={record.slaDueAt ? new Date(record.slaDueAt) : null} touchedAt={record.firstTouchAt ? new Date(record.firstTouchAt) : null} now={now} />
          <span className="text-muted-foreground">MQL <RelativeTime date={record.mqlAt} /></span>
          {lead.repName ? <span className="text-muted-foreground">· {lead.repName}</span> : null}
        </div>
        <p className="rounded-md bg-muted/60 px-3 py-2 text-sm" data-testid="lead-reason">
          <span className="font-medium">Why now: </span>
          {why}. Fit {Math.round(record.fitScore)}, engagement {Math.round(record.engagementScore)} at qualification.
        </p>
        {notice ? (
          <p
            role={notice.kind === "error" ? "alert" : "status"}
            data-testid="lead-notice"
            className={
              notice.kind === "error"
                ? "flex items-start gap-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-200"
                : "flex items-start gap-2 rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-200"
            }
          >
            {notice.kind === "error" ? <AlertTriangle className="mt-0.5 size-4 shrink-0" /> : <CheckCircle2 className="mt-0.5 size-4 shrink-0" />}
            {notice.text}
          </p>
        ) : null}
        <LeadActions key={record.version} lead={lead} onOutcome={onOutcome} />
      </header>
      {lead.explanation ? (
        <div className="p-3 [&>div]:border-0 [&>div]:shadow-none">
          <ScoreBreakdown explanation={lead.explanation} modelVersion={lead.modelVersion ?? undefined} scoredAt={lead.scores.scoredAt ? new Date(lead.scores.scoredAt) : null} />
        </div>
      ) : null}
      {account ? (
        <section className="p-5">
          <h3 className="text-sm font-semibold">
            <Link href={`/accounts/${account.id}`} className="hover:underline">
              {account.name}
            </Link>{" "}
            <span className="font-normal text-muted-foreground">· others engaging</span>
          </h3>
          {lead.colleagues.length === 0 ? (
            <p className="mt-2 text-sm text-muted-foreground">No one else from this account yet.</p>
          ) : (
            <ul className="mt-2 space-y-2">
              {lead.colleagues.map((c) => (
                <li key={c.id} className="flex items-center justify-between gap-3 text-sm">
                  <span className="min-w-0">
                    <Link href={`/contacts/${c.id}`} className="block truncate font-medium hover:underline">
                      {fullName(c)}
                    </Link>
                    <span className="block truncate text-xs text-muted-foreground">
                      {c.title ?? c.email}
                      {c.latestAt ? (
                        <>
                          {" · active "}
                          <RelativeTime date={c.latestAt} />
                        </>
                      ) : null}
                    </span>
                  </span>
                  <span className="shrink-0 text-xs tabular-nums text-muted-foreground">engagement {Math.round(c.engagementScore)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
      <section className="p-5">
        <h3 className="mb-2 text-sm font-semibold">Timeline</h3>
        <ContactTimeline contactId={contact.id} />
      </section>
    </div>
  );
}

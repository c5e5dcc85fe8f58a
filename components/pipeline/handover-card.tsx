"use client";
import { CheckCircle2, Clock, Loader2, Mail, Phone, ThumbsDown } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { HandedOverLead } from "@/db/queries/pipeline";
import { salesAcceptLeadAction, salesRejectLeadAction } from "@/lib/leads/actions";
import { dateTime, fullName } from "@/lib/format";
import { cn } from "@/lib/utils";
import { ageOf, BANT_FIELDS, companyFacts, LeadHeading, Scores } from "./lead-meta";
import { SalesRejectDialog, type RejectionReasonOption } from "./pipeline-dialogs";
import { useLeadAction, type ReportOutcome } from "./use-lead-action";

const DAY_MS = 86_400_000;

function handedAgo(sqlAt: Date | null, now: Date): string {
  const age = ageOf(sqlAt, now);
  return age === "just now" ? "handed just now" : `handed ${age} ago`;
}

/** One SQL an SDR handed over: what they learnt (BANT, their note), and take it or turn it down. */
export function HandoverCard({
  lead,
  reasons,
  now,
  showOwner,
  report,
}: {
  lead: HandedOverLead;
  reasons: RejectionReasonOption[];
  now: Date;
  showOwner: boolean;
  report: ReportOutcome;
}) {
  const { pending, last, run, reset } = useLeadAction(report);
  const [rejecting, setRejecting] = useState(false);
  const target = { mqlRecordId: lead.id, expectedVersion: lead.version };
  const name = fullName(lead);
  const headingId = `handover-${lead.id}`;
  const waitingLong = lead.sqlAt !== null && now.getTime() - lead.sqlAt.getTime() > DAY_MS;
  const facts = companyFacts(lead);
  const sdrFirstName = lead.qualifiedByName?.split(" ")[0];

  return (
    <article
      aria-labelledby={headingId}
      data-testid="handover-card"
      data-lead-id={lead.id}
      className="grid gap-x-5 gap-y-3 rounded-lg border border-l-4 border-l-amber-400 bg-card p-4 shadow-sm lg:grid-cols-[minmax(0,1fr)_minmax(0,1.5fr)_auto] lg:items-start xl:grid-cols-[minmax(0,1fr)_minmax(0,2.1fr)_auto]"
    >
      <div className="min-w-0 space-y-1.5">
        <div className="flex items-start justify-between gap-2">
          <LeadHeading lead={lead} headingId={headingId} />
          <Badge variant={waitingLong ? "warning" : "secondary"} className="lg:hidden" title={`Handed over ${dateTime(lead.sqlAt)}`}>
            <Clock className="size-3" /> {handedAgo(lead.sqlAt, now)}
          </Badge>
        </div>
        {facts ? <p className="truncate text-xs text-muted-foreground">{facts}</p> : null}
        <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-muted-foreground">
          <span>
            Qualified by <span className="font-medium text-foreground">{lead.qualifiedByName ?? "an SDR"}</span>
            {showOwner ? (
              <>
                {" "}
                for <span className="font-medium text-foreground">{lead.salesOwnerName ?? "nobody yet"}</span>
              </>
            ) : null}
          </span>
          <Scores fit={lead.fitScore} engagement={lead.engagementScore} />
        </p>
      </div>
      <div className="min-w-0 space-y-2">
        <dl className="grid grid-cols-2 gap-x-4 gap-y-2 rounded-md bg-muted/60 px-3 py-2.5 sm:grid-cols-4 lg:grid-cols-2 xl:grid-cols-4" data-testid="handover-bant">
          {BANT_FIELDS.map((f) => (
            <div key={f.key} className="min-w-0">
              <dt className="text-[11px] font-medium uppercase tracking-wide text-muted-foreground">{f.label}</dt>
              <dd className={cn("line-clamp-3 text-sm leading-snug", !lead.bant?.[f.key] && "text-muted-foreground")} title={lead.bant?.[f.key] ?? undefined}>
                {lead.bant?.[f.key] || "Not given"}
              </dd>
            </div>
          ))}
        </dl>
        {lead.handoverNote ? (
          <p className="truncate border-l-2 border-primary/40 pl-2.5 text-sm text-muted-foreground" title={lead.handoverNote}>
            “{lead.handoverNote}”{sdrFirstName ? <> — {sdrFirstName}</> : null}
          </p>
        ) : null}
      </div>
      <div className="flex flex-wrap items-center gap-2 lg:flex-col lg:items-end">
        <span className="hidden items-center gap-1 text-xs text-muted-foreground lg:flex" title={`Handed over ${dateTime(lead.sqlAt)}`}>
          <Clock className={cn("size-3", waitingLong && "text-amber-600")} />
          <span className={cn(waitingLong && "font-medium text-amber-700")}>{handedAgo(lead.sqlAt, now)}</span>
        </span>
        {lead.salesOwnerId ? (
          <span className="flex items-center gap-2">
            <Button size="sm" onClick={() => run(() => salesAcceptLeadAction(target), `Accepted: ${name} is in ${showOwner ? `${lead.salesOwnerName}'s` : "your"} pipeline as an SQL.`)} disabled={pending}>
              {pending && !rejecting ? <Loader2 className="animate-spin" /> : <CheckCircle2 />} Accept
            </Button>
            <Button
              size="sm"
              variant="outline"
              onClick={() => {
                reset();
                setRejecting(true);
              }}
              disabled={pending}
            >
              <ThumbsDown /> Reject
            </Button>
          </span>
        ) : (
          <p className="max-w-48 text-xs text-muted-foreground lg:text-right">
            No sales rep holds it.{" "}
            <Link href="/team?rep=unassigned#reassign" className="font-medium text-primary hover:underline">
              Assign it on the Team page
            </Link>
          </p>
        )}
        <span className="flex items-center gap-0.5 max-lg:ml-auto">
          {lead.phone ? (
            <a href={`tel:${lead.phone}`} className="rounded p-1.5 text-muted-foreground hover:bg-muted hover:text-foreground" aria-label={`Call ${name}`} title={lead.phone}>
              <Phone className="size-4" />
            </a>
          ) : null}
          <a href={`mailto:${lead.email}`} className="rounded p-1.5 text-muted-foreground hover:bg-muted hover:text-foreground" aria-label={`Email ${name}`} title={lead.email}>
            <Mail className="size-4" />
          </a>
        </span>
      </div>
      <SalesRejectDialog
        open={rejecting}
        leadName={name}
        qualifiedByName={lead.qualifiedByName}
        reasons={reasons}
        pending={pending}
        result={last}
        onClose={() => setRejecting(false)}
        onSubmit={({ reason, note, outcome }) => {
          const label = reasons.find((r) => r.code === reason)?.label ?? reason;
          const done = outcome === "recycle" ? `Rejected ${name} (${label}) and recycled to nurture.` : `Rejected ${name} (${label}) and sent back to ${lead.qualifiedByName ?? "the SDR"}.`;
          run(() => salesRejectLeadAction({ ...target, reason, note, outcome }), done, () => setRejecting(false));
        }}
      />
    </article>
  );
}

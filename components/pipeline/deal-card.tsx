"use client";
import { ArrowRight, Loader2, Trophy, XCircle } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { PipelineLead } from "@/db/queries/pipeline";
import { closeLostAction, closeWonAction, convertToOpportunityAction } from "@/lib/leads/actions";
import { dateTime, fullName } from "@/lib/format";
import { ageOf, LeadHeading } from "./lead-meta";
import { CloseLostDialog, CloseWonDialog } from "./pipeline-dialogs";
import { useLeadAction, type ReportOutcome } from "./use-lead-action";

/** A taken SQL or an open opportunity: how long it has been there, the need, and the next step. */
export function DealCard({ lead, now, showOwner, report }: { lead: PipelineLead; now: Date; showOwner: boolean; report: ReportOutcome }) {
  const { pending, last, run, reset } = useLeadAction(report);
  const [dialog, setDialog] = useState<"won" | "lost" | null>(null);
  const target = { mqlRecordId: lead.id, expectedVersion: lead.version };
  const name = fullName(lead);
  const headingId = `deal-${lead.id}`;
  const isSql = lead.status === "sql";
  const since = isSql ? (lead.salesAcceptedAt ?? lead.sqlAt) : lead.opportunityAt;
  const open = (which: "won" | "lost") => {
    reset();
    setDialog(which);
  };

  return (
    <article aria-labelledby={headingId} data-testid="deal-card" data-lead-id={lead.id} className="space-y-2 rounded-lg border bg-card p-3 shadow-sm transition-shadow hover:shadow-md">
      <div className="flex items-start justify-between gap-2">
        <LeadHeading lead={lead} headingId={headingId} size="sm" />
        <span className="shrink-0 text-xs tabular-nums text-muted-foreground" title={`${isSql ? "Taken" : "Opportunity since"} ${dateTime(since)}`}>
          {ageOf(since, now)}
        </span>
      </div>
      {lead.bant?.need || lead.bant?.timeline ? (
        <p className="line-clamp-2 text-xs leading-relaxed">
          {lead.bant?.need ? (
            <>
              <span className="text-muted-foreground">Need </span>
              {lead.bant.need}
            </>
          ) : null}
          {lead.bant?.need && lead.bant?.timeline ? <span className="text-muted-foreground"> · </span> : null}
          {lead.bant?.timeline ? (
            <>
              <span className="text-muted-foreground">Timeline </span>
              {lead.bant.timeline}
            </>
          ) : null}
        </p>
      ) : null}
      <div className="-mb-0.5 flex flex-wrap items-center gap-1 pt-0.5">
        {isSql ? (
          <Button size="sm" variant="outline" className="h-7 px-2.5" onClick={() => run(() => convertToOpportunityAction(target), `${name} is now an opportunity.`)} disabled={pending}>
            {pending && !dialog ? <Loader2 className="animate-spin" /> : <ArrowRight />} Open opportunity
          </Button>
        ) : null}
        <Button size="sm" variant="ghost" className="h-7 px-2 text-emerald-700 hover:bg-emerald-50 hover:text-emerald-800" onClick={() => open("won")} disabled={pending}>
          <Trophy /> Won
        </Button>
        <Button size="sm" variant="ghost" className="h-7 px-2 text-destructive hover:bg-destructive/5 hover:text-destructive" onClick={() => open("lost")} disabled={pending}>
          <XCircle /> Lost
        </Button>
        {showOwner ? <span className="ml-auto truncate text-xs text-muted-foreground">{lead.salesOwnerName}</span> : null}
      </div>
      <CloseWonDialog
        open={dialog === "won"}
        leadName={name}
        accountName={lead.accountName}
        pending={pending}
        onClose={() => setDialog(null)}
        onSubmit={(note) => run(() => closeWonAction({ ...target, note }), `Won: ${lead.accountName ?? name} is a customer.`, () => setDialog(null))}
      />
      <CloseLostDialog
        open={dialog === "lost"}
        leadName={name}
        accountName={lead.accountName}
        pending={pending}
        result={last}
        onClose={() => setDialog(null)}
        onSubmit={(reason, note) => run(() => closeLostAction({ ...target, reason, note }), `Closed ${lead.accountName ?? name} as lost: ${reason}.`, () => setDialog(null))}
      />
    </article>
  );
}

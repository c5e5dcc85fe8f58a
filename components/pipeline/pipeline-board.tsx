"use client";
import { Briefcase, CheckCircle2, Inbox, Trophy, XCircle } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Badge } from "@/components/ui/badge";
import type { ClosedDeal, Pipeline } from "@/db/queries/pipeline";
import { fullName } from "@/lib/format";
import { RelativeTime } from "@/components/ui/relative-time";
import { cn } from "@/lib/utils";
import { ActionNotice, type Notice } from "./action-notice";
import { DealCard } from "./deal-card";
import { HandoverCard } from "./handover-card";
import type { RejectionReasonOption } from "./pipeline-dialogs";
import type { ReportOutcome } from "./use-lead-action";

/** How often the page asks the server again, so a new handover shows up without a reload. */
const REFRESH_MS = 20_000;
/** Handovers shown before "Show all": the board stays in sight. */
const HANDED_SHOWN = 4;

/**
 * The sales rep's day: SQLs handed to them first (take or turn down), then their deals from SQL
 * to opportunity to closed. The server renders the data; every action revalidates the page, and
 * a refusal (someone got there first) is shown with the lead as it is now.
 */
export function PipelineBoard({
  pipeline,
  reasons,
  now,
  showOwner,
  isAdmin,
}: {
  pipeline: Pipeline;
  reasons: RejectionReasonOption[];
  now: Date;
  showOwner: boolean;
  isAdmin: boolean;
}) {
  const router = useRouter();
  const [notice, setNotice] = useState<Notice | null>(null);
  const [allHanded, setAllHanded] = useState(false);

  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") router.refresh();
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [router]);

  const report: ReportOutcome = (result, done) => {
    setNotice(result.ok ? { kind: "ok", text: done } : { kind: "error", text: result.message });
    // A success revalidates the page on the server; a refusal may not have, and the lead may have moved.
    if (!result.ok) router.refresh();
  };

  const { handed, sqls, opportunities, closed, counts } = pipeline;

  return (
    <div className="space-y-6 p-4 lg:p-6">
      {notice ? (
        <div className="sticky top-2 z-20">
          <ActionNotice notice={notice} onDismiss={() => setNotice(null)} testId="pipeline-notice" className="shadow-md" />
        </div>
      ) : null}

      <section aria-labelledby="handed-heading" data-testid="handed-over">
        <div className="mb-3 flex flex-wrap items-baseline gap-x-3 gap-y-1">
          <h2 id="handed-heading" className="flex items-center gap-2 text-base font-semibold">
            <Inbox className="size-4 text-amber-600" />
            {isAdmin ? "Waiting for sales" : "Handed to you"}
            <Badge variant={counts.handed ? "warning" : "secondary"} className="tabular-nums">
              {counts.handed}
            </Badge>
          </h2>
          <p className="text-sm text-muted-foreground">
            {isAdmin ? "SQLs handed over and not yet taken by their sales rep." : "SQLs an SDR qualified for you. Accept to work them, or reject with a reason — the SDR sees it either way."}
          </p>
        </div>
        {handed.length === 0 ? (
          <div className="flex items-center gap-3 rounded-lg border border-dashed bg-card/60 px-4 py-3 text-sm text-muted-foreground">
            <CheckCircle2 className="size-4 text-emerald-600" />
            {isAdmin ? "Every handed-over SQL has been taken." : "Nothing waiting for you. When an SDR hands you an SQL it appears here, with their BANT notes."}
          </div>
        ) : (
          <div className="space-y-2">
            {(allHanded ? handed : handed.slice(0, HANDED_SHOWN)).map((lead) => (
              <HandoverCard key={`${lead.id}:${lead.version}`} lead={lead} reasons={reasons} now={now} showOwner={showOwner} report={report} />
            ))}
          </div>
        )}
        {handed.length > HANDED_SHOWN ? (
          <button type="button" onClick={() => setAllHanded(!allHanded)} className="mt-2 text-sm font-medium text-primary hover:underline">
            {allHanded ? "Show fewer" : `Show all ${handed.length}`}
          </button>
        ) : null}
        {allHanded || handed.length <= HANDED_SHOWN ? <More shown={handed.length} total={counts.handed} /> : null}
      </section>

      <section aria-label="Deals" className="grid items-start gap-4 xl:grid-cols-3">
        <Column title="SQL" hint="Taken — qualify the deal" count={counts.sqls} dot="bg-amber-500" testId="column-sql">
          {sqls.length === 0 ? (
            <ColumnEmpty icon={Inbox}>{counts.handed ? "Accept a handed-over SQL to start working it." : "No SQLs in progress."}</ColumnEmpty>
          ) : (
            sqls.map((lead) => <DealCard key={`${lead.id}:${lead.version}`} lead={lead} now={now} showOwner={showOwner} report={report} />)
          )}
          <More shown={sqls.length} total={counts.sqls} />
        </Column>
        <Column title="Opportunity" hint="Oldest first" count={counts.opportunities} dot="bg-primary" testId="column-opportunity">
          {opportunities.length === 0 ? (
            <ColumnEmpty icon={Briefcase}>Open an opportunity from an SQL once there is a deal to work.</ColumnEmpty>
          ) : (
            opportunities.map((lead) => <DealCard key={`${lead.id}:${lead.version}`} lead={lead} now={now} showOwner={showOwner} report={report} />)
          )}
          <More shown={opportunities.length} total={counts.opportunities} />
        </Column>
        <Column
          title="Closed"
          hint="Last 30 days"
          count={counts.won + counts.lost}
          dot="bg-emerald-500"
          testId="column-closed"
          summary={
            counts.won + counts.lost > 0 ? (
              <span className="text-xs tabular-nums text-muted-foreground">
                <span className="font-medium text-emerald-700">{counts.won} won</span> · {counts.lost} lost
              </span>
            ) : null
          }
        >
          {closed.length === 0 ? <ColumnEmpty icon={Trophy}>Deals you close as won or lost show here for 30 days.</ColumnEmpty> : closed.map((deal) => <ClosedRow key={deal.id} deal={deal} showOwner={showOwner} />)}
        </Column>
      </section>
    </div>
  );
}

function Column({
  title,
  hint,
  count,
  dot,
  testId,
  summary,
  children,
}: {
  title: string;
  hint: string;
  count: number;
  dot: string;
  testId: string;
  summary?: React.ReactNode;
  children: React.ReactNode;
}) {
  const id = `${testId}-heading`;
  return (
    <section aria-labelledby={id} data-testid={testId} className="flex min-w-0 flex-col rounded-xl border bg-muted/40">
      <header className="flex items-center justify-between gap-2 px-3 py-2.5">
        <h2 id={id} className="flex items-center gap-2 text-sm font-semibold">
          <span className={cn("size-2 rounded-full", dot)} aria-hidden />
          {title}
          <span className="rounded-full border bg-card px-1.5 text-xs font-medium tabular-nums text-muted-foreground">{count}</span>
        </h2>
        {summary ?? <span className="text-xs text-muted-foreground">{hint}</span>}
      </header>
      <div className="space-y-2 px-2 pb-2">{children}</div>
    </section>
  );
}

function ColumnEmpty({ icon: Icon, children }: { icon: typeof Inbox; children: React.ReactNode }) {
  return (
    <div className="flex flex-col items-center gap-2 rounded-lg border border-dashed bg-card/60 px-4 py-8 text-center text-sm text-muted-foreground">
      <Icon className="size-4" />
      {children}
    </div>
  );
}

function More({ shown, total }: { shown: number; total: number }) {
  return total > shown ? <p className="px-1 pt-1 text-xs text-muted-foreground">Showing the {shown} oldest of {total}.</p> : null;
}

function ClosedRow({ deal, showOwner }: { deal: ClosedDeal; showOwner: boolean }) {
  const won = deal.status === "customer";
  return (
    <div className="flex items-start gap-2.5 rounded-lg border bg-card px-3 py-2" data-testid="closed-deal">
      {won ? <Trophy className="mt-0.5 size-4 shrink-0 text-emerald-600" /> : <XCircle className="mt-0.5 size-4 shrink-0 text-muted-foreground" />}
      <div className="min-w-0 flex-1">
        <p className="truncate text-sm font-medium">
          <Link href={`/contacts/${deal.contactId}`} className="hover:underline">
            {deal.accountName ?? fullName(deal)}
          </Link>
        </p>
        <p className="truncate text-xs text-muted-foreground">
          {deal.accountName ? `${fullName(deal)} · ` : ""}
          {won ? "Won" : `Lost${deal.lostReason ? `: ${deal.lostReason}` : ""}`}
          {showOwner && deal.salesOwnerName ? ` · ${deal.salesOwnerName}` : ""}
        </p>
      </div>
      <RelativeTime date={deal.closedAt} className="shrink-0 text-xs text-muted-foreground" />
    </div>
  );
}

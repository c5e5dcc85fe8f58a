import { ArrowRightLeft, Clock, Gauge, Inbox, ThumbsUp } from "lucide-react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { TeamOverview, TeamRep } from "@/db/queries/team";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { cn } from "@/lib/utils";
import { formatMinutes } from "./format-duration";

/** The team's figures at a glance, above the per-rep table. */
export function TeamSummary({ totals, reps }: { totals: TeamOverview["totals"]; reps: number }) {
  const decided = totals.accepted + totals.rejected;
  const tiles = [
    { icon: Inbox, label: "Open leads", value: totals.load.toLocaleString("en-US"), detail: `MQLs and SALs across ${reps} ${reps === 1 ? "rep" : "reps"}` },
    {
      icon: Clock,
      label: "Past the SLA now",
      value: totals.breaches.toLocaleString("en-US"),
      detail: totals.breaches ? "Untouched MQLs past their first-touch due time" : "Every MQL due so far has been touched",
      alert: totals.breaches > 0,
    },
    {
      icon: Gauge,
      label: "Speed-to-lead",
      value: formatMinutes(totals.medianSpeedToLeadMinutes),
      detail: totals.touchedInWindow ? `Median MQL → first touch, ${totals.touchedInWindow} MQLs of the last 7 days` : "No MQL of the last 7 days touched yet",
    },
    {
      icon: ThumbsUp,
      label: "Accepted · rejected",
      value: `${totals.accepted} · ${totals.rejected}`,
      detail: decided ? `${Math.round((100 * totals.accepted) / decided)}% accepted in the last 7 days` : "No decisions in the last 7 days",
    },
  ];
  return (
    <div className="grid gap-3 sm:grid-cols-2 xl:grid-cols-4">
      {tiles.map((t) => (
        <Card key={t.label} className="p-4">
          <p className="flex items-center gap-2 text-xs font-medium uppercase tracking-wide text-muted-foreground">
            <t.icon className={cn("size-3.5", t.alert && "text-destructive")} /> {t.label}
          </p>
          <p className={cn("mt-1.5 text-2xl font-semibold tabular-nums", t.alert && "text-destructive")}>{t.value}</p>
          <p className="mt-0.5 text-xs text-muted-foreground">{t.detail}</p>
        </Card>
      ))}
    </div>
  );
}

function initials(name: string) {
  return name
    .split(/\s+/)
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase() ?? "")
    .join("");
}

/** Open MQLs and SALs as a bar against the heaviest load on the team. */
function LoadBar({ rep, max }: { rep: TeamRep; max: number }) {
  const width = (n: number) => `${max ? (100 * n) / max : 0}%`;
  return (
    <div className="flex items-center gap-3" title={`${rep.mqls} MQL${rep.mqls === 1 ? "" : "s"}, ${rep.sals} SAL${rep.sals === 1 ? "" : "s"}`}>
      <span className="w-7 text-right font-semibold tabular-nums">{rep.load}</span>
      <div className="flex h-2 w-32 overflow-hidden rounded-full bg-muted">
        <div className="h-full bg-primary" style={{ width: width(rep.mqls) }} />
        <div className="h-full bg-primary/40" style={{ width: width(rep.sals) }} />
      </div>
    </div>
  );
}

/** One row per rep, heaviest load first; "Reassign" opens their open leads below. */
export function TeamTable({ reps, selectedKey }: { reps: TeamRep[]; selectedKey: string | undefined }) {
  const max = Math.max(0, ...reps.map((r) => r.load));
  return (
    <Card className="overflow-hidden">
      <Table aria-label="Reps">
        <TableHeader>
          <TableRow className="hover:bg-transparent">
            <TableHead>Rep</TableHead>
            <TableHead>
              Open load <span className="normal-case tracking-normal">(MQL · SAL)</span>
            </TableHead>
            <TableHead className="text-right">Past SLA</TableHead>
            <TableHead className="text-right">Speed-to-lead</TableHead>
            <TableHead className="text-right">Accepted</TableHead>
            <TableHead className="text-right">Rejected</TableHead>
            <TableHead className="text-right">Pipeline</TableHead>
            <TableHead className="text-right">
              <span className="sr-only">Actions</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {reps.map((r) => {
            const holds = r.load + r.pipeline;
            const selected = r.key === selectedKey;
            return (
              <TableRow key={r.key} data-testid="team-row" aria-selected={selected || undefined} className={cn(selected && "bg-primary/5 hover:bg-primary/5", r.deactivated && "text-muted-foreground")}>
                <TableCell>
                  <div className="flex items-center gap-3">
                    <span
                      className={cn(
                        "flex size-8 shrink-0 items-center justify-center rounded-full text-xs font-semibold",
                        r.userId ? "bg-primary/10 text-primary" : "bg-amber-100 text-amber-800",
                      )}
                      aria-hidden
                    >
                      {r.userId ? initials(r.name) : "?"}
                    </span>
                    <div className="min-w-0">
                      <p className="flex items-center gap-2 font-medium">
                        {r.name}
                        {r.deactivated ? <Badge variant="destructive">Deactivated</Badge> : r.outOfOffice ? <Badge variant="warning">Out of office</Badge> : null}
                      </p>
                      <p className="text-xs text-muted-foreground">{r.userId ? (r.title ?? (r.role ? ROLE_LABELS[r.role] : "")) : "Leads no rep holds: routing found nobody"}</p>
                    </div>
                  </div>
                </TableCell>
                <TableCell>
                  <LoadBar rep={r} max={max} />
                </TableCell>
                <TableCell className="text-right">
                  {r.breaches ? <Badge variant="destructive" className="tabular-nums">{r.breaches}</Badge> : <span className="text-muted-foreground">0</span>}
                </TableCell>
                <TableCell className="text-right">
                  <p className="font-medium tabular-nums">{formatMinutes(r.medianSpeedToLeadMinutes)}</p>
                  {r.newInWindow ? <p className="text-xs text-muted-foreground tabular-nums">{r.touchedInWindow} of {r.newInWindow} touched</p> : null}
                </TableCell>
                <TableCell className="text-right tabular-nums">{r.accepted}</TableCell>
                <TableCell className="text-right tabular-nums">{r.rejected}</TableCell>
                <TableCell className="text-right">
                  {r.pipeline || r.role === "sales" ? (
                    <>
                      <p className="tabular-nums">{r.pipeline}</p>
                      {r.awaitingAcceptance ? <p className="text-xs text-amber-700 tabular-nums">{r.awaitingAcceptance} not taken</p> : null}
                    </>
                  ) : (
                    <span className="text-muted-foreground">—</span>
                  )}
                </TableCell>
                <TableCell className="text-right">
                  {holds ? (
                    <Link
                      href={selected ? "/team" : `/team?rep=${r.key}#reassign`}
                      scroll={!selected}
                      className={buttonVariants({ variant: selected ? "secondary" : "outline", size: "sm" })}
                      aria-label={selected ? `Close ${r.name}'s leads` : `Reassign ${r.name}'s leads`}
                    >
                      <ArrowRightLeft /> {selected ? "Close" : "Reassign"}
                    </Link>
                  ) : null}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </Card>
  );
}

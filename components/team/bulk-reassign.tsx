"use client";
import { ArrowRightLeft, CheckCircle2, Loader2, X, XCircle } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, useState, useTransition } from "react";
import { StageBadge } from "@/components/contacts/stage-badge";
import { SlaBadge } from "@/components/queue/sla-badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select";
import type { RepOpenLead, TeamRep } from "@/db/queries/team";
import { reassignLeadsAction } from "@/lib/leads/actions";
import { fullName } from "@/lib/format";
import { RelativeTime } from "@/components/ui/relative-time";
import { cn } from "@/lib/utils";

const REASONS = ["Out of office", "Rebalancing the load", "Territory change", "Left the company"];
const PIPELINE = new Set(["sql", "opportunity"]);

type Outcome = { toName: string; items: { id: string; name: string; ok: boolean; message: string }[] };

/**
 * One rep's open leads with checkboxes → another rep and a reason → reassignLeadsAction. Each lead
 * moves on its own (one that changed meanwhile is refused and stays), so the result is shown lead
 * by lead.
 */
export function BulkReassign({ rep, leads, total, targets, now }: { rep: TeamRep; leads: RepOpenLead[]; total: number; targets: TeamRep[]; now: Date }) {
  const router = useRouter();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [toUserId, setToUserId] = useState("");
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [pending, start] = useTransition();

  const byId = useMemo(() => new Map(leads.map((l) => [l.id, l])), [leads]);
  // Leads that moved since they were ticked are no longer listed: only what is still here counts.
  const chosen = leads.filter((l) => selected.has(l.id));
  const target = targets.find((t) => t.userId === toUserId);
  const pipelineChosen = chosen.filter((l) => PIPELINE.has(l.status)).length;
  const overdue = leads.filter((l) => l.overdue);
  const others = targets.filter((t) => t.key !== rep.key);

  const selectOnly = (ids: string[]) => setSelected(new Set(ids));
  const toggle = (id: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const submit = () =>
    start(async () => {
      setError(null);
      const result = await reassignLeadsAction({ items: chosen.map((l) => ({ mqlRecordId: l.id, expectedVersion: l.version })), toUserId, reason });
      if (!result.ok) {
        setError(result.issues?.[0]?.message ?? result.message);
        return;
      }
      const toName = target?.name ?? "the new rep";
      setOutcome({
        toName,
        items: result.results.map(({ mqlRecordId, result: r }) => {
          const lead = byId.get(mqlRecordId);
          return { id: mqlRecordId, name: lead ? fullName(lead) : mqlRecordId, ok: r.ok, message: r.ok ? `now ${toName}'s` : r.message };
        }),
      });
      setSelected(new Set(result.results.filter((r) => !r.result.ok).map((r) => r.mqlRecordId)));
      router.refresh();
    });

  const moved = outcome?.items.filter((i) => i.ok).length ?? 0;
  const refused = outcome ? outcome.items.length - moved : 0;

  return (
    <Card id="reassign" className="scroll-mt-4 overflow-hidden" data-testid="bulk-reassign">
      <header className="flex flex-wrap items-start justify-between gap-3 border-b p-5">
        <div>
          <h2 className="text-base font-semibold">Reassign {rep.userId ? `${rep.name}'s` : "unassigned"} open leads</h2>
          <p className="mt-0.5 text-sm text-muted-foreground">
            {total} open{total > leads.length ? ` (the first ${leads.length} listed)` : ""} · {overdue.length} past the first-touch SLA. MQLs and SALs go to another rep&apos;s queue; SQLs and opportunities to a sales rep.
          </p>
        </div>
        <Link href="/team" scroll={false} className="rounded p-1 text-muted-foreground hover:bg-muted hover:text-foreground" aria-label="Close the reassignment">
          <X className="size-4" />
        </Link>
      </header>

      {outcome ? (
        <div className="border-b bg-muted/30 px-5 py-3" data-testid="reassign-outcome" role="status">
          <p className="flex items-center gap-2 text-sm font-medium">
            {refused ? <XCircle className="size-4 text-amber-600" /> : <CheckCircle2 className="size-4 text-emerald-600" />}
            {moved} {moved === 1 ? "lead" : "leads"} moved to {outcome.toName}
            {refused ? `, ${refused} not moved` : ""}.
            <button type="button" onClick={() => setOutcome(null)} className="ml-auto text-xs font-normal text-muted-foreground hover:text-foreground">
              Dismiss
            </button>
          </p>
          <ul className="mt-2 max-h-40 space-y-1 overflow-y-auto text-sm">
            {outcome.items.map((i) => (
              <li key={i.id} className="flex items-start gap-2" data-testid="reassign-item-outcome">
                {i.ok ? <CheckCircle2 className="mt-0.5 size-3.5 shrink-0 text-emerald-600" /> : <XCircle className="mt-0.5 size-3.5 shrink-0 text-amber-600" />}
                <span>
                  <span className="font-medium">{i.name}</span> <span className={i.ok ? "text-muted-foreground" : "text-amber-800"}>— {i.message}</span>
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <div className="flex flex-wrap items-center gap-2 border-b px-5 py-2.5 text-sm">
        <span className="text-muted-foreground">Select</span>
        <Button size="sm" variant="outline" aria-label={`Select all ${leads.length}`} onClick={() => selectOnly(leads.map((l) => l.id))} disabled={!leads.length}>
          All {leads.length}
        </Button>
        <Button size="sm" variant="outline" aria-label={`Select past SLA ${overdue.length}`} onClick={() => selectOnly(overdue.map((l) => l.id))} disabled={!overdue.length}>
          Past SLA {overdue.length}
        </Button>
        <Button size="sm" variant="outline" aria-label="Select queue only" onClick={() => selectOnly(leads.filter((l) => !PIPELINE.has(l.status)).map((l) => l.id))} disabled={!leads.some((l) => !PIPELINE.has(l.status))}>
          Queue only
        </Button>
        <Button size="sm" variant="ghost" aria-label="Select none" onClick={() => selectOnly([])} disabled={!selected.size}>
          None
        </Button>
        <span className="ml-auto tabular-nums text-muted-foreground" data-testid="selected-count">
          {chosen.length} selected
        </span>
      </div>

      {leads.length === 0 ? (
        <p className="px-5 py-10 text-center text-sm text-muted-foreground">{rep.userId ? `${rep.name} holds no open leads.` : "Every open lead has a rep."}</p>
      ) : (
        <div className="max-h-[420px] overflow-y-auto">
          <table className="w-full table-fixed text-sm" aria-label={`${rep.name}'s open leads`}>
            <colgroup>
              <col className="w-14" />
              <col />
              <col className="w-[28%]" />
              <col className="w-28" />
              <col className="w-44" />
              <col className="w-20" />
              <col className="w-32" />
            </colgroup>
            <thead className="sticky top-0 z-10 bg-card shadow-[0_1px_0_var(--color-border)]">
              <tr className="text-left text-xs uppercase tracking-wide text-muted-foreground">
                <th className="px-5 py-2">
                  <span className="sr-only">Select</span>
                </th>
                <th className="px-3 py-2 font-medium">Lead</th>
                <th className="px-3 py-2 font-medium">Account</th>
                <th className="px-3 py-2 font-medium">Stage</th>
                <th className="px-3 py-2 font-medium">First touch</th>
                <th className="px-3 py-2 text-right font-medium">Priority</th>
                <th className="px-3 py-2 text-right font-medium">MQL</th>
              </tr>
            </thead>
            <tbody className="divide-y">
              {leads.map((l) => {
                const name = fullName(l);
                const on = selected.has(l.id);
                return (
                  <tr key={l.id} className={cn("cursor-pointer hover:bg-muted/40", on && "bg-primary/5")} onClick={() => toggle(l.id, !on)} data-testid="reassign-lead">
                    <td className="px-5 py-2" onClick={(e) => e.stopPropagation()}>
                      <Checkbox checked={on} onCheckedChange={(v) => toggle(l.id, v === true)} aria-label={`Select ${name}`} />
                    </td>
                    <td className="px-3 py-2">
                      <p className="truncate font-medium">{name}</p>
                      <p className="truncate text-xs text-muted-foreground">{l.title ?? l.email}</p>
                    </td>
                    <td className="truncate px-3 py-2 text-muted-foreground">{l.accountName ?? "—"}</td>
                    <td className="px-3 py-2">
                      <StageBadge stage={l.status} />
                    </td>
                    <td className="px-3 py-2">
                      {PIPELINE.has(l.status) ? <span className="text-xs text-muted-foreground">—</span> : <SlaBadge dueAt={l.slaDueAt} touchedAt={l.firstTouchAt} now={now} />}
                    </td>
                    <td className="px-3 py-2 text-right tabular-nums">{Math.round(l.priorityScore)}</td>
                    <td className="whitespace-nowrap px-3 py-2 text-right text-xs text-muted-foreground"><RelativeTime date={l.mqlAt} /></td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      <form
        className="space-y-3 border-t bg-muted/30 p-5"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <div className="grid gap-3 md:grid-cols-[minmax(0,1fr)_minmax(0,1.4fr)_auto] md:items-end">
          <div className="space-y-1.5">
            <Label htmlFor="reassign-to">Give them to</Label>
            <NativeSelect id="reassign-to" value={toUserId} onChange={(e) => setToUserId(e.target.value)}>
              <option value="">Choose a rep…</option>
              {(["sdr", "sales"] as const).map((role) => (
                <optgroup key={role} label={role === "sdr" ? "SDRs" : "Sales reps"}>
                  {others
                    .filter((t) => t.role === role)
                    .map((t) => (
                      <option key={t.key} value={t.userId!}>
                        {t.name} — {t.load} open{role === "sales" ? `, ${t.pipeline} in pipeline` : ""}
                        {t.outOfOffice ? " (out of office)" : ""}
                      </option>
                    ))}
                </optgroup>
              ))}
            </NativeSelect>
          </div>
          <div className="space-y-1.5">
            <Label htmlFor="reassign-reason">Reason</Label>
            <Input id="reassign-reason" value={reason} onChange={(e) => setReason(e.target.value)} placeholder="Told to both reps and kept with each lead" list="reassign-reasons" />
            <datalist id="reassign-reasons">
              {REASONS.map((r) => (
                <option key={r} value={r} />
              ))}
            </datalist>
          </div>
          <Button type="submit" disabled={pending || chosen.length === 0 || !toUserId || !reason.trim()}>
            {pending ? <Loader2 className="animate-spin" /> : <ArrowRightLeft />} Reassign {chosen.length || ""} {chosen.length === 1 ? "lead" : "leads"}
          </Button>
        </div>
        <div className="flex flex-wrap gap-1.5">
          {REASONS.map((r) => (
            <button
              key={r}
              type="button"
              onClick={() => setReason(r)}
              className={cn("rounded-full border bg-card px-2.5 py-0.5 text-xs text-muted-foreground hover:border-primary hover:text-foreground", reason === r && "border-primary text-foreground")}
            >
              {r}
            </button>
          ))}
        </div>
        {target && target.role === "sdr" && pipelineChosen ? (
          <p className="text-xs text-amber-800">
            {pipelineChosen} of the selected {pipelineChosen === 1 ? "is an SQL or opportunity" : "are SQLs or opportunities"}: only a sales rep can hold {pipelineChosen === 1 ? "it" : "them"}, so {target.name} will be refused {pipelineChosen === 1 ? "it" : "those"}.
          </p>
        ) : null}
        {target?.outOfOffice ? <p className="text-xs text-amber-800">{target.name} is out of office.</p> : null}
        {error ? (
          <p role="alert" className="text-sm text-destructive">
            {error}
          </p>
        ) : null}
      </form>
    </Card>
  );
}

"use client";
import { ArrowRight, Inbox, Keyboard } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo } from "react";
import { ScoreBar } from "@/components/contacts/score-bar";
import { StageBadge } from "@/components/contacts/stage-badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { fullName, humanizeValue } from "@/lib/format";
import { RelativeTime } from "@/components/ui/relative-time";
import { cn } from "@/lib/utils";
import { LeadPanel } from "./lead-panel";
import { QueueFilters } from "./queue-filters";
import { SlaBadge } from "./sla-badge";
import { useQueueQuery, type QueueResponse } from "./use-queue-queries";

const isTyping = (e: KeyboardEvent) => {
  const t = e.target as HTMLElement | null;
  return !!t && (t.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(t.tagName) || !!t.closest("[role=dialog]"));
};

/** The rep's queue with its lead panel: filters in the URL, live updates, keyboard to move and act. */
export function QueueWorkspace({ initial, showRep, segments, sources }: { initial: QueueResponse; showRep: boolean; segments: string[]; sources: string[] }) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const lead = searchParams.get("lead");
  const listParams = useMemo(() => {
    const p = new URLSearchParams(searchParams);
    p.delete("lead");
    return p.toString();
  }, [searchParams]);
  const query = useQueueQuery(listParams, listParams === initialParamsOf(initial) ? initial : undefined);
  const data = query.data ?? initial;
  const now = new Date(data.now);

  const setParams = useCallback(
    (patch: Record<string, string | undefined>) => {
      const p = new URLSearchParams(searchParams);
      for (const [k, v] of Object.entries(patch)) {
        if (v === undefined) p.delete(k);
        else p.set(k, v);
      }
      if (!("cursor" in patch) && !("lead" in patch)) p.delete("cursor");
      router.replace(`${pathname}?${p}`, { scroll: false });
    },
    [pathname, router, searchParams],
  );
  const open = useCallback((id: string | undefined) => setParams({ lead: id }), [setParams]);

  const ids = data.rows.map((r) => r.id);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e) || e.metaKey || e.ctrlKey || e.altKey) return;
      const at = lead ? ids.indexOf(lead) : -1;
      if (e.key === "j" || e.key === "ArrowDown") {
        e.preventDefault();
        if (ids.length) open(ids[Math.min(ids.length - 1, at + 1)]);
      } else if (e.key === "k" || e.key === "ArrowUp") {
        e.preventDefault();
        if (ids.length) open(ids[Math.max(0, at - 1)]);
      } else if (e.key === "Escape" && lead) open(undefined);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [ids, lead, open]);

  const values = {
    sort: searchParams.get("sort") === "sla" ? "sla" : "score",
    segment: searchParams.get("segment") ?? undefined,
    source: searchParams.get("source") ?? undefined,
    age: searchParams.get("age") ?? undefined,
    overdue: searchParams.get("overdue") === "1",
  };
  const filtered = Boolean(values.segment || values.source || values.age || values.overdue);

  return (
    <div className={cn("grid min-h-0 gap-4 p-4 lg:p-6", lead ? "xl:grid-cols-[minmax(0,1fr)_520px]" : "")}>
      <section aria-label="Queue" className="min-w-0">
        <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
          <QueueFilters values={values} segments={segments} sources={sources} onChange={setParams} />
          <p className="flex items-center gap-1.5 text-xs text-muted-foreground" data-testid="queue-counts">
            <span className="font-medium text-foreground">{data.counts.open} open</span>
            {data.counts.overdue ? <span className="font-medium text-destructive">· {data.counts.overdue} overdue</span> : null}
          </p>
          <p className="flex items-center gap-1.5 text-xs text-muted-foreground" title="j / k or ↑ / ↓ move · a accept · l log a call · q qualify · r reject · Esc close">
            <Keyboard className="size-3.5" /> j/k move · a accept · l log call · q qualify · r reject
            {query.isFetching ? <span className="ml-2 size-1.5 animate-pulse rounded-full bg-primary" aria-label="Refreshing" /> : null}
          </p>
        </div>
        {query.isError ? (
          <p role="alert" className="mb-3 rounded-md border border-destructive/30 bg-destructive/5 px-3 py-2 text-sm text-destructive">
            Could not refresh the queue: {query.error.message}. Showing what was loaded last.
          </p>
        ) : null}
        <div className="overflow-hidden rounded-lg border bg-card">
          {data.rows.length === 0 ? (
            <EmptyState icon={Inbox} title={filtered ? "No leads match these filters" : "Your queue is clear"}>
              {filtered ? "Clear a filter to see more leads." : "New MQLs routed to you appear here as they qualify — no need to reload."}
            </EmptyState>
          ) : (
            <ol className="divide-y" data-testid="queue-list">
              {data.rows.map((r) => (
                <li key={r.id}>
                  <button
                    type="button"
                    onClick={() => open(r.id)}
                    aria-current={lead === r.id ? "true" : undefined}
                    data-testid="queue-item"
                    className={cn(
                      "grid w-full items-center gap-4 px-4 py-3 text-left transition-colors hover:bg-muted/50",
                      // With the panel open the list narrows: the reason and scores fold under the name.
                      lead ? "grid-cols-[minmax(0,1fr)_auto]" : "grid-cols-[minmax(0,1.6fr)_minmax(0,1fr)_auto] lg:grid-cols-[minmax(0,1.6fr)_minmax(0,1fr)_7rem_7rem_auto]",
                      lead === r.id && "bg-primary/5 ring-1 ring-inset ring-primary/40",
                    )}
                  >
                    <span className="min-w-0">
                      <span className="flex items-center gap-2">
                        <span className="truncate font-medium">{fullName(r)}</span>
                        <StageBadge stage={r.status} />
                        {r.isExploration ? <span className="rounded bg-muted px-1.5 text-[10px] font-medium uppercase text-muted-foreground">Exploration</span> : null}
                      </span>
                      <span className="block truncate text-xs text-muted-foreground">{[r.title, r.accountName].filter(Boolean).join(" · ") || r.email}</span>
                      {lead ? (
                        <span className="block truncate text-xs text-muted-foreground">
                          Fit {Math.round(r.fitScore)} · engagement {Math.round(r.engagementScore)} · {reasonText(r)} · <RelativeTime date={r.mqlAt} />
                        </span>
                      ) : null}
                    </span>
                    <span className={cn("min-w-0 text-sm", lead && "hidden")}>
                      <span className="block truncate">{reasonText(r)}</span>
                      <span className="block text-xs text-muted-foreground">
                        <RelativeTime date={r.mqlAt} />
                        {showRep ? ` · ${r.repName ?? "Unassigned"}` : ""}
                      </span>
                    </span>
                    {lead ? null : <ScoreBar value={r.fitScore} kind="fit" className="hidden lg:flex" />}
                    {lead ? null : <ScoreBar value={r.engagementScore} kind="engagement" className="hidden lg:flex" />}
                    <span className="justify-self-end">
                      <SlaBadge dueAt={r.slaDueAt ? new Date(r.slaDueAt) : null} touchedAt={r.firstTouchAt ? new Date(r.firstTouchAt) : null} now={now} />
                    </span>
                  </button>
                </li>
              ))}
            </ol>
          )}
        </div>
        <div className="mt-3 flex justify-end gap-2">
          {searchParams.get("cursor") ? (
            <Button variant="outline" size="sm" onClick={() => setParams({ cursor: undefined })}>
              First page
            </Button>
          ) : null}
          {data.nextCursor ? (
            <Button asChild variant="outline" size="sm">
              <Link href={`${pathname}?${withCursor(listParams, data.nextCursor)}`} scroll={false}>
                Next page <ArrowRight />
              </Link>
            </Button>
          ) : null}
        </div>
      </section>
      {lead ? <LeadPanel key={lead} leadId={lead} onClose={() => open(undefined)} onChanged={() => query.refetch()} /> : null}
    </div>
  );
}

function reasonText(r: { reason: string; reasonDetail: string | null }) {
  return r.reason === "qualifying_action" ? humanizeValue(r.reasonDetail) : r.reason === "threshold" ? "Crossed the threshold" : humanizeValue(r.reason);
}

function withCursor(params: string, cursor: string) {
  const p = new URLSearchParams(params);
  p.set("cursor", cursor);
  return p.toString();
}

/** The list parameters the server rendered `initial` for (kept on the response by the page). */
function initialParamsOf(initial: QueueResponse & { params?: string }) {
  return initial.params ?? "";
}

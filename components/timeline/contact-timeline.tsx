"use client";
import { format, isToday, isYesterday } from "date-fns";
import { AlertCircle, History, Loader2 } from "lucide-react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useMemo, useRef } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { EVENT_CATEGORIES } from "@/lib/timeline/describe-event";
import { cn } from "@/lib/utils";
import { EventIcon } from "./event-icon";
import { useTimelineQuery, type TimelineEvent } from "./use-timeline-query";

function dayLabel(date: Date): string {
  if (isToday(date)) return "Today";
  if (isYesterday(date)) return "Yesterday";
  return format(date, "EEEE d MMMM yyyy");
}

function groupByDay(events: TimelineEvent[]) {
  const groups: { label: string; events: TimelineEvent[] }[] = [];
  for (const e of events) {
    const label = dayLabel(new Date(e.occurredAt));
    const last = groups.at(-1);
    if (last?.label === label) last.events.push(e);
    else groups.push({ label, events: [e] });
  }
  return groups;
}

/** The unified timeline: every touch, newest first, filterable by kind, loading more on scroll. */
export function ContactTimeline({ contactId }: { contactId: string }) {
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const selected = useMemo(() => (searchParams.get("types") ?? "").split(",").filter(Boolean), [searchParams]);
  const query = useTimelineQuery({ contactId, categories: selected });
  const sentinel = useRef<HTMLDivElement>(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;

  useEffect(() => {
    const el = sentinel.current;
    if (!el) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries[0]?.isIntersecting && hasNextPage && !isFetchingNextPage) void fetchNextPage();
      },
      { rootMargin: "400px" },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  function toggle(category: string) {
    const next = selected.includes(category) ? selected.filter((c) => c !== category) : [...selected, category];
    const params = new URLSearchParams(searchParams);
    if (next.length) params.set("types", next.join(","));
    else params.delete("types");
    router.replace(`${pathname}${params.size ? `?${params}` : ""}`, { scroll: false });
  }

  const events = query.data?.pages.flatMap((p) => p.events) ?? [];

  return (
    <section aria-labelledby="timeline-heading">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="timeline-heading" className="text-sm font-semibold">
          Timeline
        </h2>
        <div className="flex flex-wrap gap-1.5" role="group" aria-label="Filter the timeline by kind">
          {EVENT_CATEGORIES.map((c) => {
            const on = selected.includes(c.id);
            return (
              <button
                key={c.id}
                type="button"
                aria-pressed={on}
                onClick={() => toggle(c.id)}
                className={cn(
                  "rounded-full border px-2.5 py-1 text-xs font-medium transition-colors",
                  on ? "border-primary bg-primary text-primary-foreground" : "bg-card text-muted-foreground hover:bg-muted",
                )}
              >
                {c.label}
              </button>
            );
          })}
        </div>
      </div>

      <div className="mt-4">
        {query.isPending ? (
          <TimelineSkeleton />
        ) : query.isError ? (
          <div role="alert" className="flex items-center gap-3 rounded-lg border border-destructive/30 bg-destructive/5 p-4 text-sm">
            <AlertCircle className="size-4 text-destructive" />
            <span className="flex-1">{query.error.message}</span>
            <Button size="sm" variant="outline" onClick={() => void query.refetch()}>
              Retry
            </Button>
          </div>
        ) : events.length === 0 ? (
          <EmptyState icon={History} title={selected.length ? "No activity of these kinds" : "No activity yet"}>
            {selected.length ? "Clear the filters to see everything." : "Events from email, the website, forms, webinars and reps appear here."}
          </EmptyState>
        ) : (
          <ol className="space-y-6" aria-label="Activity, newest first">
            {groupByDay(events).map((group) => (
              <li key={group.label}>
                <h3 className="mb-2 text-xs font-medium uppercase tracking-wide text-muted-foreground">{group.label}</h3>
                <ol className="relative space-y-1 before:absolute before:left-4 before:top-2 before:bottom-2 before:w-px before:bg-border">
                  {group.events.map((e) => (
                    <TimelineItem key={e.id} event={e} />
                  ))}
                </ol>
              </li>
            ))}
          </ol>
        )}
        <div ref={sentinel} />
        {isFetchingNextPage ? (
          <p className="mt-4 flex items-center justify-center gap-2 text-sm text-muted-foreground">
            <Loader2 className="size-4 animate-spin" /> Loading older activity…
          </p>
        ) : hasNextPage ? (
          <div className="mt-4 flex justify-center">
            <Button variant="outline" size="sm" onClick={() => void fetchNextPage()}>
              Load older activity
            </Button>
          </div>
        ) : events.length > 0 ? (
          <p className="mt-6 text-center text-xs text-muted-foreground">Beginning of the timeline</p>
        ) : null}
      </div>
    </section>
  );
}

function TimelineItem({ event }: { event: TimelineEvent }) {
  const time = format(new Date(event.occurredAt), "HH:mm");
  const campaign = typeof event.properties.campaign === "string" ? event.properties.campaign : null;
  return (
    <li className="relative flex gap-3 rounded-md py-1.5 pr-2" data-testid="timeline-event">
      <EventIcon type={event.type} />
      <div className="min-w-0 flex-1 pt-1">
        <p className="text-sm leading-snug">{event.description}</p>
        <p className="mt-0.5 text-xs text-muted-foreground">
          <time dateTime={event.occurredAt}>{time}</time>
          {" · "}
          {event.source}
          {event.actorName ? ` · by ${event.actorName}` : ""}
          {campaign ? ` · ${campaign}` : ""}
        </p>
      </div>
    </li>
  );
}

function TimelineSkeleton() {
  return (
    <div className="space-y-4" aria-busy="true" aria-label="Loading the timeline">
      {Array.from({ length: 6 }, (_, i) => (
        <div key={i} className="flex gap-3">
          <Skeleton className="size-8 rounded-full" />
          <div className="flex-1 space-y-1.5 pt-1">
            <Skeleton className="h-4 w-2/3" />
            <Skeleton className="h-3 w-1/4" />
          </div>
        </div>
      ))}
    </div>
  );
}

"use client";

import { dateTime, relativeTime } from "@/lib/format";

/**
 * "3 minutes ago", with the exact date and time on hover. The server renders it a moment before
 * the browser hydrates it, and in its own time zone, so the two may differ ("13 seconds ago",
 * "14 seconds ago"): React is told to expect that and keeps the browser's, instead of reporting a
 * hydration error and rendering the whole tree again.
 */
export function RelativeTime({ date, className }: { date: Date | string | null | undefined; className?: string }) {
  if (!date) return <span className={className}>—</span>;
  const instant = new Date(date);
  return (
    <time dateTime={instant.toISOString()} title={dateTime(instant)} className={className} suppressHydrationWarning>
      {relativeTime(instant)}
    </time>
  );
}

/** Dates as integrations send them: ISO 8601 instants, checked against the calendar. */

const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2}))?$/;

/** Whether year-month-day names a real day (`Date` would roll 2025-02-30 over to March 2). */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

export type InstantParse = { ok: true; date: Date } | { ok: false; reason: "format" | "calendar" };

/**
 * `2026-03-01T09:30:00Z`, `2026-03-01 09:30+01:00` or a plain date (midnight UTC). A time must
 * carry its zone: an instant without one means different moments to different systems.
 */
export function parseInstant(text: string): InstantParse {
  const m = ISO_INSTANT.exec(text);
  if (!m) return { ok: false, reason: "format" };
  if (!isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]))) return { ok: false, reason: "calendar" };
  if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59)) return { ok: false, reason: "calendar" };
  const date = new Date(text.length === 10 ? `${text}T00:00:00Z` : text.replace(" ", "T"));
  return Number.isNaN(date.getTime()) ? { ok: false, reason: "format" } : { ok: true, date };
}

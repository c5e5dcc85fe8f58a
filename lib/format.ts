import { format, formatDistanceToNowStrict } from "date-fns";
import { TZDate } from "@date-fns/tz";

export function fullName(c: { firstName?: string | null; lastName?: string | null; email: string }): string {
  const name = [c.firstName, c.lastName].filter(Boolean).join(" ").trim();
  return name || c.email;
}

export function relativeTime(date: Date | string | null | undefined): string {
  if (!date) return "—";
  return formatDistanceToNowStrict(new Date(date), { addSuffix: true });
}

export function dateTime(date: Date | string | null | undefined): string {
  if (!date) return "—";
  return format(new Date(date), "d MMM yyyy, HH:mm");
}

export function shortDate(date: Date | string | null | undefined): string {
  if (!date) return "—";
  return format(new Date(date), "d MMM yyyy");
}

const compact = new Intl.NumberFormat("en", { notation: "compact", maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat("en");

export function formatCount(n: number): string {
  return whole.format(n);
}

export function formatCompact(n: number | null | undefined): string {
  return n === null || n === undefined ? "—" : compact.format(n);
}

export function formatMoney(n: number | null | undefined): string {
  return n === null || n === undefined ? "—" : `$${compact.format(n)}`;
}

export function formatScore(n: number): string {
  return String(Math.round(n));
}

/** "c_level" → "C-level", "revenue_operations" → "Revenue operations". */
export function humanizeValue(value: string | null | undefined): string {
  if (!value) return "—";
  if (value === "c_level") return "C-level";
  if (value === "vp") return "VP";
  if (value === "it") return "IT";
  if (value === "hr") return "HR";
  const s = value.replace(/_/g, " ");
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "Tue 3 Mar, 14:00 CET": a due time on the clock of the person who must meet it. */
export function formatDueAt(date: Date, timeZone = "UTC"): string {
  return format(new TZDate(date, timeZone), "EEE d MMM, HH:mm zzz");
}

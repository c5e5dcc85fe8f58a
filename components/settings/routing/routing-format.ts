import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import type { RoutingConditions } from "@/db/schema/routing";
import { ISO_WEEKDAYS } from "@/lib/routing/admin-schemas";

/** Words for the routing settings: conditions, working hours and a rep's status as people say them. */

const whole = new Intl.NumberFormat("en");

export type ConditionChip = { label: string; value: string; title: string };

function listValue(values: string[]): { value: string; title: string } {
  const shown = values.length > 3 ? `${values.slice(0, 3).join(", ")} +${values.length - 3}` : values.join(", ");
  return { value: shown, title: values.length > 1 ? `Any of: ${values.join(", ")}` : values[0]! };
}

/** Empty for a catch-all; one chip per condition otherwise. Every chip must hold for a match. */
export function conditionChips(conditions: RoutingConditions): ConditionChip[] {
  const chips: ConditionChip[] = [];
  const lists: [string, string[] | undefined][] = [
    ["Region", conditions.regions],
    ["Country", conditions.countries],
    ["Industry", conditions.industries],
  ];
  for (const [label, values] of lists) {
    const clean = (values ?? []).map((v) => v.trim()).filter(Boolean);
    if (clean.length) chips.push({ label, ...listValue(clean) });
  }
  const size = employeeRange(conditions.minEmployees, conditions.maxEmployees);
  if (size) chips.push({ label: "Employees", value: size, title: `Company size ${size} employees (an unknown size does not match)` });
  return chips;
}

function employeeRange(min: number | null | undefined, max: number | null | undefined): string | null {
  if (min != null && max != null) return min === max ? whole.format(min) : `${whole.format(min)}–${whole.format(max)}`;
  if (min != null) return `${whole.format(min)}+`;
  if (max != null) return `up to ${whole.format(max)}`;
  return null;
}

/** "09:00"; 24 is the midnight that ends the day. */
export function formatHour(hour: number): string {
  return `${String(hour).padStart(2, "0")}:00`;
}

/** "Mon–Fri", "Every day", "Mon, Wed, Fri", "Sun–Thu". */
export function describeWorkingDays(days: readonly number[]): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  if (sorted.length === 7) return "Every day";
  const short = (d: number) => ISO_WEEKDAYS[d - 1]?.short ?? String(d);
  // A run may wrap the week (Sun–Thu): try each start and keep one that is consecutive.
  for (let start = 0; start < sorted.length && sorted.length > 2; start++) {
    const run = [...sorted.slice(start), ...sorted.slice(0, start)];
    if (run.every((d, i) => i === 0 || d === (run[i - 1]! % 7) + 1)) return `${short(run[0]!)}–${short(run.at(-1)!)}`;
  }
  return sorted.map(short).join(", ");
}

export function describeHours(hours: number): string {
  return `${hours} business hour${hours === 1 ? "" : "s"}`;
}

export type RepStatusKind = "available" | "away" | "unavailable" | "at_cap" | "deactivated";

export type RepStatusInput = {
  deactivated: boolean;
  isAvailable: boolean;
  unavailableUntil: Date | string | null;
  maxOpenMqls: number | null;
  openMqls: number;
  timezone?: string;
};

/**
 * Whether routing would give the rep a new MQL now, and why not — in the same order as
 * `repUnavailableBecause` (lib/routing/choose-assignee.ts): an out-of-office end that has passed
 * makes the rep available again even if the flag was never switched back.
 */
export function repStatus(rep: RepStatusInput, now: Date): { kind: RepStatusKind; label: string; detail?: string } {
  if (rep.deactivated) return { kind: "deactivated", label: "Deactivated" };
  const until = rep.unavailableUntil ? new Date(rep.unavailableUntil) : null;
  if (until && until.getTime() > now.getTime()) {
    return { kind: "away", label: "Out of office", detail: `Back ${formatInZone(until, rep.timezone)}` };
  }
  if (!rep.isAvailable && until === null) return { kind: "unavailable", label: "Unavailable", detail: "Until further notice" };
  if (rep.maxOpenMqls !== null && rep.openMqls >= rep.maxOpenMqls) return { kind: "at_cap", label: "At cap", detail: `${rep.openMqls} of ${rep.maxOpenMqls} open MQLs` };
  return { kind: "available", label: "Available" };
}

/** "Mon 16 Mar, 09:00 CET" on the rep's clock (UTC when the zone is unknown). */
export function formatInZone(date: Date, timeZone = "UTC"): string {
  try {
    return format(new TZDate(date, timeZone), "EEE d MMM, HH:mm zzz");
  } catch {
    return format(new TZDate(date, "UTC"), "EEE d MMM, HH:mm 'UTC'");
  }
}

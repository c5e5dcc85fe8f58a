import { TZDate, tz } from "@date-fns/tz";
import { addDays, getISODay, startOfDay } from "date-fns";

/**
 * Business-hours arithmetic for SLA due times (PRODUCT.md §6): "first touch due within N
 * business hours in the rep's time zone; weekends and non-working hours excluded".
 *
 * A rep's working day is defined on their local wall clock (09:00–17:00 stays 09:00–17:00 when
 * the clocks change), but SLA clocks measure real time: every duration here is the difference
 * between two real instants. So a 00:00–24:00 working day is 23 real hours on a spring-forward
 * day and 25 on a fall-back day, while 09:00–17:00 stays 8 hours unless the DST jump falls inside
 * it. The wall-clock-to-instant conversion is left to @date-fns/tz: a boundary that does not
 * exist (inside a spring-forward gap) moves past the gap, an ambiguous one (inside a fall-back
 * overlap) resolves to the later, standard-time occurrence.
 *
 * Both functions walk the calendar one local day at a time, so the work is proportional to the
 * number of days spanned, never to the number of hours or minutes.
 */

/**
 * The working-time part of an SLA policy; a `sla_policies` row (db/schema/routing.ts) fits it
 * as is. Overnight shifts (e.g. 22–06) cannot be expressed: a working period never crosses
 * local midnight, which is what keeps the day-by-day walk simple.
 */
export type BusinessHours = {
  /** Local hour the working day opens, inclusive: 0–23. */
  workdayStartHour: number;
  /** Local hour it closes, exclusive: 1–24 (24 = the midnight that ends the day). */
  workdayEndHour: number;
  /** ISO weekdays that count: 1 = Monday … 7 = Sunday. */
  workingDays: readonly number[];
};

/** Thrown for input no due time can be computed from, so callers can tell it from a bug. */
export class BusinessHoursError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BusinessHoursError";
  }
}

const MS_PER_HOUR = 3_600_000;

/**
 * About 27 years. A policy with at least one working day always makes progress, so the walk
 * can only get this far on absurd input (a first-touch SLA of decades); failing loudly beats
 * spinning on it.
 */
export const MAX_DAYS_SCANNED = 10_000;

/**
 * Building an Intl.DateTimeFormat costs about 0.1 ms, more than a typical due-time computation,
 * and every call validates its zone. Only zones that passed are remembered, so junk input never
 * grows the set.
 */
const knownTimeZones = new Set<string>();

/**
 * Whether `timeZone` is a zone the runtime knows (IANA names such as "Europe/Berlin", or
 * "UTC"). Checked with Intl rather than with @date-fns/tz because the latter falls back to
 * reading any "+hh" it finds in the string, so a typo like "Europe/Nowhere+01" would silently
 * become a fixed offset.
 */
export function isValidTimeZone(timeZone: string): boolean {
  if (typeof timeZone !== "string" || timeZone.trim() === "") return false;
  if (knownTimeZones.has(timeZone)) return true;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
  } catch {
    return false;
  }
  knownTimeZones.add(timeZone);
  return true;
}


/**
 * Rejects a policy that has no working time or that the day-by-day walk cannot represent.
 * Exported so the policy editor can validate before saving, instead of the first MQL routed
 * under a broken policy being the one that finds out.
 */
export function assertValidBusinessHours(policy: BusinessHours): void {
  const { workdayStartHour: start, workdayEndHour: end, workingDays } = policy;
  if (!Number.isInteger(start) || start < 0 || start > 23) {
    throw new BusinessHoursError(`workdayStartHour must be a whole hour from 0 to 23, got ${start}.`);
  }
  if (!Number.isInteger(end) || end < 1 || end > 24) {
    throw new BusinessHoursError(`workdayEndHour must be a whole hour from 1 to 24, got ${end}.`);
  }
  if (start >= end) {
    throw new BusinessHoursError(
      `The working day must open before it closes: workdayStartHour ${start} is not before workdayEndHour ${end}.`,
    );
  }
  if (!Array.isArray(workingDays) || workingDays.length === 0) {
    throw new BusinessHoursError("workingDays must list at least one ISO weekday (1 = Monday … 7 = Sunday).");
  }
  for (const day of workingDays) {
    if (!Number.isInteger(day) || day < 1 || day > 7) {
      throw new BusinessHoursError(`workingDays must hold ISO weekdays from 1 (Monday) to 7 (Sunday), got ${day}.`);
    }
  }
}

/**
 * The instant at which `hours` business hours have elapsed after `start` — the SLA due time.
 *
 * Time before the first working period does not count: an MQL that arrives on Saturday starts
 * its clock at Monday's opening. A due time that uses a day up exactly is that day's closing
 * time (Tue 13:00 + 4 h → Tue 17:00), not the next morning's opening: both are the same
 * business time, and the earlier instant is the one a rep would expect on the queue.
 * `hours` is rounded to the millisecond, the resolution of a `Date`.
 */
export function addBusinessHours({
  start,
  hours,
  policy,
  timeZone,
}: {
  start: Date;
  hours: number;
  policy: BusinessHours;
  timeZone: string;
}): Date {
  assertValidInstant("start", start);
  if (!Number.isFinite(hours) || hours < 0) {
    throw new BusinessHoursError(`hours must be a finite number of business hours, 0 or more, got ${hours}.`);
  }
  assertValidBusinessHours(policy);
  assertValidTimeZone(timeZone);

  const startMs = start.getTime();
  let remainingMs = Math.round(hours * MS_PER_HOUR);
  for (const { opensAt, closesAt } of workingPeriods(start, policy, timeZone)) {
    const countingFrom = Math.max(opensAt, startMs);
    // The start's own period may already be over; a DST gap may also leave a period empty.
    if (countingFrom >= closesAt) continue;
    const available = closesAt - countingFrom;
    if (remainingMs <= available) return new Date(countingFrom + remainingMs);
    remainingMs -= available;
  }
  throw new BusinessHoursError(
    `${hours} business hours do not fit within ${MAX_DAYS_SCANNED} days of this working week.`,
  );
}

/**
 * Business hours elapsed between two instants, in (possibly fractional) hours — speed-to-lead
 * when `to` is the first touch, time left on an SLA when `from` is now and `to` the due time.
 * A reversed or empty range is 0 rather than negative, so an overdue SLA shows "0 left" and
 * the overdue flag, not a negative countdown, is what tells the story.
 */
export function businessHoursBetween({
  from,
  to,
  policy,
  timeZone,
}: {
  from: Date;
  to: Date;
  policy: BusinessHours;
  timeZone: string;
}): number {
  assertValidInstant("from", from);
  assertValidInstant("to", to);
  assertValidBusinessHours(policy);
  assertValidTimeZone(timeZone);

  const fromMs = from.getTime();
  const toMs = to.getTime();
  if (toMs <= fromMs) return 0;

  let elapsedMs = 0;
  for (const { opensAt, closesAt } of workingPeriods(from, policy, timeZone)) {
    if (opensAt >= toMs) return elapsedMs / MS_PER_HOUR;
    const overlap = Math.min(closesAt, toMs) - Math.max(opensAt, fromMs);
    if (overlap > 0) elapsedMs += overlap;
    if (closesAt >= toMs) return elapsedMs / MS_PER_HOUR;
  }
  throw new BusinessHoursError(`The range from ${from.toISOString()} to ${to.toISOString()} spans more than ${MAX_DAYS_SCANNED} days.`);
}

/** A working period as real instants (epoch milliseconds), closing time exclusive. */
type WorkingPeriod = { opensAt: number; closesAt: number };

/**
 * The working periods of the rep's local calendar, in order, starting with the local day that
 * contains `from` (a period never crosses midnight, so no earlier day can contain `from`).
 * Stops after MAX_DAYS_SCANNED days; callers treat running out as an error.
 */
function* workingPeriods(from: Date, policy: BusinessHours, timeZone: string): Generator<WorkingPeriod> {
  const inZone = { in: tz(timeZone) };
  const firstDay = startOfDay(from, inZone);
  const workingDays = new Set(policy.workingDays);
  for (let offset = 0; offset < MAX_DAYS_SCANNED; offset++) {
    // Always counted from the first day, so a midnight swallowed by a DST gap cannot drift.
    const day = addDays(firstDay, offset, inZone);
    if (!workingDays.has(getISODay(day, inZone))) continue;
    yield {
      opensAt: wallClockInstant(day, policy.workdayStartHour, timeZone),
      closesAt: wallClockInstant(day, policy.workdayEndHour, timeZone),
    };
  }
}

/** The real instant of `hour`:00 on `day`'s local date; hour 24 rolls over to the next midnight. */
function wallClockInstant(day: TZDate, hour: number, timeZone: string): number {
  return new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), hour, timeZone).getTime();
}

function assertValidTimeZone(timeZone: string): void {
  if (!isValidTimeZone(timeZone)) {
    throw new BusinessHoursError(`Unknown time zone "${timeZone}": expected an IANA name such as "Europe/Berlin".`);
  }
}

function assertValidInstant(name: string, value: Date): void {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new BusinessHoursError(`${name} must be a valid Date, got ${String(value)}.`);
  }
}

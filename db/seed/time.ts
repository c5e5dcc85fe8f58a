import type { Random } from "./random";

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
/** Average month length, for windows expressed in months. */
export const MONTH_MS = 30.44 * DAY_MS;

const dayPrefixes = new Map<number, string>();

/**
 * `Date#toISOString` for epoch milliseconds, several times faster: the date part is cached per
 * day, which matters when tens of millions of timestamps are written.
 */
export function isoTimestamp(ms: number): string {
  // Years outside 0000–9999 have a longer, signed year: leave those to Date.
  if (ms < -62_167_219_200_000 || ms >= 253_402_300_800_000) return new Date(ms).toISOString();
  const day = Math.floor(ms / DAY_MS);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    if (dayPrefixes.size > 100_000) dayPrefixes.clear();
    prefix = new Date(day * DAY_MS).toISOString().slice(0, 11);
    dayPrefixes.set(day, prefix);
  }
  let rest = ms - day * DAY_MS;
  const h = Math.floor(rest / HOUR_MS);
  rest -= h * HOUR_MS;
  const m = Math.floor(rest / MINUTE_MS);
  rest -= m * MINUTE_MS;
  const s = Math.floor(rest / 1000);
  const milli = Math.round(rest - s * 1000);
  return `${prefix}${pad2(h)}:${pad2(m)}:${pad2(s)}.${milli < 10 ? "00" : milli < 100 ? "0" : ""}${milli}Z`;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** ISO weekday (1 = Monday … 7 = Sunday) of a local-clock timestamp. */
function isoWeekday(localMs: number): number {
  // 1970-01-01 was a Thursday.
  return ((Math.floor(localMs / DAY_MS) + 3) % 7) + 1;
}

export type WorkingHours = { startHour: number; endHour: number; days: readonly number[] };
export const STANDARD_WORKING_HOURS: WorkingHours = { startHour: 9, endHour: 17, days: [1, 2, 3, 4, 5] };

/**
 * `start` plus `hours` of working time on a clock `utcOffset` hours from UTC. Offsets are whole
 * hours without daylight saving: SLA due times in the demo only need to be about right.
 */
export function addBusinessHours(
  startMs: number,
  hours: number,
  utcOffset: number,
  working: WorkingHours = STANDARD_WORKING_HOURS,
): number {
  const offsetMs = utcOffset * HOUR_MS;
  let local = startMs + offsetMs;
  let remaining = hours * HOUR_MS;
  for (let guard = 0; guard < 400; guard++) {
    const dayStart = Math.floor(local / DAY_MS) * DAY_MS;
    const open = dayStart + working.startHour * HOUR_MS;
    const close = dayStart + working.endHour * HOUR_MS;
    if (!working.days.includes(isoWeekday(local)) || local >= close) {
      local = dayStart + DAY_MS + working.startHour * HOUR_MS;
      continue;
    }
    if (local < open) local = open;
    if (local + remaining <= close) return local + remaining - offsetMs;
    remaining -= close - local;
    local = dayStart + DAY_MS + working.startHour * HOUR_MS;
  }
  return local - offsetMs;
}

/** Moves a timestamp that falls outside working hours to the next opening time. */
export function nextWorkingMoment(ms: number, utcOffset: number, working = STANDARD_WORKING_HOURS): number {
  return addBusinessHours(ms, 0, utcOffset, working);
}

/**
 * `ms` when it falls in working hours; otherwise a moment early on the next working day —
 * people work through overnight leads in the morning, not all at 9:00 sharp.
 */
export function duringWorkingHours(rng: Random, ms: number, utcOffset: number): number {
  const next = nextWorkingMoment(ms, utcOffset);
  return next - ms < 1 ? ms : next + rng.uniform(0, 3) * HOUR_MS;
}

/**
 * A moment on the given day (any time within it, UTC) at a local time people are at work:
 * mostly 8:00–18:00 on weekdays, sometimes evenings and weekends.
 */
export function workdayMoment(rng: Random, dayMs: number, utcOffset: number): number {
  const offsetMs = utcOffset * HOUR_MS;
  let localDay = Math.floor((dayMs + offsetMs) / DAY_MS) * DAY_MS;
  const weekday = isoWeekday(localDay);
  if (weekday >= 6 && rng.chance(0.8)) localDay += (8 - weekday) * DAY_MS;
  const hour = rng.chance(0.88) ? rng.uniform(8, 18) : rng.uniform(6, 23.5);
  return localDay + Math.floor(hour * HOUR_MS) - offsetMs;
}

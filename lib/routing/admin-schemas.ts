import { TZDate } from "@date-fns/tz";
import { z } from "zod";
import type { RoutingConditions } from "../../db/schema/routing";

/**
 * What an admin may submit for SLA policies, territories, routing rules and a rep's
 * availability (PRODUCT.md §6). Inputs are flat objects so that every issue maps to one form
 * field; the actions turn the first issue per field into the message shown next to it.
 */

export const MAX_NAME_LENGTH = 100;
/** The cap of open MQLs an admin can set; above it a cap no longer protects anyone. */
export const MAX_OPEN_MQLS_CAP = 1000;
export const MAX_EMPLOYEES_BOUND = 10_000_000;
const MAX_CONDITION_VALUES = 50;
const MAX_CONDITION_VALUE_LENGTH = 100;
/** An absence longer than this is not "out of office": mark the rep unavailable instead. */
const MAX_OUT_OF_OFFICE_DAYS = 366;

export const ISO_WEEKDAYS = [
  { day: 1, short: "Mon", long: "Monday" },
  { day: 2, short: "Tue", long: "Tuesday" },
  { day: 3, short: "Wed", long: "Wednesday" },
  { day: 4, short: "Thu", long: "Thursday" },
  { day: 5, short: "Fri", long: "Friday" },
  { day: 6, short: "Sat", long: "Saturday" },
  { day: 7, short: "Sun", long: "Sunday" },
] as const;

export type FieldErrors<K extends string = string> = Partial<Record<K, string>>;

/** The first message per top-level field, e.g. `{ workdayEndHour: "…" }`. */
export function fieldErrorsOf<K extends string>(error: z.ZodError): FieldErrors<K> {
  const out: FieldErrors<K> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form") as K;
    out[key] ??= issue.message;
  }
  return out;
}

export const idSchema = (what: string) => z.uuid(`Not a valid ${what} id.`);

const nameSchema = (what: string) =>
  z
    .string(`Give the ${what} a name.`)
    .trim()
    .min(1, `Give the ${what} a name.`)
    .max(MAX_NAME_LENGTH, `Keep the name under ${MAX_NAME_LENGTH} characters.`);

/**
 * A whole number from a form: numbers and numeric strings; empty is "missing" (not 0, which is
 * what `z.coerce.number()` would make of it).
 */
function wholeNumber({ min, max, required, range }: { min: number; max: number; required: string; range: string }) {
  return z.preprocess(
    (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : Number(v)) : v),
    z.number({ error: (issue) => (issue.input === undefined || issue.input === null ? required : range) }).refine((n) => Number.isInteger(n) && n >= min && n <= max, range),
  );
}

/** Like `wholeNumber`, but empty means "none" (null). */
function optionalWholeNumber({ min, max, range }: { min: number; max: number; range: string }) {
  return z.preprocess(
    (v) => (v === undefined || v === null || (typeof v === "string" && v.trim() === "") ? null : typeof v === "string" ? Number(v) : v),
    z.number(range).refine((n) => Number.isInteger(n) && n >= min && n <= max, range).nullable(),
  );
}

// ── SLA policies ────────────────────────────────────────────────────────────────────────────

export const slaPolicyInputSchema = z
  .object({
    name: nameSchema("policy"),
    firstTouchHours: wholeNumber({ min: 1, max: 168, required: "Enter the hours allowed for the first touch.", range: "Use a whole number of business hours from 1 to 168." }),
    workdayStartHour: wholeNumber({ min: 0, max: 23, required: "Choose when the working day starts.", range: "The working day starts on a whole hour from 0 to 23." }),
    workdayEndHour: wholeNumber({ min: 1, max: 24, required: "Choose when the working day ends.", range: "The working day ends on a whole hour from 1 to 24." }),
    workingDays: z
      .array(z.number("Working days are ISO weekdays, 1 (Monday) to 7 (Sunday).").int().min(1, "Working days are ISO weekdays, 1 (Monday) to 7 (Sunday).").max(7, "Working days are ISO weekdays, 1 (Monday) to 7 (Sunday)."), "Choose at least one working day.")
      .min(1, "Choose at least one working day.")
      .transform((days) => [...new Set(days)].sort((a, b) => a - b)),
  })
  .superRefine((p, ctx) => {
    if (p.workdayStartHour >= p.workdayEndHour) {
      ctx.addIssue({ code: "custom", path: ["workdayEndHour"], message: "The working day must end after it starts." });
    }
  });
export type SlaPolicyInput = z.input<typeof slaPolicyInputSchema>;
export type SlaPolicyField = keyof SlaPolicyInput;

// ── Territories ─────────────────────────────────────────────────────────────────────────────

export const territoryInputSchema = z.object({
  name: nameSchema("territory"),
  description: z
    .string()
    .trim()
    .max(300, "Keep the description under 300 characters.")
    .nullish()
    .transform((s) => s || null),
});
export type TerritoryInput = z.input<typeof territoryInputSchema>;
export type TerritoryField = keyof TerritoryInput;

// ── Routing rules ───────────────────────────────────────────────────────────────────────────

/**
 * A list condition: trimmed, blanks dropped, and one entry per value as routing compares them
 * (case-insensitively, lib/routing/choose-assignee.ts) — the first spelling is kept.
 */
function conditionValues(label: string) {
  return z
    .array(z.string(`Each ${label} must be text.`).max(MAX_CONDITION_VALUE_LENGTH, `Keep each ${label} under ${MAX_CONDITION_VALUE_LENGTH} characters.`), `List the ${label} values as text.`)
    .optional()
    .transform((values) => {
      const seen = new Set<string>();
      const out: string[] = [];
      for (const raw of values ?? []) {
        const value = raw.trim().replace(/\s+/g, " ");
        const key = value.toLowerCase();
        if (!value || seen.has(key)) continue;
        seen.add(key);
        out.push(value);
      }
      return out;
    })
    .refine((values) => values.length <= MAX_CONDITION_VALUES, `List at most ${MAX_CONDITION_VALUES} values.`);
}

const optionalId = (what: string) =>
  z.preprocess((v) => (v === "" || v === undefined ? null : v), z.uuid(`Not a valid ${what} id.`).nullable());

export const routingRuleInputSchema = z
  .object({
    name: nameSchema("rule"),
    regions: conditionValues("region"),
    countries: conditionValues("country"),
    industries: conditionValues("industry"),
    minEmployees: optionalWholeNumber({ min: 0, max: MAX_EMPLOYEES_BOUND, range: "Use a whole number of employees, 0 or more." }),
    maxEmployees: optionalWholeNumber({ min: 0, max: MAX_EMPLOYEES_BOUND, range: "Use a whole number of employees, 0 or more." }),
    territoryId: optionalId("territory"),
    userId: optionalId("rep"),
    isActive: z.boolean("Say whether the rule is active.").default(true),
  })
  .superRefine((r, ctx) => {
    if (r.minEmployees !== null && r.maxEmployees !== null && r.minEmployees > r.maxEmployees) {
      ctx.addIssue({ code: "custom", path: ["maxEmployees"], message: "The maximum must be at least the minimum." });
    }
    if (r.territoryId === null && r.userId === null) {
      ctx.addIssue({ code: "custom", path: ["target"], message: "Choose the territory or the rep this rule routes to." });
    }
    if (r.territoryId !== null && r.userId !== null) {
      ctx.addIssue({ code: "custom", path: ["target"], message: "Route to a territory or to a single rep, not both." });
    }
  });
export type RoutingRuleInput = z.input<typeof routingRuleInputSchema>;
export type RoutingRuleField = keyof RoutingRuleInput | "target";

/** Only the conditions that constrain anything are stored: `{}` is a catch-all. */
export function toRoutingConditions(r: z.output<typeof routingRuleInputSchema>): RoutingConditions {
  const c: RoutingConditions = {};
  if (r.regions.length) c.regions = r.regions;
  if (r.countries.length) c.countries = r.countries;
  if (r.industries.length) c.industries = r.industries;
  if (r.minEmployees !== null) c.minEmployees = r.minEmployees;
  if (r.maxEmployees !== null) c.maxEmployees = r.maxEmployees;
  return c;
}

// ── A rep's availability, cap and time zone ─────────────────────────────────────────────────

/**
 * An IANA zone name the runtime knows, in its canonical spelling ("europe/berlin" →
 * "Europe/Berlin"). UTC offsets are refused even where the runtime accepts them: a fixed offset
 * ignores daylight saving time, so the SLA clock would be an hour off for half the year.
 */
export function canonicalTimeZone(value: string): string | null {
  const zone = value.trim();
  if (!zone || /^[+\-\u2212]|^(utc|gmt)[+\-\u2212]/i.test(zone)) return null;
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
  return resolved.toLowerCase() === zone.toLowerCase() ? resolved : zone;
}

const timeZoneSchema = z
  .string("Choose a time zone.")
  .trim()
  .min(1, "Choose a time zone.")
  .transform((zone, ctx) => {
    const canonical = canonicalTimeZone(zone);
    if (canonical === null) {
      ctx.addIssue({ code: "custom", message: `“${zone}” is not a time zone name: use one such as Europe/Berlin or America/New_York.` });
      return z.NEVER;
    }
    return canonical;
  });

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * "2026-03-12T09:00" on the wall clock of `timeZone` as an instant, or null when no such
 * calendar date exists (30 February). A time inside a spring-forward gap moves past it.
 */
export function localDateTimeToInstant(value: string, timeZone: string): Date | null {
  const m = LOCAL_DATE_TIME.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  if (hour > 23 || minute > 59 || second > 59) return null;
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (calendar.getUTCFullYear() !== year || calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day) return null;
  return new Date(new TZDate(year, month - 1, day, hour, minute, second, timeZone).getTime());
}

/** The value of a `datetime-local` input showing `instant` on the wall clock of `timeZone`. */
export function instantToLocalDateTime(instant: Date, timeZone: string): string {
  const d = new TZDate(instant.getTime(), canonicalTimeZone(timeZone) ?? "UTC");
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * `unavailableUntil` is the wall-clock time the rep is back, in their own (new) time zone —
 * "back Monday 09:00" means their Monday morning wherever the admin sits. `now` is passed in
 * so the "in the future" check can be tested.
 */
export function repAvailabilityInputSchema(now: Date) {
  return z
    .object({
      userId: idSchema("user"),
      timezone: timeZoneSchema,
      isAvailable: z.boolean("Say whether the rep takes new leads."),
      unavailableUntil: z
        .string("Enter the date and time the rep is back.")
        .trim()
        .nullish()
        .transform((s) => s || null),
      maxOpenMqls: optionalWholeNumber({ min: 1, max: MAX_OPEN_MQLS_CAP, range: `Use a whole number from 1 to ${MAX_OPEN_MQLS_CAP}, or leave it empty for no cap.` }),
    })
    .transform((input, ctx) => {
      if (input.unavailableUntil === null) return { ...input, unavailableUntil: null };
      if (input.isAvailable) {
        ctx.addIssue({ code: "custom", path: ["unavailableUntil"], message: "Turn “Takes new leads” off to set when the rep is back." });
        return z.NEVER;
      }
      const until = localDateTimeToInstant(input.unavailableUntil, input.timezone);
      if (until === null) {
        ctx.addIssue({ code: "custom", path: ["unavailableUntil"], message: "Enter a real date and time, e.g. 2026-03-16 09:00." });
        return z.NEVER;
      }
      if (until.getTime() <= now.getTime()) {
        ctx.addIssue({ code: "custom", path: ["unavailableUntil"], message: "The return time has passed: pick a later one, or turn “Takes new leads” back on." });
        return z.NEVER;
      }
      if (until.getTime() > now.getTime() + MAX_OUT_OF_OFFICE_DAYS * 86_400_000) {
        ctx.addIssue({ code: "custom", path: ["unavailableUntil"], message: "Pick a return within a year, or leave it empty to mark the rep unavailable until further notice." });
        return z.NEVER;
      }
      return { ...input, unavailableUntil: until };
    });
}
export type RepAvailabilityInput = z.input<ReturnType<typeof repAvailabilityInputSchema>>;
export type RepAvailabilityField = Exclude<keyof RepAvailabilityInput, "userId">;

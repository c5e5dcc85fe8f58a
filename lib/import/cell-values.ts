import type { ImportDateFormat } from "../../db/schema/imports";
import { isCalendarDate } from "../ingest/instant";
import type { StageChangeTarget } from "../lifecycle/transitions";

/**
 * Turning a CSV cell into the value the ingest schemas expect. CRM exports write dates, numbers,
 * stages and activity types their own way; these read the common spellings and leave anything
 * else for the schema (or a clear message here) to refuse.
 */
export type CellResult<T> = { value: T } | { error: string };

export const DATE_FORMAT_LABELS: Record<ImportDateFormat, string> = {
  iso: "2026-03-15 (ISO 8601)",
  mdy: "03/15/2026 (month first)",
  dmy: "15/03/2026 (day first)",
};

const ISO_WITHOUT_ZONE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;
const SLASHED = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/;

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * An ISO 8601 string for `instantSchema`. Times without a zone are read as UTC (CRM exports
 * rarely say theirs); `03/15/2026 9:30 AM` style dates need the file's order of day and month.
 */
export function readDateCell(raw: string, format: ImportDateFormat): CellResult<string> {
  const value = raw.trim();
  const iso = /^(\d{4})[-/](\d{2})[-/](\d{2})/.exec(value);
  // `Date.parse` rolls 2025-02-30 over to March 2; a CRM date that is not on the calendar is a typo.
  if (iso && !isCalendarDate(Number(iso[1]), Number(iso[2]), Number(iso[3]))) return { error: `“${value}” is not a date on the calendar.` };
  if (ISO_WITHOUT_ZONE.test(value)) return { value: `${value.replace(" ", "T")}Z` };
  if (/^\d{4}\/\d{2}\/\d{2}$/.test(value)) return { value: value.replaceAll("/", "-") };
  const m = SLASHED.exec(value);
  if (!m) return { value };
  if (format === "iso") {
    return { error: `“${value}” is not an ISO date: choose the file's date format (month or day first) above the preview.` };
  }
  const [first, second, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [month, day] = format === "mdy" ? [first, second] : [second, first];
  let hour = m[4] ? Number(m[4]) : 0;
  const minute = m[5] ? Number(m[5]) : 0;
  const secondOfMinute = m[6] ? Number(m[6]) : 0;
  const meridiem = m[7]?.toLowerCase();
  if (meridiem && (hour < 1 || hour > 12)) return { error: `“${value}” has an hour that does not fit AM/PM.` };
  if (meridiem === "pm" && hour < 12) hour += 12;
  if (meridiem === "am" && hour === 12) hour = 0;
  const valid = isCalendarDate(year, month, day) && hour < 24 && minute < 60 && secondOfMinute < 60;
  if (!valid) return { error: `“${value}” is not a date in the ${format === "mdy" ? "MM/DD/YYYY" : "DD/MM/YYYY"} form.` };
  return { value: `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(secondOfMinute)}Z` };
}

/** Which order the slashed dates of a sample use: a first part above 12 means day first. */
export function detectDateFormat(samples: string[]): ImportDateFormat {
  let slashed = false;
  for (const s of samples) {
    const m = SLASHED.exec(s.trim());
    if (!m) continue;
    slashed = true;
    if (Number(m[1]) > 12) return "dmy";
    if (Number(m[2]) > 12) return "mdy";
  }
  return slashed ? "mdy" : "iso";
}

/** "1,200", "$ 5,000,000", "2.5M", "12k" → numbers; anything else is refused in words. */
export function readNumberCell(raw: string): CellResult<number> {
  const value = raw.trim();
  const compact = value.replace(/[\s$€£¥_]/g, "");
  const m = /^(-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)([kKmMbB])?$/.exec(compact);
  if (!m) return { error: `“${value}” is not a number.` };
  const scale = { k: 1e3, m: 1e6, b: 1e9 }[(m[2] ?? "").toLowerCase() as "k" | "m" | "b"] ?? 1;
  return { value: Math.round(Number(m[1]!.replaceAll(",", "")) * scale * 100) / 100 };
}

const STAGE_ALIASES: Record<string, StageChangeTarget | null> = {
  // Not a change: the contact simply stays (or starts as) a lead.
  lead: null,
  subscriber: null,
  other: null,
  new: null,
  marketingqualifiedlead: "mql",
  marketingqualified: "mql",
  mql: "mql",
  salesacceptedlead: "sal",
  salesaccepted: "sal",
  sal: "sal",
  salesqualifiedlead: "sql",
  salesqualified: "sql",
  sql: "sql",
  opportunity: "opportunity",
  opp: "opportunity",
  customer: "customer",
  closedwon: "customer",
  won: "customer",
  evangelist: "customer",
  lost: "lost",
  closedlost: "lost",
  recycled: "recycled",
  nurture: "recycled",
  rejected: "rejected",
  disqualified: "rejected",
};

/**
 * A lifecycle stage as CRMs write it ("marketingqualifiedlead", "Sales Qualified Lead", "MQL",
 * "Closed Won") → Handoff's; `null` for stages that are not a change (lead, subscriber, other).
 */
export function readStageCell(raw: string): CellResult<StageChangeTarget | null> {
  const key = raw.toLowerCase().replace(/[^a-z]/g, "");
  if (key in STAGE_ALIASES) return { value: STAGE_ALIASES[key]! };
  return { error: `“${raw.trim()}” is not a lifecycle stage Handoff knows (use MQL, SAL, SQL, opportunity, customer, lost, recycled or rejected).` };
}

const EVENT_TYPE_ALIASES: Record<string, string> = {
  email_opened: "email_open",
  opened_email: "email_open",
  email_clicked: "email_click",
  clicked_link_in_email: "email_click",
  email_replied: "email_reply",
  email_bounced: "email_bounce",
  unsubscribed: "unsubscribe",
  page_visit: "page_view",
  pageview: "page_view",
  visited_web_page: "page_view",
  web_visit: "page_view",
  form_submission: "form_submit",
  form_submitted: "form_submit",
  filled_out_form: "form_submit",
  download: "content_download",
  demo_requested: "demo_request",
  webinar_registration: "webinar_registered",
  registered_for_webinar: "webinar_registered",
  webinar_attendance: "webinar_attended",
  attended_webinar: "webinar_attended",
  meeting_booked: "meeting",
  phone_call: "call",
};

/** "Page View", "Email Opened", "Filled Out Form" → the built-in types; other names become lower_snake_case. */
export function readEventTypeCell(raw: string): CellResult<string> {
  const slug = raw
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9_.-]+/g, "_")
    .replace(/^_+|_+$/g, "");
  return { value: EVENT_TYPE_ALIASES[slug] ?? slug };
}

/** Text as stored: PostgreSQL refuses NUL characters, which some exports contain. */
export function readTextCell(raw: string): string {
  return raw.includes("\u0000") ? raw.replaceAll("\u0000", "") : raw;
}

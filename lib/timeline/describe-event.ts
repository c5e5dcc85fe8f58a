/**
 * Human sentences for timeline events: "Opened 'Q3 pricing update'", "Visited /pricing (3 min)".
 * Pure, so the same wording serves the contact page, the account page and the API.
 */
export type DescribableEvent = { type: string; properties?: Record<string, unknown> | null };

export type EventCategory = "email" | "web" | "form" | "webinar" | "sales" | "note" | "other";

const CATEGORY_BY_TYPE: Record<string, EventCategory> = {
  email_sent: "email",
  email_open: "email",
  email_click: "email",
  email_reply: "email",
  email_bounce: "email",
  unsubscribe: "email",
  page_view: "web",
  form_submit: "form",
  content_download: "form",
  demo_request: "form",
  webinar_registered: "webinar",
  webinar_attended: "webinar",
  call: "sales",
  meeting: "sales",
  note: "note",
};

export const EVENT_CATEGORIES: { id: EventCategory; label: string }[] = [
  { id: "email", label: "Email" },
  { id: "web", label: "Web" },
  { id: "form", label: "Forms & content" },
  { id: "webinar", label: "Webinars" },
  { id: "sales", label: "Calls & meetings" },
  { id: "note", label: "Notes" },
  { id: "other", label: "Other" },
];

export function categoryOf(type: string): EventCategory {
  return CATEGORY_BY_TYPE[type] ?? "other";
}

/** The built-in event types of a category (custom types all fall in "other"). */
export function typesInCategory(category: EventCategory): string[] {
  return Object.entries(CATEGORY_BY_TYPE)
    .filter(([, c]) => c === category)
    .map(([t]) => t);
}

function text(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const s = String(value).trim();
  return s.length ? s : null;
}

function quoted(value: unknown, fallback: string): string {
  const s = text(value);
  return s ? `‘${s.length > 80 ? `${s.slice(0, 79)}…` : s}’` : fallback;
}

/** "45 s", "3 min", "1 h 5 min". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return "";
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? `${h} h ${m} min` : `${h} h`;
}

function durationSuffix(props: Record<string, unknown>): string {
  const seconds = Number(props.durationSec ?? (props.durationMin !== undefined ? Number(props.durationMin) * 60 : NaN));
  const d = formatDuration(seconds);
  return d ? ` (${d})` : "";
}

function pathOf(url: unknown): string | null {
  const s = text(url);
  if (!s) return null;
  try {
    const u = new URL(s, "https://x.invalid");
    return u.pathname + u.search;
  } catch {
    return s;
  }
}

function humanize(type: string): string {
  const words = type.replace(/[_.-]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function describeEvent(event: DescribableEvent): string {
  const p = event.properties ?? {};
  switch (event.type) {
    case "email_sent":
      return `Was sent ${quoted(p.subject, "an email")}`;
    case "email_open":
      return `Opened ${quoted(p.subject, "an email")}`;
    case "email_click": {
      const link = pathOf(p.url);
      return `Clicked ${link ? `${link} in ` : "a link in "}${quoted(p.subject, "an email")}`;
    }
    case "email_reply":
      return `Replied to ${quoted(p.subject, "an email")}`;
    case "email_bounce":
      return `Email ${quoted(p.subject, "")} bounced`.replace("  ", " ");
    case "unsubscribe":
      return "Unsubscribed from marketing email";
    case "page_view":
      return `Visited ${pathOf(p.url) ?? "the website"}${durationSuffix(p)}`;
    case "form_submit":
      return `Submitted ${quoted(p.form, "a form")}${pathOf(p.url) ? ` on ${pathOf(p.url)}` : ""}`;
    case "content_download":
      return `Downloaded ${quoted(p.asset, "content")}`;
    case "webinar_registered":
      return `Registered for ${quoted(p.webinar, "a webinar")}`;
    case "webinar_attended":
      return `Attended ${quoted(p.webinar, "a webinar")}${durationSuffix(p)}`;
    case "demo_request":
      return "Requested a demo";
    case "call": {
      const outcome = text(p.outcome);
      return `Call${durationSuffix(p)}${outcome ? ` — ${outcome.replace(/_/g, " ")}` : ""}`;
    }
    case "meeting":
      return `Meeting ${quoted(p.title, "")}${durationSuffix(p)}`.replace("  ", " ").replace(" (", " (");
    case "note":
      return `Note: ${text(p.text) ?? ""}`.trim();
    default:
      return humanize(event.type);
  }
}

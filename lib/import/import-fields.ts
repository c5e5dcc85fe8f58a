import type { ImportKind } from "../../db/schema/imports";

export type { ImportKind };

export const IMPORT_KINDS = ["contacts", "events", "stage_changes"] as const satisfies readonly ImportKind[];

export const IMPORT_KIND_LABELS: Record<ImportKind, { title: string; description: string }> = {
  contacts: { title: "Contacts", description: "People and their companies, matched by email: new ones are created, known ones updated." },
  events: { title: "Timeline events", description: "Page views, emails, form fills, meetings… added to each contact's timeline." },
  stage_changes: { title: "Stage changes", description: "Lifecycle history with its real dates (MQL, SQL, customer…), to calibrate from day one." },
};

/** A column that is kept on the record under its own header name (`properties`). */
export const KEEP_AS_PROPERTY = "property";
/** Columns mapped to this (or to nothing) are not imported. */
export const IGNORE_COLUMN = "";

/** Stages a "Became a … Date" style column can date. */
export const DATED_STAGES = ["mql", "sal", "sql", "opportunity", "customer", "lost", "recycled"] as const;
export type DatedStage = (typeof DATED_STAGES)[number];

export type FieldValueType = "text" | "email" | "number" | "date" | "stage" | "eventType";

export type ImportField = {
  /** The input path in lib/ingest/schemas.ts (`account.domain`), `properties.<key>`, or `stageDate.<stage>`. */
  id: string;
  label: string;
  type: FieldValueType;
  group?: string;
};

const CONTACT_FIELDS: ImportField[] = [
  { id: "email", label: "Email", type: "email" },
  { id: "firstName", label: "First name", type: "text" },
  { id: "lastName", label: "Last name", type: "text" },
  { id: "title", label: "Job title", type: "text" },
  { id: "seniority", label: "Seniority", type: "text" },
  { id: "function", label: "Job function", type: "text" },
  { id: "phone", label: "Phone", type: "text" },
  { id: "country", label: "Country", type: "text" },
  { id: "region", label: "Region", type: "text" },
  { id: "source", label: "Source", type: "text" },
  { id: "campaign", label: "Campaign", type: "text" },
  { id: "createdAt", label: "Created at", type: "date" },
  { id: "account.name", label: "Company name", type: "text", group: "Company" },
  { id: "account.domain", label: "Company domain", type: "text", group: "Company" },
  { id: "account.industry", label: "Industry", type: "text", group: "Company" },
  { id: "account.employees", label: "Employees", type: "number", group: "Company" },
  { id: "account.annualRevenue", label: "Annual revenue", type: "number", group: "Company" },
  { id: "account.country", label: "Company country", type: "text", group: "Company" },
  { id: "account.region", label: "Company region", type: "text", group: "Company" },
];

const EVENT_PROPERTY_FIELDS: ImportField[] = [
  { id: "properties.url", label: "URL", type: "text", group: "Details" },
  { id: "properties.subject", label: "Email subject", type: "text", group: "Details" },
  { id: "properties.campaign", label: "Campaign", type: "text", group: "Details" },
  { id: "properties.form", label: "Form", type: "text", group: "Details" },
  { id: "properties.asset", label: "Content asset", type: "text", group: "Details" },
  { id: "properties.webinar", label: "Webinar", type: "text", group: "Details" },
  { id: "properties.title", label: "Meeting or call title", type: "text", group: "Details" },
  { id: "properties.outcome", label: "Outcome", type: "text", group: "Details" },
  { id: "properties.durationMin", label: "Duration (minutes)", type: "number", group: "Details" },
  { id: "properties.text", label: "Note text", type: "text", group: "Details" },
];

const EVENT_FIELDS: ImportField[] = [
  { id: "email", label: "Contact email", type: "email" },
  { id: "contactId", label: "Handoff contact id", type: "text" },
  { id: "type", label: "Event type", type: "eventType" },
  { id: "occurredAt", label: "Occurred at", type: "date" },
  { id: "id", label: "Event id (in the source system)", type: "text" },
  { id: "source", label: "Source system", type: "text" },
  ...EVENT_PROPERTY_FIELDS,
];

const STAGE_LABELS: Record<DatedStage, string> = {
  mql: "MQL",
  sal: "SAL",
  sql: "SQL",
  opportunity: "opportunity",
  customer: "customer",
  lost: "lost",
  recycled: "recycled",
};

const STAGE_CHANGE_FIELDS: ImportField[] = [
  { id: "email", label: "Contact email", type: "email" },
  { id: "contactId", label: "Handoff contact id", type: "text" },
  { id: "to", label: "Stage", type: "stage" },
  { id: "at", label: "Date of that stage", type: "date" },
  ...DATED_STAGES.map((s): ImportField => ({ id: `stageDate.${s}`, label: `Became ${STAGE_LABELS[s]} on`, type: "date", group: "Stage history" })),
  { id: "reason", label: "Reason", type: "text" },
  { id: "note", label: "Note", type: "text" },
  { id: "owner", label: "Owner email (Handoff user)", type: "email" },
];

export const IMPORT_FIELDS: Record<ImportKind, ImportField[]> = {
  contacts: CONTACT_FIELDS,
  events: EVENT_FIELDS,
  stage_changes: STAGE_CHANGE_FIELDS,
};

export function fieldOf(kind: ImportKind, id: string): ImportField | undefined {
  return IMPORT_FIELDS[kind].find((f) => f.id === id);
}

/** Whether a mapping target is valid for the kind: a field, "keep as property", or ignored. */
export function isMappingTarget(kind: ImportKind, target: string): boolean {
  if (target === IGNORE_COLUMN) return true;
  if (target === KEEP_AS_PROPERTY) return kind !== "stage_changes";
  return IMPORT_FIELDS[kind].some((f) => f.id === target);
}

/**
 * What a mapping still lacks before anything can be imported, in words ("Map a column to Email").
 * The row schemas check each value; this checks that the columns they need are there at all.
 */
export function missingRequiredFields(kind: ImportKind, mapping: Record<string, string>): string[] {
  const targets = new Set(Object.values(mapping));
  const missing: string[] = [];
  const hasContact = targets.has("email") || targets.has("contactId");
  if (kind === "contacts" && !targets.has("email")) missing.push("Map a column to Email: contacts are matched by email.");
  if (kind !== "contacts" && !hasContact) missing.push("Map a column to Contact email (or Handoff contact id).");
  if (kind === "events") {
    if (!targets.has("type")) missing.push("Map a column to Event type.");
    if (!targets.has("occurredAt")) missing.push("Map a column to Occurred at.");
  }
  if (kind === "stage_changes") {
    const dated = DATED_STAGES.some((s) => targets.has(`stageDate.${s}`));
    if (!dated && !(targets.has("to") && targets.has("at"))) {
      missing.push("Map Stage and Date of that stage, or at least one “Became … on” date column.");
    }
  }
  return missing;
}

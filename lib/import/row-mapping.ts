import type { z } from "zod";
import type { ColumnMapping, ImportDateFormat } from "../../db/schema/imports";
import {
  contactInputSchema,
  eventInputSchema,
  stageChangeInputSchema,
  type ContactInput,
  type EventInput,
  type StageChangeInput,
} from "../ingest/schemas";
import { readDateCell, readEventTypeCell, readNumberCell, readStageCell, readTextCell } from "./cell-values";
import { fieldOf, KEEP_AS_PROPERTY, type ImportKind } from "./import-fields";

/**
 * One CSV row → the items the ingest functions take, validated by the same zod schemas as the
 * REST API. Used by the browser preview and by the server import, so the preview shows exactly
 * what the import will do with each row.
 */
export type ImportItem = { contacts: ContactInput; events: EventInput; stage_changes: StageChangeInput };
export type RowResult<K extends ImportKind> = { ok: true; items: ImportItem[K][] } | { ok: false; error: string };

/** Events whose file has no id column are stored under this id's place until `eventId` names them. */
export const EVENT_SOURCE_DEFAULT = "csv";
const PENDING_EVENT_ID = "generated-on-import";

export type RowMapperOptions<K extends ImportKind> = {
  kind: K;
  headers: string[];
  mapping: ColumnMapping;
  dateFormat: ImportDateFormat;
  /** A stable id for an event without one (the server hashes the event); the preview leaves a placeholder. */
  eventId?: (event: EventInput) => string;
};

type Column = { index: number; header: string; target: string };
type Draft = { values: Record<string, unknown>; headerOf: Map<string, string>; errors: string[] };

/** "A is not a number.; B is empty" reads badly: one sentence, parts joined by semicolons. */
export function joinReasons(parts: string[]): string {
  return parts.map((p, i) => (i < parts.length - 1 ? p.replace(/\.$/, "") : p)).join("; ");
}

function setPath(obj: Record<string, unknown>, path: string, value: unknown) {
  const [head, ...rest] = path.split(".");
  if (rest.length === 0) obj[head!] = value;
  else {
    const child = (obj[head!] ??= {}) as Record<string, unknown>;
    child[rest.join(".")] = value;
  }
}

function readCell(kind: ImportKind, column: Column, raw: string, dateFormat: ImportDateFormat, draft: Draft) {
  const { target, header } = column;
  const path = target === KEEP_AS_PROPERTY ? `properties.${header.slice(0, 64)}` : target;
  // Known even for a blank cell, so "Activity Date is empty" names the file's column.
  draft.headerOf.set(path, header);
  if (raw.trim() === "") return;
  if (target === KEEP_AS_PROPERTY) {
    setPath(draft.values, path, readTextCell(raw));
    return;
  }
  const field = fieldOf(kind, target);
  if (!field) return;
  const read =
    field.type === "number"
      ? readNumberCell(raw)
      : field.type === "date"
        ? readDateCell(raw, dateFormat)
        : field.type === "stage"
          ? readStageCell(raw)
          : field.type === "eventType"
            ? readEventTypeCell(raw)
            : { value: readTextCell(raw) };
  if ("error" in read) draft.errors.push(`${header}: ${read.error}`);
  else setPath(draft.values, target, read.value);
}

function valueAt(obj: unknown, path: PropertyKey[]): unknown {
  return path.reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as Record<PropertyKey, unknown>)[k] : undefined), obj);
}

/** Zod issues in the words of the file: "Email Address: Not a valid email address", "Event Type is empty". */
function describe(error: z.ZodError, input: unknown, headerOf: (path: string) => string): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.map(String).join(".");
      const name = headerOf(path);
      if (issue.code === "invalid_type" && valueAt(input, issue.path) === undefined) return `${name} is empty`;
      if (issue.code === "invalid_type" && issue.expected === "int") return `${name}: must be a whole number`;
      return `${name}: ${issue.message}`;
    })
    .join("; ");
}

export function createRowMapper<K extends ImportKind>(options: RowMapperOptions<K>): (cells: string[]) => RowResult<K> {
  const { kind, headers, mapping, dateFormat } = options;
  const columns: Column[] = headers
    .map((header, index) => ({ index, header, target: mapping[header] ?? "" }))
    .filter((c) => c.target !== "");
  const labelOf = (path: string) => fieldOf(kind, path)?.label ?? path;

  function draftOf(cells: string[]): Draft {
    const draft: Draft = { values: {}, headerOf: new Map(), errors: [] };
    for (const column of columns) readCell(kind, column, cells[column.index] ?? "", dateFormat, draft);
    return draft;
  }

  function parse<T>(schema: z.ZodType<T>, input: Record<string, unknown>, draft: Draft): { ok: true; value: T } | { ok: false; error: string } {
    const result = schema.safeParse(input);
    if (result.success) return { ok: true, value: result.data };
    return { ok: false, error: describe(result.error, input, (p) => draft.headerOf.get(p) ?? labelOf(p)) };
  }

  return (cells) => {
    const draft = draftOf(cells);
    if (draft.errors.length) return { ok: false, error: joinReasons(draft.errors) };
    if (kind === "contacts") {
      const parsed = parse(contactInputSchema, draft.values, draft);
      return (parsed.ok ? { ok: true, items: [parsed.value] } : parsed) as RowResult<K>;
    }
    if (kind === "events") {
      const input = { ...draft.values, source: draft.values.source ?? EVENT_SOURCE_DEFAULT, id: draft.values.id ?? PENDING_EVENT_ID };
      const parsed = parse(eventInputSchema, input, draft);
      if (!parsed.ok) return parsed;
      const event = parsed.value;
      if (draft.values.id === undefined && options.eventId) event.id = options.eventId(event);
      return { ok: true, items: [event] } as RowResult<K>;
    }
    return mapStageChangeRow(draft, (input, d) => parse(stageChangeInputSchema, input, d)) as RowResult<K>;
  };
}

/**
 * A stage-changes row can carry several changes: a "Lifecycle Stage" with its date, and any
 * number of "Became … on" dates (HubSpot style). They are returned oldest first, so MQL is
 * applied before SQL before customer. A stage with no date anywhere in the row is refused.
 */
function mapStageChangeRow(
  draft: Draft,
  parse: (input: Record<string, unknown>, draft: Draft) => { ok: true; value: StageChangeInput } | { ok: false; error: string },
): RowResult<"stage_changes"> {
  const { stageDate, to, at, ...base } = draft.values as { stageDate?: Record<string, string>; to?: string | null; at?: string } & Record<string, unknown>;
  const wanted: { to: string; at: unknown; stageHeader?: string; dateHeader?: string }[] = [];
  for (const [stage, date] of Object.entries(stageDate ?? {})) {
    wanted.push({ to: stage, at: date, dateHeader: draft.headerOf.get(`stageDate.${stage}`) });
  }
  if (to) {
    const dated = wanted.some((w) => w.to === to);
    if (at !== undefined && !wanted.some((w) => w.to === to && w.at === at)) {
      wanted.push({ to, at, stageHeader: draft.headerOf.get("to"), dateHeader: draft.headerOf.get("at") });
    } else if (at === undefined && !dated) {
      return { ok: false, error: `${draft.headerOf.get("to")} is “${to}” but the row has no date for that stage.` };
    }
  }
  if (wanted.length === 0 && base.email === undefined && base.contactId === undefined) {
    return { ok: false, error: "The row names no contact (email or Handoff contact id)." };
  }
  const items: StageChangeInput[] = [];
  const errors: string[] = [];
  for (const w of wanted) {
    const headerOf = new Map(draft.headerOf);
    if (w.dateHeader) headerOf.set("at", w.dateHeader);
    if (w.stageHeader) headerOf.set("to", w.stageHeader);
    const parsed = parse({ ...base, to: w.to, at: w.at }, { ...draft, headerOf });
    if (parsed.ok) items.push(parsed.value);
    else if (!errors.includes(parsed.error)) errors.push(parsed.error);
  }
  if (errors.length) return { ok: false, error: joinReasons(errors) };
  items.sort((a, b) => a.at.getTime() - b.at.getTime());
  return { ok: true, items };
}

import { z } from "zod";
import { STAGE_CHANGE_TARGETS } from "../lifecycle/transitions";
import { parseInstant } from "./instant";

/**
 * What can be sent in: contacts, timeline events and stage changes. The same schemas validate the
 * REST API, the CSV import, and generate the OpenAPI document, so the three never disagree.
 */

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), text(max).optional());

/** An ISO 8601 instant with a time zone (`2026-03-01T09:30:00Z`) or a plain date (midnight UTC). */
export const instantSchema = z
  .string()
  .trim()
  .transform((s, ctx) => {
    const parsed = parseInstant(s);
    if (parsed.ok) return parsed.date;
    ctx.addIssue({
      code: "custom",
      message: parsed.reason === "calendar" ? `“${s}” is not a date on the calendar` : "Use an ISO 8601 date-time with a time zone, e.g. 2026-03-01T09:30:00Z",
    });
    return z.NEVER;
  })
  .meta({ description: "ISO 8601 date-time with a time zone, or a date (midnight UTC)", examples: ["2026-03-01T09:30:00Z"] });

const emailSchema = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email("Not a valid email address"))
  .transform((e) => e.toLowerCase())
  .meta({ format: "email", description: "Matched case-insensitively" });

const MAX_PROPERTY_KEY = 64;
const MAX_PROPERTIES_JSON = 16_384;

/**
 * Free-form JSON. Checked in one pass rather than as a zod record (which validates every key and
 * value on its own): it runs for every item of every ingest batch.
 */
const propertiesSchema = z
  .custom<Record<string, unknown>>((v) => typeof v === "object" && v !== null && !Array.isArray(v), "Properties must be a JSON object")
  .superRefine((properties, ctx) => {
    const long = Object.keys(properties).find((key) => key.length > MAX_PROPERTY_KEY);
    if (long) ctx.addIssue({ code: "custom", message: `Property names are limited to ${MAX_PROPERTY_KEY} characters (“${long.slice(0, 20)}…”)` });
    if (JSON.stringify(properties).length > MAX_PROPERTIES_JSON) ctx.addIssue({ code: "custom", message: "Properties are limited to 16 KB of JSON" });
  })
  .meta({
    type: "object",
    additionalProperties: true,
    description: `Any JSON object (names up to ${MAX_PROPERTY_KEY} characters, 16 KB in all), e.g. url, subject, campaign, duration`,
  });

export const accountInputSchema = z.object({
  domain: optionalText(253),
  name: optionalText(200),
  industry: optionalText(100),
  employees: z.number().int().min(0).max(10_000_000).optional(),
  annualRevenue: z.number().min(0).max(1e15).optional(),
  country: optionalText(100),
  region: optionalText(100),
});

export const contactInputSchema = z.object({
  email: emailSchema,
  firstName: optionalText(100),
  lastName: optionalText(100),
  title: optionalText(200),
  seniority: optionalText(50),
  function: optionalText(50),
  phone: optionalText(50),
  country: optionalText(100),
  region: optionalText(100),
  source: optionalText(100),
  campaign: optionalText(200),
  createdAt: instantSchema.optional(),
  properties: propertiesSchema.optional(),
  account: accountInputSchema.optional(),
});
export type ContactInput = z.infer<typeof contactInputSchema>;

const uuid = z.uuid("Not a valid contact id");

export const eventInputSchema = z
  .object({
    id: text(200).min(1, "Give the event its id in the source system"),
    source: text(100).min(1, "Name the source system"),
    type: z
      .string()
      .trim()
      .min(1)
      .max(64)
      .regex(/^[a-z][a-z0-9_.-]*$/, "Event types are lower-case words joined by _ . or - (e.g. page_view)"),
    email: emailSchema.optional(),
    contactId: uuid.optional(),
    occurredAt: instantSchema,
    properties: propertiesSchema.optional(),
  })
  .refine((e) => e.email || e.contactId, { message: "Give the contact's email or contactId", path: ["email"] });
export type EventInput = z.infer<typeof eventInputSchema>;

export const stageChangeInputSchema = z
  .object({
    email: emailSchema.optional(),
    contactId: uuid.optional(),
    to: z.enum(STAGE_CHANGE_TARGETS, { message: `Stage must be one of ${STAGE_CHANGE_TARGETS.join(", ")}` }),
    at: instantSchema,
    reason: optionalText(200),
    note: optionalText(2000),
    /** Email of the Handoff user who owns the lead after this change. */
    owner: emailSchema.optional(),
  })
  .refine((c) => c.email || c.contactId, { message: "Give the contact's email or contactId", path: ["email"] });
export type StageChangeInput = z.infer<typeof stageChangeInputSchema>;

export const MAX_BATCH_ITEMS = 1000;

/** Batch envelopes: the array is checked for size here, each item on its own afterwards. */
export const contactsBatchSchema = z.object({ contacts: z.array(z.unknown()).min(1, "Send at least one contact") });
export const eventsBatchSchema = z.object({ events: z.array(z.unknown()).min(1, "Send at least one event") });
export const stageChangesBatchSchema = z.object({ changes: z.array(z.unknown()).min(1, "Send at least one change") });

/** "contacts[3].email: Not a valid email address" */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message))
    .join("; ");
}

import { z } from "zod";
import { SALES_REJECTION_OUTCOMES } from "../../db/schema/mql-records";

/**
 * Inputs of the rep actions (lib/leads/lead-actions.ts). Every action names the MQL record and
 * the `version` the person saw: the write only happens if nobody changed the lead since.
 */

const recordId = z.uuid("Not a valid lead id");
const expectedVersion = z
  .number({ message: "Send the version of the lead you are looking at" })
  .int("The lead version is a whole number")
  .min(0, "The lead version is a whole number");
/** Optional free text; blank counts as not given. */
const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .transform((v) => (v === "" ? undefined : v))
    .optional();
const note = optionalText(5000, "Keep the note under 5,000 characters");
const requiredText = (what: string, max = 500) =>
  z
    .string({ message: `Give ${what}` })
    .trim()
    .min(1, `Give ${what}`)
    .max(max, `Keep ${what} under ${max.toLocaleString("en-US")} characters`);

const target = { mqlRecordId: recordId, expectedVersion };

export const ACTIVITY_KINDS = ["call", "email", "meeting"] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const logActivitySchema = z.object({
  ...target,
  kind: z.enum(ACTIVITY_KINDS, { message: "Log a call, an email or a meeting" }),
  /** When it happened; now when omitted. */
  occurredAt: z.coerce.date({ message: "Not a valid date" }).optional(),
  note,
  /** e.g. "connected", "left voicemail", "no answer", "booked a demo". */
  outcome: optionalText(120, "Keep the outcome under 120 characters"),
  durationMinutes: z
    .number({ message: "The duration is a number of minutes" })
    .int("The duration is a whole number of minutes")
    .min(0, "The duration cannot be negative")
    .max(24 * 60, "The duration is at most a day")
    .optional(),
  /** The email's subject, or the meeting's title. */
  subject: optionalText(300, "Keep the subject under 300 characters"),
});

export const acceptSchema = z.object({ ...target, note });

const bantField = (what: string) => requiredText(what, 1000);

export const bantSchema = z.object(
  {
    budget: bantField("the budget (or write “unknown”)"),
    authority: bantField("who decides (or write “unknown”)"),
    need: bantField("the need"),
    timeline: bantField("the timeline (or write “unknown”)"),
  },
  { message: "Fill in budget, authority, need and timeline" },
);

export const qualifySchema = z.object({
  ...target,
  bant: bantSchema,
  /** The sales rep to hand it to; when omitted, chosen as lib/leads/choose-sales-owner.ts says. */
  salesOwnerId: z.uuid("Not a valid sales rep").optional(),
  note,
});

export const rejectSchema = z.object({
  ...target,
  /** A code from the managed list (rejection_reasons); “other” needs a note. */
  reason: requiredText("a reason", 100),
  note,
});

export const salesAcceptSchema = z.object({ ...target, note });

export const salesRejectSchema = z.object({
  ...target,
  /** `back_to_sdr`: to the SDR who qualified it, as a SAL; `recycle`: to nurture. */
  outcome: z.enum(SALES_REJECTION_OUTCOMES, { message: "Send it back to the SDR or recycle it to nurture" }),
  reason: requiredText("a reason", 100),
  note,
});

export const convertSchema = z.object({ ...target, note });

export const closeWonSchema = z.object({ ...target, note });

export const closeLostSchema = z.object({ ...target, reason: requiredText("the reason the deal was lost"), note });

export const reassignSchema = z.object({
  ...target,
  toUserId: z.uuid("Choose the rep to give it to"),
  reason: requiredText("the reason for the reassignment"),
});

export const REASSIGN_MANY_LIMIT = 500;

export const reassignManySchema = z.object({
  items: z
    .array(z.object(target))
    .min(1, "Choose at least one lead")
    .max(REASSIGN_MANY_LIMIT, `Reassign at most ${REASSIGN_MANY_LIMIT} leads at once`),
  toUserId: z.uuid("Choose the rep to give them to"),
  reason: requiredText("the reason for the reassignment"),
});

export type LogActivityInput = z.input<typeof logActivitySchema>;
export type AcceptInput = z.input<typeof acceptSchema>;
export type QualifyInput = z.input<typeof qualifySchema>;
export type RejectInput = z.input<typeof rejectSchema>;
export type SalesAcceptInput = z.input<typeof salesAcceptSchema>;
export type SalesRejectInput = z.input<typeof salesRejectSchema>;
export type ConvertInput = z.input<typeof convertSchema>;
export type CloseWonInput = z.input<typeof closeWonSchema>;
export type CloseLostInput = z.input<typeof closeLostSchema>;
export type ReassignInput = z.input<typeof reassignSchema>;
export type ReassignManyInput = z.input<typeof reassignManySchema>;

import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Database } from "../../db/client";
import { contactRefreshQueue, engagementEvents, rejectionReasons, users, type MqlRecord, type NewMqlRecord } from "../../db/schema";
import type { LifecycleStage } from "../../db/schema/enums";
import { requestContactRefresh } from "../ingest/refresh-jobs";
import { stampFirstTouches } from "../lifecycle/first-touch";
import { planReturnToSdr, planTransition } from "../lifecycle/transitions";
import { requestNotificationEmails } from "../notifications/email-jobs";
import { pickSalesOwner, type SalesOwnerChoice } from "./choose-sales-owner";
import type { LeadActor } from "./lead-access";
import { notifyHandover, notifyReturned } from "./lead-notifications";
import {
  acceptSchema,
  closeLostSchema,
  closeWonSchema,
  convertSchema,
  logActivitySchema,
  qualifySchema,
  rejectSchema,
  salesAcceptSchema,
  salesRejectSchema,
  type AcceptInput,
  type CloseLostInput,
  type CloseWonInput,
  type ConvertInput,
  type LogActivityInput,
  type QualifyInput,
  type RejectInput,
  type SalesAcceptInput,
  type SalesRejectInput,
} from "./lead-schemas";
import { isOpen, refuseStatus, STATUS_PHRASES } from "./lead-status";
import { fail, runLeadAction, type LeadActionFailure, type LeadActionResult } from "./run-lead-action";

export { reassign, reassignMany, type ReassignManyResult } from "./lead-reassign";
export type { LeadActionCode, LeadActionFailure, LeadActionResult } from "./run-lead-action";
export type { LeadActor } from "./lead-access";

/**
 * What SDRs and sales do to a lead (PRODUCT.md §1, §4). Each action takes the database, the
 * person acting and their input, checks on the server that they may act on this lead, that the
 * lifecycle allows the move and that nobody changed the lead since they looked
 * (`expectedVersion`), and returns a result instead of throwing. See run-lead-action.ts for the
 * frame they share.
 */

/** Events within this much of the clock are "now"; later ones are refused. */
const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

const EVENT_TYPE = { call: "call", email: "email_sent", meeting: "meeting" } as const;

/** The stamp each main-path stage leaves on the MQL record when the move passes it. */
const STAMP: Partial<Record<LifecycleStage, "acceptedAt" | "sqlAt" | "opportunityAt" | "wonAt">> = {
  sal: "acceptedAt",
  sql: "sqlAt",
  opportunity: "opportunityAt",
  customer: "wonAt",
};

function stampsFor(passed: LifecycleStage[], at: Date): Partial<NewMqlRecord> {
  const stamps: Partial<NewMqlRecord> = {};
  for (const stage of passed) {
    const column = STAMP[stage];
    if (column) stamps[column] = at;
  }
  return stamps;
}

/** A reason from the managed list, with the note it requires; or why not. */
async function checkRejectionReason(tx: Database, code: string, note: string | undefined): Promise<{ code: string; label: string } | LeadActionFailure> {
  const [reason] = await tx.select().from(rejectionReasons).where(and(eq(rejectionReasons.code, code), isNull(rejectionReasons.archivedAt)));
  if (!reason) return fail("invalid", "Choose a reason from the list.", { issues: [{ path: ["reason"], message: "Choose a reason from the list." }] });
  if (reason.requiresNote && !note) {
    const message = `Add a note: “${reason.label}” needs one.`;
    return fail("invalid", message, { issues: [{ path: ["note"], message }] });
  }
  return { code: reason.code, label: reason.label };
}

/** Handed-over work is done only once the sales rep has taken it. */
function refuseUntilTaken(record: MqlRecord, doing: string): LeadActionFailure | null {
  if (record.status !== "sql" || record.salesAcceptedAt) return null;
  return fail("illegal", `Take this SQL before ${doing}, or turn it down.`);
}

/** Log a call, an email or a meeting: a timeline event by the rep, and the first touch the first time. */
export async function logActivity(db: Database, actor: LeadActor, input: LogActivityInput, now = new Date()): Promise<LeadActionResult> {
  return runLeadAction(db, actor, { schema: logActivitySchema, input, permission: "queue:work", what: "log activity on leads", place: "either", at: now }, async ({ record, contact }, v) => {
    if (!isOpen(record.status)) return fail("illegal", `Activity is logged on open leads only; this lead is ${STATUS_PHRASES[record.status]}.`);
    const occurredAt = v.occurredAt ?? now;
    if (occurredAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
      return fail("invalid", "An activity cannot be dated in the future.", { issues: [{ path: ["occurredAt"], message: "An activity cannot be dated in the future." }] });
    }
    const properties: Record<string, unknown> = { mqlRecordId: record.id };
    if (v.note) properties.notes = v.note;
    if (v.outcome) properties.outcome = v.outcome;
    if (v.durationMinutes !== undefined) properties.durationMin = v.durationMinutes;
    if (v.subject) properties[v.kind === "meeting" ? "title" : "subject"] = v.subject;
    return {
      set: {},
      did: `logged ${v.kind === "email" ? "an email" : `a ${v.kind}`}`,
      after: async (tx) => {
        // The acting user on the event is what makes it a rep's touch (lib/lifecycle/first-touch.ts).
        await tx.insert(engagementEvents).values({
          contactId: contact.id,
          type: EVENT_TYPE[v.kind],
          occurredAt,
          source: "handoff",
          externalId: `handoff-${randomUUID()}`,
          actorUserId: actor.userId,
          properties,
        });
        await tx.insert(contactRefreshQueue).values({ contactIds: [contact.id] });
        await stampFirstTouches(tx, [contact.id]);
      },
      afterCommit: () => requestContactRefresh(),
    };
  });
}

/** MQL → SAL: the rep takes the lead on. */
export async function accept(db: Database, actor: LeadActor, input: AcceptInput, now = new Date()): Promise<LeadActionResult> {
  return runLeadAction(db, actor, { schema: acceptSchema, input, permission: "queue:work", what: "accept leads", place: "queue", at: now }, async ({ record, contact }, v) => {
    const wrong = refuseStatus(record.status, ["mql"], "accepted");
    if (wrong) return fail("illegal", wrong);
    const move = planTransition(contact.stage, "sal");
    if (!move.ok) return fail("illegal", move.message);
    return {
      set: { status: "sal", ...stampsFor(move.passed, now) },
      did: "accepted it",
      stage: { to: "sal", transitionTo: "sal", note: v.note },
      webhook: { type: "lead.accepted", data: { kind: "accept", note: v.note ?? null } },
    };
  });
}

/**
 * MQL or SAL → SQL with BANT, handed to a sales rep: the one named, else the rep themselves when
 * an account executive qualifies their own lead, else as `pickSalesOwner` chooses (the account's
 * owner, then the lightest pipeline). The handover waits for that rep (`salesAcceptedAt` null),
 * except when they qualified it themselves.
 */
export async function qualify(db: Database, actor: LeadActor, input: QualifyInput, now = new Date()): Promise<LeadActionResult> {
  return runLeadAction(db, actor, { schema: qualifySchema, input, permission: "queue:work", what: "qualify leads", place: "queue", at: now }, async ({ tx, record, contact }, v) => {
    const wrong = refuseStatus(record.status, ["mql", "sal"], "qualified");
    if (wrong) return fail("illegal", wrong);
    const move = planTransition(contact.stage, "sql");
    if (!move.ok) return fail("illegal", move.message);

    let owner: SalesOwnerChoice;
    if (v.salesOwnerId) {
      const [rep] = await tx.select({ id: users.id, name: users.name, role: users.role, deactivatedAt: users.deactivatedAt }).from(users).where(eq(users.id, v.salesOwnerId));
      if (!rep || rep.role !== "sales" || rep.deactivatedAt) {
        return fail("invalid", "Hand it to an active sales rep.", { issues: [{ path: ["salesOwnerId"], message: "Hand it to an active sales rep." }] });
      }
      owner = { repId: rep.id, repName: rep.name, reason: `handed to ${rep.name}` };
    } else if (actor.role === "sales") {
      owner = { repId: actor.userId, repName: null, reason: "kept by the account executive who qualified it" };
    } else {
      owner = await pickSalesOwner(tx, { accountId: record.accountId, sdrId: record.assignedRepId, now });
    }
    const ownQualification = owner.repId === actor.userId;
    return {
      set: {
        status: "sql",
        ...stampsFor(move.passed, now),
        bant: v.bant,
        qualifiedById: actor.userId,
        salesOwnerId: owner.repId,
        salesAcceptedAt: ownQualification ? now : null,
      },
      did: owner.repId && !ownQualification ? `qualified it and handed it to ${owner.repName}` : "qualified it",
      stage: { to: "sql", transitionTo: "sql", reason: `Qualified with BANT; ${owner.reason}`, note: v.note },
      contactOwnerId: ownQualification ? actor.userId : undefined,
      after:
        owner.repId && !ownQualification
          ? (tx2) => notifyHandover({ tx: tx2, userId: owner.repId!, mqlRecordId: record.id, contact, bant: v.bant })
          : undefined,
      afterCommit: requestNotificationEmails,
    };
  });
}

/** MQL or SAL → rejected, with a reason from the managed list: back to nurture, out of the queue. */
export async function reject(db: Database, actor: LeadActor, input: RejectInput, now = new Date()): Promise<LeadActionResult> {
  return runLeadAction(db, actor, { schema: rejectSchema, input, permission: "queue:work", what: "reject leads", place: "queue", at: now }, async ({ tx, record, contact }, v) => {
    if (record.status === "sql" || record.status === "opportunity") {
      return fail("illegal", `This lead is ${STATUS_PHRASES[record.status]} now: only the sales rep it was handed to can turn it down.`);
    }
    const wrong = refuseStatus(record.status, ["mql", "sal"], "rejected");
    if (wrong) return fail("illegal", wrong);
    const move = planTransition(contact.stage, "rejected");
    if (!move.ok) return fail("illegal", move.message);
    const reason = await checkRejectionReason(tx, v.reason, v.note);
    if ("ok" in reason) return reason;
    return {
      set: { status: "rejected", rejectedAt: now, rejectedById: actor.userId, rejectionReason: reason.code, rejectionNote: v.note ?? null, recycledAt: now, closedAt: now },
      did: `rejected it: ${reason.label}`,
      stage: { to: move.toStage, transitionTo: "rejected", reason: reason.code, note: v.note },
      webhook: { type: "lead.rejected", data: { kind: "reject", reasonLabel: reason.label, note: v.note ?? null } },
    };
  });
}

/** The sales rep an SQL was handed to takes it: it is theirs now. */
export async function salesAccept(db: Database, actor: LeadActor, input: SalesAcceptInput, now = new Date()): Promise<LeadActionResult> {
  return runLeadAction(db, actor, { schema: salesAcceptSchema, input, permission: "pipeline:work", what: "take SQLs", place: "pipeline", at: now }, async ({ record }, v) => {
    const wrong = refuseStatus(record.status, ["sql"], "taken by sales");
    if (wrong) return fail("illegal", wrong);
    if (record.salesAcceptedAt) return fail("illegal", record.salesOwnerId === actor.userId ? "You have already taken this SQL." : "This SQL has already been taken.");
    if (!record.salesOwnerId) return fail("invalid", "No sales rep holds this SQL yet: reassign it to one first.");
    return {
      set: { salesAcceptedAt: now },
      did: "took the handover",
      contactOwnerId: record.salesOwnerId,
      webhook: { type: "lead.accepted", data: { kind: "sales_accept", salesOwnerId: record.salesOwnerId, note: v.note ?? null } },
    };
  });
}

/**
 * Sales turns an SQL down, with a reason from the managed list: `back_to_sdr` returns it to the
 * SDR who qualified it, as a SAL in their queue (its SQL stamp and handover cleared, so the funnel
 * counts it as an SQL only once sales takes it); `recycle` rejects it to nurture. The reason, the
 * note and the outcome stay on the record for the analytics.
 */
export async function salesReject(db: Database, actor: LeadActor, input: SalesRejectInput, now = new Date()): Promise<LeadActionResult> {
  return runLeadAction(db, actor, { schema: salesRejectSchema, input, permission: "pipeline:work", what: "turn SQLs down", place: "pipeline", at: now }, async ({ tx, record, contact }, v) => {
    const wrong = refuseStatus(record.status, ["sql"], "turned down by sales");
    if (wrong) return fail("illegal", wrong);
    const reason = await checkRejectionReason(tx, v.reason, v.note);
    if ("ok" in reason) return reason;
    const refusal = {
      salesRejectedAt: now,
      salesRejectedById: actor.userId,
      salesRejectionReason: reason.code,
      salesRejectionNote: v.note ?? null,
      salesRejectionOutcome: v.outcome,
    };
    const webhook = { type: "lead.rejected", data: { kind: "sales_reject", outcome: v.outcome, reasonLabel: reason.label, note: v.note ?? null, salesOwnerId: record.salesOwnerId } } as const;

    if (v.outcome === "recycle") {
      const move = planTransition(contact.stage, "rejected");
      if (!move.ok) return fail("illegal", move.message);
      return {
        set: { ...refusal, status: "rejected", rejectedAt: now, rejectedById: actor.userId, rejectionReason: reason.code, rejectionNote: v.note ?? null, recycledAt: now, closedAt: now },
        did: `turned it down and recycled it: ${reason.label}`,
        stage: { to: move.toStage, transitionTo: "rejected", reason: reason.code, note: v.note },
        webhook,
      };
    }

    const move = planReturnToSdr(contact.stage);
    if (!move.ok) return fail("illegal", move.message);
    const sdr = await sdrToReturnTo(tx, record);
    if (!sdr) return fail("invalid", "There is no SDR to send this SQL back to (nobody but sales worked it): recycle it instead.");
    return {
      set: { ...refusal, status: "sal", sqlAt: null, salesOwnerId: null, salesAcceptedAt: null, assignedRepId: sdr.id, assignedAt: sdr.id === record.assignedRepId ? record.assignedAt : now },
      did: `sent it back to ${sdr.name}: ${reason.label}`,
      stage: { to: "sal", transitionTo: "sal", reason: reason.code, note: v.note },
      contactOwnerId: contact.ownerId === null || contact.ownerId === record.salesOwnerId ? sdr.id : undefined,
      webhook: { ...webhook, data: { ...webhook.data, returnedToId: sdr.id } },
      after: (tx2) => notifyReturned({ tx: tx2, userId: sdr.id, mqlRecordId: record.id, contact, reason: reason.label, note: v.note }),
      afterCommit: requestNotificationEmails,
    };
  });
}

/** The SDR who qualified the SQL, else the one whose queue it came from — an active SDR either way. */
async function sdrToReturnTo(tx: Database, record: MqlRecord): Promise<{ id: string; name: string } | null> {
  const ids = [record.qualifiedById, record.assignedRepId].filter((id): id is string => id !== null);
  if (ids.length === 0) return null;
  const found = await tx
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(inArray(users.id, ids), eq(users.role, "sdr"), isNull(users.deactivatedAt)));
  for (const id of ids) {
    const sdr = found.find((u) => u.id === id);
    if (sdr) return sdr;
  }
  return null;
}

/** SQL → opportunity, once the sales rep has taken it. */
export async function convertToOpportunity(db: Database, actor: LeadActor, input: ConvertInput, now = new Date()): Promise<LeadActionResult> {
  return runLeadAction(db, actor, { schema: convertSchema, input, permission: "pipeline:work", what: "create opportunities", place: "pipeline", at: now }, async ({ record, contact }, v) => {
    const wrong = refuseStatus(record.status, ["sql"], "turned into an opportunity");
    if (wrong) return fail("illegal", wrong);
    const untaken = refuseUntilTaken(record, "turning it into an opportunity");
    if (untaken) return untaken;
    const move = planTransition(contact.stage, "opportunity");
    if (!move.ok) return fail("illegal", move.message);
    return {
      set: { status: "opportunity", ...stampsFor(move.passed, now) },
      did: "turned it into an opportunity",
      stage: { to: "opportunity", transitionTo: "opportunity", note: v.note },
    };
  });
}

/** Opportunity (or a taken SQL closing at once) → customer. */
export async function closeWon(db: Database, actor: LeadActor, input: CloseWonInput, now = new Date()): Promise<LeadActionResult> {
  return runLeadAction(db, actor, { schema: closeWonSchema, input, permission: "pipeline:work", what: "close deals", place: "pipeline", at: now }, async ({ record, contact }, v) => {
    const wrong = refuseStatus(record.status, ["sql", "opportunity"], "closed as won");
    if (wrong) return fail("illegal", wrong);
    const untaken = refuseUntilTaken(record, "closing it");
    if (untaken) return untaken;
    const move = planTransition(contact.stage, "customer");
    if (!move.ok) return fail("illegal", move.message);
    return {
      set: { status: "customer", ...stampsFor(move.passed, now), closedAt: now },
      did: "closed it as won",
      stage: { to: "customer", transitionTo: "customer", note: v.note },
    };
  });
}

/** Opportunity (or a taken SQL) → lost, with the reason. */
export async function closeLost(db: Database, actor: LeadActor, input: CloseLostInput, now = new Date()): Promise<LeadActionResult> {
  return runLeadAction(db, actor, { schema: closeLostSchema, input, permission: "pipeline:work", what: "close deals", place: "pipeline", at: now }, async ({ record, contact }, v) => {
    const wrong = refuseStatus(record.status, ["sql", "opportunity"], "closed as lost");
    if (wrong) return fail("illegal", wrong);
    const untaken = refuseUntilTaken(record, "closing it");
    if (untaken) return untaken;
    const move = planTransition(contact.stage, "lost");
    if (!move.ok) return fail("illegal", move.message);
    return {
      set: { status: "lost", lostAt: now, lostReason: v.reason, closedAt: now },
      did: `closed it as lost: ${v.reason}`,
      stage: { to: "lost", transitionTo: "lost", reason: v.reason, note: v.note },
    };
  });
}

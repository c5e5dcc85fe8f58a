import { randomUUID } from "node:crypto";
import { count, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import {
  contacts,
  engagementEvents,
  mqlReassignments,
  mqlRecords,
  notifications,
  stageTransitions,
  webhookDeliveries,
  webhooks,
  WEBHOOK_EVENT_TYPES,
  type MqlRecord,
  type NewMqlRecord,
} from "../../db/schema";
import type { LifecycleStage } from "../../db/schema/enums";
import { insertContact } from "../../db/test-fixtures";
import type { LeadActor } from "./lead-access";
import * as leads from "./lead-actions";
import type { LeadActionResult } from "./run-lead-action";

/** Where a lead can stand, as the rep actions see it: an SQL is either waiting for sales or taken. */
export const LEAD_STATES = ["mql", "sal", "sql_pending", "sql_taken", "opportunity", "customer", "lost", "rejected"] as const;
export type LeadState = (typeof LEAD_STATES)[number];

const CONTACT_STAGE: Record<LeadState, LifecycleStage> = {
  mql: "mql",
  sal: "sal",
  sql_pending: "sql",
  sql_taken: "sql",
  opportunity: "opportunity",
  customer: "customer",
  lost: "lost",
  rejected: "recycled",
};

const DAY = 24 * 60 * 60 * 1000;

/** The record's columns for a lead that got to `state` the usual way, a day at a time. */
function columnsFor(state: LeadState, mqlAt: Date): Partial<NewMqlRecord> {
  const day = (n: number) => new Date(mqlAt.getTime() + n * DAY);
  const bant = { budget: "Approved, 40k", authority: "VP Sales signs", need: "Routing is manual", timeline: "This quarter" };
  switch (state) {
    case "mql":
      return { status: "mql" };
    case "sal":
      return { status: "sal", acceptedAt: day(0.1) };
    case "sql_pending":
      return { status: "sql", acceptedAt: day(0.1), sqlAt: day(0.2), bant };
    case "sql_taken":
      return { status: "sql", acceptedAt: day(0.1), sqlAt: day(0.2), bant, salesAcceptedAt: day(0.3) };
    case "opportunity":
      return { status: "opportunity", acceptedAt: day(0.1), sqlAt: day(0.2), bant, salesAcceptedAt: day(0.3), opportunityAt: day(0.4) };
    case "customer":
      return { status: "customer", acceptedAt: day(0.1), sqlAt: day(0.2), bant, salesAcceptedAt: day(0.3), opportunityAt: day(0.4), wonAt: day(0.5), closedAt: day(0.5) };
    case "lost":
      return { status: "lost", acceptedAt: day(0.1), sqlAt: day(0.2), bant, salesAcceptedAt: day(0.3), opportunityAt: day(0.4), lostAt: day(0.5), lostReason: "Went with a spreadsheet", closedAt: day(0.5) };
    case "rejected":
      return { status: "rejected", rejectedAt: day(0.1), rejectionReason: "bad_fit", recycledAt: day(0.1), closedAt: day(0.1) };
  }
}

/**
 * A contact and its MQL record in `state`, routed to `assignedRepId`, with `salesOwnerId` as
 * given (tests of the state machine set it in every state) and, from SQL on, qualified by the
 * assigned rep.
 */
export async function insertLead(
  db: Database,
  options: { state: LeadState; assignedRepId: string | null; salesOwnerId?: string | null; accountId?: string | null; mqlAt?: Date; firstName?: string },
): Promise<{ record: MqlRecord; contactId: string }> {
  const mqlAt = options.mqlAt ?? new Date(Date.now() - 2 * DAY);
  const contact = await insertContact(db, {
    email: `lead-${randomUUID()}@example.test`,
    firstName: options.firstName ?? "Lee",
    lastName: "Ahmed",
    stage: CONTACT_STAGE[options.state],
    accountId: options.accountId ?? null,
    ownerId: options.assignedRepId,
  });
  const pipeline = !["mql", "sal", "rejected"].includes(options.state);
  const [record] = await db
    .insert(mqlRecords)
    .values({
      contactId: contact.id,
      accountId: options.accountId ?? null,
      mqlAt,
      fitScore: 72,
      engagementScore: 58,
      priorityScore: 65,
      reason: "threshold",
      assignedRepId: options.assignedRepId,
      assignedAt: options.assignedRepId ? mqlAt : null,
      slaDueAt: new Date(mqlAt.getTime() + 4 * 60 * 60 * 1000),
      qualifiedById: pipeline ? options.assignedRepId : null,
      salesOwnerId: options.salesOwnerId ?? null,
      ...columnsFor(options.state, mqlAt),
    })
    .returning();
  return { record: record!, contactId: contact.id };
}

/** A receiver for every event type, so that emitted webhooks leave delivery rows to count. */
export async function subscribeToAllWebhooks(db: Database): Promise<void> {
  await db.insert(webhooks).values({ url: "https://receiver.example.test/hooks", secret: "test-secret", eventTypes: [...WEBHOOK_EVENT_TYPES] });
}

export async function deliveriesOf(db: Database, mqlRecordId: string): Promise<string[]> {
  const rows = await db.select({ eventType: webhookDeliveries.eventType, payload: webhookDeliveries.payload }).from(webhookDeliveries).orderBy(webhookDeliveries.id);
  return rows.filter((r) => (r.payload.data as Record<string, unknown>)?.mqlRecordId === mqlRecordId).map((r) => r.eventType);
}

export async function transitionsOf(db: Database, contactId: string) {
  return db.select().from(stageTransitions).where(eq(stageTransitions.contactId, contactId)).orderBy(stageTransitions.id);
}

/** Everything an action may write about one lead: equal before and after means nothing changed. */
export async function leadFootprint(db: Database, lead: { record: MqlRecord; contactId: string }) {
  const [record] = await db.select().from(mqlRecords).where(eq(mqlRecords.id, lead.record.id));
  const [contact] = await db.select().from(contacts).where(eq(contacts.id, lead.contactId));
  const countOf = async (table: typeof engagementEvents | typeof stageTransitions, column: typeof engagementEvents.contactId | typeof stageTransitions.contactId) =>
    Number((await db.select({ n: count() }).from(table).where(eq(column, lead.contactId)))[0]!.n);
  return {
    record,
    contact,
    events: await countOf(engagementEvents, engagementEvents.contactId),
    transitions: await countOf(stageTransitions, stageTransitions.contactId),
    webhooks: (await deliveriesOf(db, lead.record.id)).length,
    reassignments: Number((await db.select({ n: count() }).from(mqlReassignments).where(eq(mqlReassignments.mqlRecordId, lead.record.id)))[0]!.n),
    notifications: Number((await db.select({ n: count() }).from(notifications).where(eq(notifications.mqlRecordId, lead.record.id)))[0]!.n),
  };
}

export const ACTION_NAMES = ["logActivity", "accept", "qualify", "reject", "salesAccept", "salesReject", "convertToOpportunity", "closeWon", "closeLost", "reassign"] as const;
export type ActionName = (typeof ACTION_NAMES)[number];

export const SAMPLE_BANT = { budget: "40k approved for this year", authority: "Dana, VP Sales, signs", need: "Leads sit unworked for days", timeline: "Live before Q3" };

/**
 * Calls an action on a record with ordinary input for it. `salesOwnerId` is whom a qualification
 * hands to; `reassignTo` whom a reassignment gives the lead to.
 */
export function performAction(
  db: Database,
  name: ActionName,
  actor: LeadActor,
  record: Pick<MqlRecord, "id" | "version">,
  options: { salesOwnerId?: string; reassignTo?: string; now?: Date } = {},
): Promise<LeadActionResult> {
  const target = { mqlRecordId: record.id, expectedVersion: record.version };
  const now = options.now ?? new Date();
  switch (name) {
    case "logActivity":
      return leads.logActivity(db, actor, { ...target, kind: "call", outcome: "connected", durationMinutes: 12, note: "Walked through their routing" }, now);
    case "accept":
      return leads.accept(db, actor, target, now);
    case "qualify":
      return leads.qualify(db, actor, { ...target, bant: SAMPLE_BANT, salesOwnerId: options.salesOwnerId }, now);
    case "reject":
      return leads.reject(db, actor, { ...target, reason: "bad_fit" }, now);
    case "salesAccept":
      return leads.salesAccept(db, actor, target, now);
    case "salesReject":
      return leads.salesReject(db, actor, { ...target, outcome: "recycle", reason: "no_budget" }, now);
    case "convertToOpportunity":
      return leads.convertToOpportunity(db, actor, target, now);
    case "closeWon":
      return leads.closeWon(db, actor, target, now);
    case "closeLost":
      return leads.closeLost(db, actor, { ...target, reason: "Chose a competitor" }, now);
    case "reassign":
      return leads.reassign(db, actor, { ...target, toUserId: options.reassignTo ?? "00000000-0000-0000-0000-000000000000", reason: "Rebalancing the team's load" }, now);
  }
}

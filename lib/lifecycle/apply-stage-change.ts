import "server-only";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { accounts, contacts, contactScores, mqlRecords, stageTransitions, users, type MqlRecord, type NewMqlRecord } from "../../db/schema";
import type { ActorType, LifecycleStage, MqlStatus } from "../../db/schema/enums";
import { notifyNewMql } from "../notifications/notify-new-mql";
import { RoutingState } from "../routing/routing-state";
import { emitWebhookEvent } from "../webhooks/emit-webhook-event";
import { planTransition, type StageChangeTarget } from "./transitions";

export type StageChangeActor =
  | { type: "user"; userId: string }
  | { type: "api_key"; apiKeyId: string }
  | { type: "import"; userId?: string };

export type StageChange = {
  contactId: string;
  to: StageChangeTarget;
  at: Date;
  reason?: string;
  note?: string;
  /** Email of the user who owns the lead afterwards. */
  ownerEmail?: string;
};

export type StageChangeOutcome =
  | { status: "changed"; fromStage: LifecycleStage; toStage: LifecycleStage; mqlRecordId: string; historical: boolean; openedRecord: boolean; routedRepId: string | null }
  | { status: "unchanged"; stage: LifecycleStage }
  | { status: "error"; error: string };

/** Changes dated further back than this are history: recorded and counted, but they page nobody. */
export const HISTORY_TOLERANCE_MS = 60 * 60 * 1000;
/** Clocks differ a little; anything later than this is refused as being in the future. */
const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

const OPEN_STATUSES: MqlStatus[] = ["mql", "sal", "sql", "opportunity"];

/** The stamp each main-path stage leaves on the MQL record. */
const STAMP: Partial<Record<LifecycleStage, keyof NewMqlRecord>> = {
  sal: "acceptedAt",
  sql: "sqlAt",
  opportunity: "opportunityAt",
  customer: "wonAt",
};

function actorColumns(actor: StageChangeActor): { actorType: ActorType; actorUserId?: string; actorApiKeyId?: string } {
  if (actor.type === "user") return { actorType: "user", actorUserId: actor.userId };
  if (actor.type === "api_key") return { actorType: "api_key", actorApiKeyId: actor.apiKeyId };
  return { actorType: "import", actorUserId: actor.userId };
}

/**
 * Applies one lifecycle change with its real timestamp, in one transaction: checks the state
 * machine against the contact's stage (locked, so concurrent changes serialise), opens or stamps
 * the MQL record, moves the contact, and appends the stage transition.
 */
export async function applyStageChange(
  db: Database,
  change: StageChange,
  actor: StageChangeActor,
  now = new Date(),
): Promise<StageChangeOutcome> {
  if (change.at.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
    return { status: "error", error: "The change is dated in the future." };
  }
  let ownerId: string | undefined;
  if (change.ownerEmail) {
    const [owner] = await db.select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, change.ownerEmail)).limit(1);
    if (!owner) return { status: "error", error: `No Handoff user with the email ${change.ownerEmail}.` };
    ownerId = owner.id;
  }

  return db.transaction(async (tx) => {
    const [contact] = await tx
      .select({
        id: contacts.id,
        email: contacts.email,
        stage: contacts.stage,
        ownerId: contacts.ownerId,
        accountId: contacts.accountId,
        fit: contactScores.fitScore,
        engagement: contactScores.engagementScore,
        source: contacts.source,
        campaignId: contacts.campaignId,
        modelVersionId: contactScores.modelVersionId,
        region: contacts.region,
        country: contacts.country,
        firstName: contacts.firstName,
        lastName: contacts.lastName,
        company: accounts.name,
        industry: accounts.industry,
        employees: accounts.employees,
        accountOwnerId: accounts.ownerId,
      })
      .from(contacts)
      .innerJoin(contactScores, eq(contactScores.contactId, contacts.id))
      .leftJoin(accounts, eq(accounts.id, contacts.accountId))
      .where(eq(contacts.id, change.contactId))
      .for("update", { of: contacts });
    if (!contact) return { status: "error", error: "No such contact." } as const;

    const plan = planTransition(contact.stage, change.to);
    if (!plan.ok) return { status: "error", error: plan.message } as const;
    if (plan.kind === "unchanged") return { status: "unchanged", stage: contact.stage } as const;

    const at = change.at;
    const historical = at.getTime() < now.getTime() - HISTORY_TOLERANCE_MS;
    const [open] = await tx
      .select()
      .from(mqlRecords)
      .where(and(eq(mqlRecords.contactId, contact.id), inArray(mqlRecords.status, OPEN_STATUSES)))
      .orderBy(desc(mqlRecords.mqlAt))
      .limit(1)
      .for("update");

    let record: Pick<MqlRecord, "id"> | undefined = plan.opensRecord ? undefined : open;
    let openedRecord = false;
    let routedRepId: string | null = null;
    const stamps: Partial<NewMqlRecord> = {};
    for (const stage of plan.passed) {
      const column = STAMP[stage];
      if (column) (stamps as Record<string, Date>)[column] = at;
    }
    const status: MqlStatus = change.to === "rejected" ? "rejected" : (plan.toStage as MqlStatus);
    if (plan.kind === "reject") Object.assign(stamps, { rejectedAt: at, rejectionReason: change.reason ?? "other", rejectionNote: change.note, recycledAt: at, closedAt: at });
    if (plan.kind === "recycle") Object.assign(stamps, { recycledAt: at, closedAt: at });
    if (plan.kind === "lose") Object.assign(stamps, { lostAt: at, lostReason: change.reason, closedAt: at });
    if (plan.toStage === "customer") stamps.closedAt = at;

    if (!record && (plan.kind === "advance" || plan.kind === "requalify")) {
      // A new qualification (or a stage reported without one on file): open the handoff record.
      // A live MQL without a named owner is routed like one the scores made; history is not.
      const routing = !ownerId && !historical && plan.toStage === "mql" ? await RoutingState.load(tx) : null;
      const decision = routing?.assign(
        { region: contact.region, country: contact.country, industry: contact.industry, employees: contact.employees, accountOwnerId: contact.accountOwnerId },
        at,
      );
      const repId = ownerId ?? decision?.repId ?? undefined;
      const [created] = await tx
        .insert(mqlRecords)
        .values({
          contactId: contact.id,
          accountId: contact.accountId,
          status,
          mqlAt: at,
          fitScore: contact.fit,
          engagementScore: contact.engagement,
          priorityScore: (contact.fit + contact.engagement) / 2,
          modelVersionId: contact.modelVersionId,
          reason: actor.type === "user" ? "manual" : "import",
          reasonDetail: change.reason,
          segment: contact.region,
          region: contact.region,
          source: contact.source,
          campaignId: contact.campaignId,
          assignedRepId: repId,
          assignedAt: repId ? at : undefined,
          routingRuleId: decision?.ruleId,
          routingReason: decision?.reason,
          slaDueAt: decision?.slaDueAt ?? undefined,
          ...stamps,
        })
        .returning({ id: mqlRecords.id });
      record = created;
      openedRecord = true;
      if (routing && decision) {
        await routing.save(tx, [decision], at);
        if (decision.repId) {
          await notifyNewMql(tx, {
            repId: decision.repId,
            mqlRecordId: created!.id,
            contact,
            fit: contact.fit,
            engagement: contact.engagement,
            why: change.reason ? `reported as MQL: ${change.reason}` : "reported as MQL",
            slaDueAt: decision.slaDueAt,
            repTimeZone: decision.repTimeZone,
          });
          routedRepId = decision.repId;
        }
        if (!ownerId && decision.repId && !contact.ownerId) ownerId = decision.repId;
      }
    } else if (record) {
      await tx
        .update(mqlRecords)
        .set({ ...stamps, status, ...(ownerId ? { salesOwnerId: ownerId } : {}), updatedAt: now, version: sql`${mqlRecords.version} + 1` })
        .where(eq(mqlRecords.id, record.id));
    }

    await tx
      .update(contacts)
      .set({ stage: plan.toStage, stageChangedAt: at, ...(ownerId ? { ownerId } : {}), version: sql`${contacts.version} + 1`, updatedAt: now })
      .where(eq(contacts.id, contact.id));
    await tx.insert(stageTransitions).values({
      contactId: contact.id,
      mqlRecordId: record?.id,
      fromStage: contact.stage,
      toStage: change.to === "rejected" ? "rejected" : plan.toStage,
      occurredAt: at,
      ...actorColumns(actor),
      reason: change.reason,
      note: change.note,
    });
    if (!historical) {
      // Receivers hear of live changes only: importing years of CRM history must page nobody.
      // Emitted in this transaction, so a rollback announces nothing.
      const data = { contactId: contact.id, email: contact.email, mqlRecordId: record?.id ?? null, from: contact.stage, to: change.to, at: at.toISOString(), reason: change.reason ?? null };
      if (openedRecord && plan.toStage === "mql") {
        await emitWebhookEvent(tx, { type: "mql.created", data: { ...data, assignedRepId: ownerId ?? null }, occurredAt: at });
      }
      if (change.to === "sal") await emitWebhookEvent(tx, { type: "lead.accepted", data, occurredAt: at });
      if (change.to === "rejected") await emitWebhookEvent(tx, { type: "lead.rejected", data: { ...data, note: change.note ?? null }, occurredAt: at });
      await emitWebhookEvent(tx, { type: "stage.changed", data, occurredAt: at });
    }
    return {
      status: "changed",
      fromStage: contact.stage,
      toStage: plan.toStage,
      mqlRecordId: record?.id ?? "",
      historical,
      openedRecord,
      routedRepId,
    } as const;
  });
}

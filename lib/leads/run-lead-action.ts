import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Database } from "../../db/client";
import { contacts, mqlRecords, stageTransitions, type MqlRecord, type NewMqlRecord } from "../../db/schema";
import type { LifecycleStage } from "../../db/schema/enums";
import { can, ROLE_LABELS, type Permission } from "../auth/permissions";
import type { WebhookEventType } from "../../db/schema/webhooks";
import { emitWebhookEvent } from "../webhooks/emit-webhook-event";
import { refuseAccess, type LeadActor, type LeadPlace } from "./lead-access";
import { describeLastChange } from "./describe-last-change";
import { isOpen } from "./lead-status";

export type LeadActionCode = "conflict" | "forbidden" | "not_found" | "invalid" | "illegal";

export type FieldIssue = { path: (string | number)[]; message: string };

export type LeadActionFailure = {
  ok: false;
  code: LeadActionCode;
  message: string;
  /** On `conflict`: the record as it is now, for the person to see before trying again. */
  fresh?: MqlRecord;
  /** On `invalid` input: one message per field. */
  issues?: FieldIssue[];
};

export type LeadActionResult = { ok: true; record: MqlRecord } | LeadActionFailure;

/** A role that may not do this at all is refused before anything is read. */
export function refusePermission(actor: LeadActor, permission: Permission, what: string): LeadActionFailure | null {
  return can(actor.role, permission) ? null : fail("forbidden", `Your role (${ROLE_LABELS[actor.role]}) cannot ${what}.`);
}

/** zod's verdict as a result: the first message, and every field's. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): { ok: true; data: z.output<S> } | LeadActionFailure {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data };
  const issues = parsed.error.issues.map((i) => ({ path: i.path as (string | number)[], message: i.message }));
  return fail("invalid", issues[0]?.message ?? "Check the form.", { issues });
}

export function fail(code: LeadActionCode, message: string, extra: Pick<LeadActionFailure, "fresh" | "issues"> = {}): LeadActionFailure {
  return { ok: false, code, message, ...extra };
}

/** The contact behind the record, locked for the action's transaction. */
export type LeadContact = {
  id: string;
  email: string;
  firstName: string | null;
  lastName: string | null;
  stage: LifecycleStage;
  ownerId: string | null;
  accountId: string | null;
};

export type LeadContext = { tx: Database; actor: LeadActor; record: MqlRecord; contact: LeadContact; at: Date };

/** What an action does to the lead once it has been allowed. */
export type LeadChange = {
  /** Columns to set on the MQL record; the version, `updatedAt` and `lastAction*` are added. */
  set: Partial<NewMqlRecord>;
  /** What the person did, as "… was just updated by Sam (accepted it)" reads it. */
  did: string;
  /** A lifecycle change: one stage transition, the contact moved, `stage.changed` emitted. */
  stage?: { to: LifecycleStage; transitionTo: string; reason?: string; note?: string };
  /** The contact's new owner, when it changes. */
  contactOwnerId?: string;
  /** `lead.accepted` or `lead.rejected`, with what it adds to the common body. */
  webhook?: { type: Extract<WebhookEventType, "lead.accepted" | "lead.rejected">; data: Record<string, unknown> };
  /** More writes in the same transaction, after the record is updated. */
  after?: (tx: Database, record: MqlRecord) => Promise<void>;
  /** Work to start once the transaction has committed (wake a worker). */
  afterCommit?: () => Promise<void>;
};

/** The lead an input names, and the version the person saw. */
export type LeadTarget = { mqlRecordId: string; expectedVersion: number };

export type LeadActionSpec<S extends z.ZodType<LeadTarget>> = {
  schema: S;
  input: unknown;
  permission: Permission;
  /** "accept leads": for "Your role (Marketer) cannot accept leads." */
  what: string;
  place: LeadPlace;
  at: Date;
};

/**
 * The frame every rep action runs in, in one transaction:
 *
 *   1. the role may do this at all (permission);
 *   2. the contact is locked (the order applyStageChange takes locks in), then the record read;
 *   3. the actor holds the lead (their queue, their pipeline, or admin) — nothing about a lead
 *      that is not theirs is revealed;
 *   4. the version they saw is the current one, else `conflict` with the fresh record and who
 *      changed it;
 *   5. the action's own checks and plan (`plan`), including the lifecycle state machine;
 *   6. the write, guarded again by `where id = … and version = expected`;
 *   7. for a stage change: the contact moved, exactly one stage transition, `stage.changed`;
 *      plus the action's `lead.*` webhook — all committing together or not at all.
 */
export async function runLeadAction<S extends z.ZodType<LeadTarget>>(
  db: Database,
  actor: LeadActor,
  spec: LeadActionSpec<S>,
  plan: (ctx: LeadContext, input: z.output<S>) => Promise<LeadChange | LeadActionFailure>,
): Promise<LeadActionResult> {
  const denied = refusePermission(actor, spec.permission, spec.what);
  if (denied) return denied;
  const parsed = parseInput(spec.schema, spec.input);
  if (!parsed.ok) return parsed;
  const input = parsed.data;
  const { at } = spec;
  const id = input.mqlRecordId;
  let afterCommit: (() => Promise<void>) | undefined;
  const result = await db.transaction(async (tx): Promise<LeadActionResult> => {
    const [contact] = await tx
      .select({
        id: contacts.id,
        email: contacts.email,
        firstName: contacts.firstName,
        lastName: contacts.lastName,
        stage: contacts.stage,
        ownerId: contacts.ownerId,
        accountId: contacts.accountId,
      })
      .from(contacts)
      .where(inArray(contacts.id, tx.select({ id: mqlRecords.contactId }).from(mqlRecords).where(eq(mqlRecords.id, id))))
      .for("update");
    const [record] = contact ? await tx.select().from(mqlRecords).where(eq(mqlRecords.id, id)) : [];
    if (!contact || !record) return fail("not_found", "This lead no longer exists.");

    const refused = refuseAccess(actor, record, spec.place);
    if (refused) return fail("forbidden", refused);
    if (record.version !== input.expectedVersion) return conflict(tx, record, actor);
    if (isOpen(record.status) && record.status !== contact.stage) {
      // The contact moved on through another record (e.g. a CRM reported a new qualification).
      return fail("illegal", `This lead is no longer current: the contact is now at ${contact.stage}. Reload to see it.`);
    }

    const change = await plan({ tx, actor, record, contact, at }, input);
    if ("ok" in change) return change;
    afterCommit = change.afterCommit;

    const [updated] = await tx
      .update(mqlRecords)
      .set({
        ...change.set,
        version: sql`${mqlRecords.version} + 1`,
        updatedAt: at,
        lastActionById: actor.userId,
        lastAction: change.did,
        // The database clock, as stage_transitions.recorded_at uses: see describeLastChange.
        lastActionAt: sql`now()`,
      })
      .where(and(eq(mqlRecords.id, record.id), eq(mqlRecords.version, input.expectedVersion)))
      .returning();
    if (!updated) {
      const [fresh] = await tx.select().from(mqlRecords).where(eq(mqlRecords.id, record.id));
      return fresh ? conflict(tx, fresh, actor) : fail("not_found", "This lead no longer exists.");
    }

    const contactOwner = change.contactOwnerId && change.contactOwnerId !== contact.ownerId ? { ownerId: change.contactOwnerId } : {};
    if (change.stage) {
      await tx
        .update(contacts)
        .set({ stage: change.stage.to, stageChangedAt: at, ...contactOwner, version: sql`${contacts.version} + 1`, updatedAt: at })
        .where(eq(contacts.id, contact.id));
      await tx.insert(stageTransitions).values({
        contactId: contact.id,
        mqlRecordId: record.id,
        fromStage: contact.stage,
        toStage: change.stage.transitionTo,
        occurredAt: at,
        actorType: "user",
        actorUserId: actor.userId,
        reason: change.stage.reason,
        note: change.stage.note,
      });
    } else if (contactOwner.ownerId) {
      await tx.update(contacts).set({ ...contactOwner, updatedAt: at }).where(eq(contacts.id, contact.id));
    }

    const data = {
      mqlRecordId: record.id,
      contactId: contact.id,
      email: contact.email,
      from: contact.stage,
      to: change.stage?.transitionTo ?? contact.stage,
      at: at.toISOString(),
      actorUserId: actor.userId,
      reason: change.stage?.reason ?? null,
    };
    if (change.webhook) await emitWebhookEvent(tx, { type: change.webhook.type, data: { ...data, ...change.webhook.data }, occurredAt: at });
    if (change.stage) await emitWebhookEvent(tx, { type: "stage.changed", data, occurredAt: at });

    if (!change.after) return { ok: true, record: updated };
    await change.after(tx, updated);
    const [final] = await tx.select().from(mqlRecords).where(eq(mqlRecords.id, record.id));
    return { ok: true, record: final! };
  });
  if (result.ok && afterCommit) await afterCommit();
  return result;
}

async function conflict(tx: Database, fresh: MqlRecord, actor: LeadActor): Promise<LeadActionFailure> {
  return fail("conflict", await describeLastChange(tx, fresh, actor.userId), { fresh });
}

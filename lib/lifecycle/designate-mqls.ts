import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { insertRows } from "../../db/insert-rows";
import { accounts, contacts, mqlRecords, stageTransitions } from "../../db/schema";
import { requestNotificationEmails } from "../notifications/email-jobs";
import { newMqlNotification } from "../notifications/notify-new-mql";
import { notifyAll } from "../notifications/notify";
import { RoutingState } from "../routing/routing-state";
import type { ScoringModel } from "../scoring/published-model";
import type { MqlCandidate } from "../scoring/rescore-contacts";
import { emitWebhookEvents } from "../webhooks/emit-webhook-event";

export type DesignatedMql = { mqlRecordId: string; contactId: string; repId: string | null };

/**
 * Candidates designated per transaction: one routing lock and one read of the routing state each.
 * A batch of 500 holds the routing lock for well under a second, and thousands of new MQLs after
 * a publish take a tenth less time than in batches of 100.
 */
const PER_TRANSACTION = 500;

/** Why the candidate is an MQL: the rule it met, a qualifying action, or the exploration sample (just below the rule). */
function reasonOf(c: MqlCandidate): "threshold" | "qualifying_action" | "exploration" {
  if (c.meets_thresholds) return "threshold";
  return c.qualifying_action ? "qualifying_action" : "exploration";
}

/** "fit ≥ 50, engagement ≥ 40", "segment APAC: fit ≥ 55, engagement ≥ 45", the action's type, or "exploration 5% below …". */
function reasonDetail(c: MqlCandidate): string {
  const rule = `fit ≥ ${Number(c.fit_threshold)}, engagement ≥ ${Number(c.engagement_threshold)}`;
  const segmentRule = c.segment ? `segment ${c.segment}: ${rule}` : rule;
  switch (reasonOf(c)) {
    case "threshold":
      return segmentRule;
    case "qualifying_action":
      return c.qualifying_action!;
    case "exploration":
      return `exploration sample ${+(Number(c.exploration_share) * 100).toFixed(2)}% below ${segmentRule}`;
  }
}

function transitionReason(c: MqlCandidate, detail: string): string {
  switch (reasonOf(c)) {
    case "threshold":
      return `Scores crossed the MQL threshold (${detail})`;
    case "qualifying_action":
      return `Qualifying action: ${c.qualifying_action}`;
    case "exploration":
      return `Exploration sample: routed to learn conversion just below the threshold (${detail})`;
  }
}

/**
 * Turns the contacts the MQL rule qualified into MQLs (PRODUCT.md §5–6): for each, in one
 * transaction per batch, an MQL record with the scores, model version and reason at that moment,
 * the contact moved to `mql`, a stage transition by the scoring system, routing to a rep with the
 * SLA due time, the rep's notification and the `mql.created` webhook. A contact that changed
 * stage meanwhile (a rep acted on it) is left alone.
 */
export async function designateMqls(db: Database, candidates: MqlCandidate[], { model, at }: { model: ScoringModel; at: Date }): Promise<DesignatedMql[]> {
  const designated: DesignatedMql[] = [];
  for (let i = 0; i < candidates.length; i += PER_TRANSACTION) {
    const batch = candidates.slice(i, i + PER_TRANSACTION);
    designated.push(...(await db.transaction((tx) => designateBatch(tx, batch, model, at))));
  }
  if (designated.some((d) => d.repId)) await requestNotificationEmails();
  return designated;
}

async function designateBatch(tx: Database, batch: MqlCandidate[], model: ScoringModel, at: Date): Promise<DesignatedMql[]> {
  const routing = await RoutingState.load(tx);
  const rows = await tx
    .select({
      id: contacts.id,
      email: contacts.email,
      firstName: contacts.firstName,
      lastName: contacts.lastName,
      stage: contacts.stage,
      ownerId: contacts.ownerId,
      region: contacts.region,
      country: contacts.country,
      source: contacts.source,
      campaignId: contacts.campaignId,
      accountId: contacts.accountId,
      company: accounts.name,
      industry: accounts.industry,
      employees: accounts.employees,
      accountOwnerId: accounts.ownerId,
    })
    .from(contacts)
    .leftJoin(accounts, eq(accounts.id, contacts.accountId))
    .where(
      and(
        inArray(contacts.id, batch.map((c) => c.contact_id)),
        // Still where rescoring found them: a rep may have acted on the contact since.
        inArray(contacts.stage, ["lead", "recycled"]),
      ),
    )
    .for("update", { of: contacts, skipLocked: true });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const planned = batch.flatMap((candidate) => {
    const contact = byId.get(candidate.contact_id);
    if (!contact) return [];
    const decision = routing.assign(
      { region: contact.region, country: contact.country, industry: contact.industry, employees: contact.employees, accountOwnerId: contact.accountOwnerId },
      at,
    );
    const reason = reasonOf(candidate);
    return [{ candidate, contact, decision, reason, detail: reasonDetail(candidate), fit: Number(candidate.fit), engagement: Number(candidate.engagement) }];
  });
  if (planned.length === 0) return [];

  // Set-based: one insert of the records, one update of the contacts, one insert each of the
  // transitions, the notifications and the webhook deliveries for the whole batch.
  const inserted = await insertRows(
    tx,
    mqlRecords,
    planned.map(({ candidate, contact, decision, reason, detail, fit, engagement }) => ({
      contactId: contact.id,
      accountId: contact.accountId,
      status: "mql" as const,
      mqlAt: at,
      fitScore: fit,
      engagementScore: engagement,
      priorityScore: (fit + engagement) / 2,
      modelVersionId: model.id,
      reason,
      reasonDetail: detail,
      isExploration: reason === "exploration",
      explorationShare: reason === "exploration" ? Number(candidate.exploration_share) : null,
      segment: contact.region,
      region: contact.region,
      source: contact.source,
      campaignId: contact.campaignId,
      assignedRepId: decision.repId,
      assignedAt: decision.repId ? at : null,
      routingRuleId: decision.ruleId,
      routingReason: decision.reason,
      slaDueAt: decision.slaDueAt,
    })),
    ["id", "contactId"],
  );
  const recordOf = new Map(inserted.map((r) => [r.contactId, r.id]));
  await tx.execute(sql`
    update contacts c set stage = 'mql', stage_changed_at = ${at.toISOString()}::timestamptz, owner_id = coalesce(c.owner_id, v.rep_id),
      version = c.version + 1, updated_at = ${at.toISOString()}::timestamptz
    from json_to_recordset(${JSON.stringify(planned.map((p) => ({ id: p.contact.id, rep_id: p.decision.repId })))}::json) as v(id uuid, rep_id uuid)
    where c.id = v.id`);
  await insertRows(
    tx,
    stageTransitions,
    planned.map(({ contact, detail, candidate }) => ({
      contactId: contact.id,
      mqlRecordId: recordOf.get(contact.id)!,
      fromStage: contact.stage,
      toStage: "mql" as const,
      occurredAt: at,
      actorType: "system" as const,
      modelVersionId: model.id,
      reason: transitionReason(candidate, detail),
    })),
  );
  await notifyAll(
    tx,
    planned.flatMap(({ contact, decision, reason, candidate, fit, engagement }) =>
      decision.repId
        ? [
            newMqlNotification({
              repId: decision.repId,
              mqlRecordId: recordOf.get(contact.id)!,
              contact,
              fit,
              engagement,
              why: reason === "threshold" ? "crossed the threshold" : reason === "exploration" ? "exploration sample, just below the threshold" : candidate.qualifying_action!.replace(/_/g, " "),
              slaDueAt: decision.slaDueAt,
              repTimeZone: decision.repTimeZone,
            }),
          ]
        : [],
    ),
  );
  await emitWebhookEvents(
    tx,
    planned.map(({ contact, decision, reason, detail, fit, engagement }) => ({
      type: "mql.created" as const,
      occurredAt: at,
      data: {
        mqlRecordId: recordOf.get(contact.id)!,
        contactId: contact.id,
        email: contact.email,
        from: contact.stage,
        to: "mql",
        at: at.toISOString(),
        reason,
        reasonDetail: detail,
        fitScore: fit,
        engagementScore: engagement,
        modelVersion: model.version,
        assignedRepId: decision.repId,
        routingReason: decision.reason,
        slaDueAt: decision.slaDueAt?.toISOString() ?? null,
      },
    })),
  );
  const decisions = planned.map((p) => p.decision);
  const done: DesignatedMql[] = planned.map((p) => ({ mqlRecordId: recordOf.get(p.contact.id)!, contactId: p.contact.id, repId: p.decision.repId }));
  await routing.save(tx, decisions, at);
  return done;
}

import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { accounts, contacts, mqlRecords, stageTransitions } from "../../db/schema";
import { requestNotificationEmails } from "../notifications/email-jobs";
import { notifyNewMql } from "../notifications/notify-new-mql";
import { RoutingState } from "../routing/routing-state";
import type { ScoringModel } from "../scoring/published-model";
import type { MqlCandidate } from "../scoring/rescore-contacts";
import { emitWebhookEvent } from "../webhooks/emit-webhook-event";

export type DesignatedMql = { mqlRecordId: string; contactId: string; repId: string | null };

/** Candidates designated per transaction: one routing lock and one read of the routing state each. */
const PER_TRANSACTION = 100;

/** "fit ≥ 50, engagement ≥ 40", "segment APAC: fit ≥ 55, engagement ≥ 45" or the action's type. */
function reasonDetail(c: MqlCandidate): string {
  if (!c.meets_thresholds) return c.qualifying_action!;
  const rule = `fit ≥ ${Number(c.fit_threshold)}, engagement ≥ ${Number(c.engagement_threshold)}`;
  return c.segment ? `segment ${c.segment}: ${rule}` : rule;
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
  const done: DesignatedMql[] = [];
  const decisions = [];
  for (const candidate of batch) {
    const contact = byId.get(candidate.contact_id);
    if (!contact) continue;
    const decision = routing.assign(
      { region: contact.region, country: contact.country, industry: contact.industry, employees: contact.employees, accountOwnerId: contact.accountOwnerId },
      at,
    );
    decisions.push(decision);
    const fit = Number(candidate.fit);
    const engagement = Number(candidate.engagement);
    const reason = candidate.meets_thresholds ? "threshold" : "qualifying_action";
    const [record] = await tx
      .insert(mqlRecords)
      .values({
        contactId: contact.id,
        accountId: contact.accountId,
        status: "mql",
        mqlAt: at,
        fitScore: fit,
        engagementScore: engagement,
        priorityScore: (fit + engagement) / 2,
        modelVersionId: model.id,
        reason,
        reasonDetail: reasonDetail(candidate),
        segment: contact.region,
        source: contact.source,
        campaignId: contact.campaignId,
        assignedRepId: decision.repId,
        assignedAt: decision.repId ? at : null,
        routingRuleId: decision.ruleId,
        routingReason: decision.reason,
        slaDueAt: decision.slaDueAt,
      })
      .returning({ id: mqlRecords.id });
    await tx
      .update(contacts)
      .set({
        stage: "mql",
        stageChangedAt: at,
        ownerId: contact.ownerId ?? decision.repId,
        version: sql`${contacts.version} + 1`,
        updatedAt: at,
      })
      .where(eq(contacts.id, contact.id));
    await tx.insert(stageTransitions).values({
      contactId: contact.id,
      mqlRecordId: record!.id,
      fromStage: contact.stage,
      toStage: "mql",
      occurredAt: at,
      actorType: "system",
      modelVersionId: model.id,
      reason: reason === "threshold" ? `Scores crossed the MQL threshold (${reasonDetail(candidate)})` : `Qualifying action: ${candidate.qualifying_action}`,
    });
    if (decision.repId) {
      await notifyNewMql(tx, {
        repId: decision.repId,
        mqlRecordId: record!.id,
        contact,
        fit,
        engagement,
        why: reason === "threshold" ? "crossed the threshold" : candidate.qualifying_action!.replace(/_/g, " "),
        slaDueAt: decision.slaDueAt,
        repTimeZone: decision.repTimeZone,
      });
    }
    await emitWebhookEvent(tx, {
      type: "mql.created",
      occurredAt: at,
      data: {
        mqlRecordId: record!.id,
        contactId: contact.id,
        email: contact.email,
        from: contact.stage,
        to: "mql",
        at: at.toISOString(),
        reason,
        reasonDetail: reasonDetail(candidate),
        fitScore: fit,
        engagementScore: engagement,
        modelVersion: model.version,
        assignedRepId: decision.repId,
        routingReason: decision.reason,
        slaDueAt: decision.slaDueAt?.toISOString() ?? null,
      },
    });
    done.push({ mqlRecordId: record!.id, contactId: contact.id, repId: decision.repId });
  }
  await routing.save(tx, decisions, at);
  return done;
}

import type { SeedAccount } from "./accounts";
import { csvLine, jsonb, jsonInCsv, type CsvBuilder } from "./bulk-copy";
import type { SeedContact } from "./contacts";
import type { ContactHistory } from "./lifecycle";
import type { Random } from "./random";
import type { SeedMqlRecord, SeedTransition } from "./records";
import { isoTimestamp, MINUTE_MS } from "./time";
import type { EventSource, ExternalIds, SeedEvent } from "./timeline";

/** Column lists and CSV lines for the big tables, in the order COPY receives them. */

const ts = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : isoTimestamp(ms));

export const ACCOUNT_COLUMNS = [
  "id", "domain", "name", "industry", "employees", "annual_revenue", "country", "region", "technologies", "owner_id", "created_at", "updated_at",
] as const;

export function accountLine(a: SeedAccount): string {
  const created = ts(a.createdAt);
  return csvLine([a.id, a.domain, a.name, a.industry, a.employees, a.annualRevenue, a.country.name, a.region, a.technologies, a.ownerId, created, created]);
}

export const CONTACT_COLUMNS = [
  "id", "email", "first_name", "last_name", "title", "seniority", "job_function", "phone", "country", "region", "source",
  "campaign_id", "account_id", "owner_id", "stage", "stage_changed_at", "properties", "version", "created_at", "updated_at",
] as const;

export const CONTACT_SCORES_COLUMNS = [
  "contact_id", "fit_score", "engagement_score", "model_version_id", "scored_at", "last_activity_at", "unsubscribed_at",
] as const;

const UTM: Partial<Record<string, { utm_source: string; utm_medium: string }>> = {
  paid_search: { utm_source: "google", utm_medium: "cpc" },
  paid_social: { utm_source: "linkedin", utm_medium: "paid_social" },
  content: { utm_source: "newsletter", utm_medium: "email" },
};

export function contactLine(c: SeedContact, h: ContactHistory): string {
  const utm = UTM[c.source];
  const properties = utm && c.campaign ? { ...utm, utm_campaign: c.campaign.name } : {};
  const updatedAt = Math.max(c.createdAt, h.stageChangedAt);
  return csvLine([
    c.id, c.email, c.firstName, c.lastName, c.title, c.seniority, c.jobFunction, c.phone, c.country.name, c.region, c.source,
    c.campaign?.id, c.account?.id, h.ownerId, h.stage, ts(h.stageChangedAt), jsonb(properties), h.transitions.length - 1,
    ts(c.createdAt), ts(updatedAt),
  ]);
}

export function contactScoresLine(c: SeedContact, h: ContactHistory, modelVersionId: string, nowMs: number): string {
  return csvLine([c.id, c.fit, Math.round(h.engagementNow * 10) / 10, modelVersionId, ts(nowMs), ts(h.lastActivityAt), ts(c.unsubscribedAt)]);
}

export const EVENT_COLUMNS = [
  "contact_id", "type", "occurred_at", "source", "external_id", "actor_user_id", "properties", "received_at",
] as const;

/** How long each system takes to deliver an event to Handoff, in minutes (min, max). */
const DELIVERY_LAG: Record<EventSource, [number, number]> = {
  web: [0, 0.1],
  hubspot: [0.1, 2],
  marketo: [1, 15],
  salesforce: [1, 10],
  zoom: [30, 120],
  handoff: [0, 0],
};

/** Appends the contact's events to `csv`. */
export function addEventLines(csv: CsvBuilder, contactId: string, events: readonly SeedEvent[], externalIds: ExternalIds, rng: Random, nowMs: number): void {
  // The hottest loop of a large seed. Every field but the properties is a uuid, a timestamp or
  // a generator-made identifier with nothing to escape, so the line is assembled directly.
  for (const e of events) {
    const [lo, hi] = DELIVERY_LAG[e.source];
    const receivedAt = Math.min(nowMs, e.t + rng.uniform(lo, hi) * MINUTE_MS);
    csv.add(
      `${contactId},${e.type},${isoTimestamp(e.t)},${e.source},${externalIds.next(e.source)},${e.actorId ?? ""},${jsonInCsv(e.properties)},${isoTimestamp(receivedAt)}\n`,
    );
  }
}

export const MQL_RECORD_COLUMNS = [
  "id", "contact_id", "account_id", "status", "mql_at", "fit_score", "engagement_score", "priority_score", "model_version_id",
  "reason", "reason_detail", "is_exploration", "segment", "region", "source", "campaign_id", "assigned_rep_id", "assigned_at",
  "routing_rule_id", "routing_reason", "sla_due_at", "first_touch_at", "accepted_at", "sql_at", "bant", "sales_owner_id",
  "sales_accepted_at", "opportunity_at", "won_at", "lost_at", "lost_reason", "rejected_at", "rejected_by_id",
  "rejection_reason", "rejection_note", "recycled_at", "closed_at", "version", "created_at", "updated_at",
] as const;

export function mqlRecordLine(r: SeedMqlRecord): string {
  return csvLine([
    r.id, r.contactId, r.accountId, r.status, ts(r.mqlAt), r.fitScore, r.engagementScore, r.priorityScore, r.modelVersionId,
    r.reason, r.reasonDetail, false, r.segment, r.region, r.source, r.campaignId, r.assignedRepId, ts(r.assignedAt),
    r.routingRuleId, r.routingReason, ts(r.slaDueAt), ts(r.firstTouchAt), ts(r.acceptedAt), ts(r.sqlAt),
    r.bant ? jsonb(r.bant) : null, r.salesOwnerId, ts(r.salesAcceptedAt), ts(r.opportunityAt), ts(r.wonAt), ts(r.lostAt),
    r.lostReason, ts(r.rejectedAt), r.rejectedById, r.rejectionReason, r.rejectionNote, ts(r.recycledAt), ts(r.closedAt),
    r.version, ts(r.mqlAt), ts(r.updatedAt),
  ]);
}

export const TRANSITION_COLUMNS = [
  "contact_id", "mql_record_id", "from_stage", "to_stage", "occurred_at", "actor_type", "actor_user_id", "model_version_id",
  "reason", "note", "recorded_at",
] as const;

export function transitionLine(t: SeedTransition): string {
  const at = ts(t.occurredAt);
  return csvLine([t.contactId, t.mqlRecordId, t.fromStage, t.toStage, at, t.actorType, t.actorUserId, t.modelVersionId, t.reason, t.note, at]);
}

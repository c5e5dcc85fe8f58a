import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "../../db/client";
import { accounts, contacts, contactScores, engagementEvents, mqlRecords, scoringModelVersions, users } from "../../db/schema";
import { descNullsLast } from "../../db/sql-helpers";
import { explainScores } from "../scoring/explain";
import { loadPublishedModel } from "../scoring/published-model";
import { scoringEventsFor } from "../scoring/scoring-events";
import { describeEvent } from "../timeline/describe-event";

const scoredBy = alias(scoringModelVersions, "scored_by");

/**
 * A contact as the API returns it: profile, account, stage, stored scores (with the version that
 * produced them) and their breakdown under the published model, the open MQL record and the
 * latest events.
 */
export async function getContactProfile(db: Database, ref: { id?: string; email?: string }) {
  const [row] = await db
    .select({ contact: contacts, scores: contactScores, scoredByVersion: scoredBy.version, account: accounts, ownerEmail: users.email })
    .from(contacts)
    .innerJoin(contactScores, eq(contactScores.contactId, contacts.id))
    .leftJoin(scoredBy, eq(scoredBy.id, contactScores.modelVersionId))
    .leftJoin(accounts, eq(accounts.id, contacts.accountId))
    .leftJoin(users, eq(users.id, contacts.ownerId))
    .where(ref.id ? eq(contacts.id, ref.id) : eq(contacts.email, ref.email!.toLowerCase()))
    .limit(1);
  if (!row) return null;
  const { contact, scores, account } = row;
  const now = new Date();
  const model = await loadPublishedModel(db);
  const [openRecord] = await db
    .select()
    .from(mqlRecords)
    .where(and(eq(mqlRecords.contactId, contact.id), inArray(mqlRecords.status, ["mql", "sal", "sql", "opportunity"])))
    .orderBy(desc(mqlRecords.mqlAt))
    .limit(1);
  const recentEvents = await db
    .select({ id: engagementEvents.id, type: engagementEvents.type, occurredAt: engagementEvents.occurredAt, source: engagementEvents.source, externalId: engagementEvents.externalId, properties: engagementEvents.properties })
    .from(engagementEvents)
    .where(eq(engagementEvents.contactId, contact.id))
    .orderBy(descNullsLast(engagementEvents.occurredAt), descNullsLast(engagementEvents.id))
    .limit(20);
  const events = await scoringEventsFor(db, { contactId: contact.id, models: [model.definition], at: now });
  const explanation = explainScores({ subject: { ...contact, account }, events, model: model.definition, at: now });

  return {
    id: contact.id,
    email: contact.email,
    firstName: contact.firstName,
    lastName: contact.lastName,
    title: contact.title,
    seniority: contact.seniority,
    function: contact.jobFunction,
    phone: contact.phone,
    country: contact.country,
    region: contact.region,
    source: contact.source,
    owner: row.ownerEmail,
    stage: contact.stage,
    stageChangedAt: contact.stageChangedAt,
    createdAt: contact.createdAt,
    lastActivityAt: scores.lastActivityAt,
    properties: contact.properties,
    account: account
      ? { id: account.id, domain: account.domain, name: account.name, industry: account.industry, employees: account.employees, annualRevenue: account.annualRevenue, country: account.country, region: account.region }
      : null,
    scores: {
      fit: scores.fitScore,
      engagement: scores.engagementScore,
      scoredAt: scores.scoredAt,
      modelVersion: row.scoredByVersion ?? null,
      breakdown: explanation
        ? {
            at: explanation.at,
            fit: explanation.fit,
            engagement: {
              score: explanation.engagement.score,
              contributions: explanation.engagement.contributions.map((c) => ({ ...c, events: c.events?.slice(0, 50) })),
            },
            thresholds: explanation.thresholds,
          }
        : null,
    },
    openMqlRecord: openRecord ?? null,
    recentEvents: recentEvents.map((e) => ({ ...e, description: describeEvent(e) })),
  };
}

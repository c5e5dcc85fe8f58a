import "server-only";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { accounts, contacts, contactScores, engagementEvents, mqlRecords, scoringModelVersions, users } from "../../db/schema";
import { explainScores } from "../scoring/explain";
import { describeEvent } from "../timeline/describe-event";

const SCORING_WINDOW_DAYS = 730;

/**
 * A contact as the API returns it: profile, account, stage, stored scores with the breakdown of
 * the published model, the open MQL record and the latest events.
 */
export async function getContactProfile(db: Database, ref: { id?: string; email?: string }) {
  const [row] = await db
    .select({ contact: contacts, scores: contactScores, account: accounts, ownerEmail: users.email })
    .from(contacts)
    .innerJoin(contactScores, eq(contactScores.contactId, contacts.id))
    .leftJoin(accounts, eq(accounts.id, contacts.accountId))
    .leftJoin(users, eq(users.id, contacts.ownerId))
    .where(ref.id ? eq(contacts.id, ref.id) : eq(contacts.email, ref.email!.toLowerCase()))
    .limit(1);
  if (!row) return null;
  const { contact, scores, account } = row;
  const now = new Date();
  const [model] = await db
    .select()
    .from(scoringModelVersions)
    .where(eq(scoringModelVersions.status, "published"))
    .orderBy(desc(scoringModelVersions.publishedAt))
    .limit(1);
  const [openRecord] = await db
    .select()
    .from(mqlRecords)
    .where(and(eq(mqlRecords.contactId, contact.id), inArray(mqlRecords.status, ["mql", "sal", "sql", "opportunity"])))
    .orderBy(desc(mqlRecords.mqlAt))
    .limit(1);
  const events = await db
    .select({ id: engagementEvents.id, type: engagementEvents.type, occurredAt: engagementEvents.occurredAt, source: engagementEvents.source, externalId: engagementEvents.externalId, properties: engagementEvents.properties })
    .from(engagementEvents)
    .where(and(eq(engagementEvents.contactId, contact.id), sql`${engagementEvents.occurredAt} >= ${new Date(now.getTime() - SCORING_WINDOW_DAYS * 86_400_000).toISOString()}::timestamptz`))
    .orderBy(desc(engagementEvents.occurredAt), desc(engagementEvents.id))
    .limit(5000);
  const explanation = model ? explainScores({ subject: { ...contact, account }, events, model: model.definition, at: now }) : null;

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
      modelVersion: model?.version ?? null,
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
    recentEvents: events.slice(0, 20).map((e) => ({ ...e, description: describeEvent(e) })),
  };
}

import "server-only";
import { and, asc, desc, eq, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import { loadPublishedModel } from "@/lib/scoring/published-model";
import { accountScoresSql } from "@/lib/scoring/mqa/account-score-sql";
import { encodeCursor, type Cursor } from "@/lib/validation/common";
import type { AccountListFilters } from "@/lib/validation/accounts";
import { descNullsLast } from "../sql-helpers";
import { getDb, rowsOf } from "../client";
import { accounts, accountScores, contacts, contactScores, engagementEvents, mqaRecords, scoringModelVersions, users } from "../schema";

/** Accounts A–Z with keyset pagination on (name, id); search by name or domain. */
export async function listAccounts({ filters }: { filters: AccountListFilters }) {
  const db = await getDb();
  const where: SQL[] = [];
  if (filters.q) {
    const pattern = `%${filters.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(or(sql`lower(${accounts.name}) like ${pattern}`, sql`${accounts.domain} like ${pattern}`)!);
  }
  if (filters.cursor) where.push(sql`(${accounts.name}, ${accounts.id}) > (${String(filters.cursor[0])}, ${String(filters.cursor[1])})`);
  const rows = await db
    .select({
      id: accounts.id,
      name: accounts.name,
      domain: accounts.domain,
      industry: accounts.industry,
      employees: accounts.employees,
      region: accounts.region,
      accountScore: accountScores.score,
      ownerName: users.name,
      contactCount: sql<number>`(select count(*)::int from ${contacts} where ${contacts.accountId} = ${accounts.id})`,
    })
    .from(accounts)
    .leftJoin(users, eq(users.id, accounts.ownerId))
    .leftJoin(accountScores, eq(accountScores.accountId, accounts.id))
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(accounts.name), asc(accounts.id))
    .limit(filters.limit + 1);
  const page = rows.slice(0, filters.limit);
  const last = page.at(-1);
  return { rows: page, nextCursor: rows.length > filters.limit && last ? encodeCursor([last.name, last.id]) : null };
}

export async function getAccount({ id }: { id: string }) {
  const db = await getDb();
  const [row] = await db
    .select({ account: accounts, ownerName: users.name })
    .from(accounts)
    .leftJoin(users, eq(users.id, accounts.ownerId))
    .where(eq(accounts.id, id))
    .limit(1);
  return row;
}

/** The buying committee: the account's contacts, most engaged first, each with its latest event. */
export async function listAccountContacts({ accountId, limit = 200 }: { accountId: string; limit?: number }) {
  const db = await getDb();
  const latest = db
    .select({ type: engagementEvents.type, occurredAt: engagementEvents.occurredAt, properties: engagementEvents.properties })
    .from(engagementEvents)
    .where(eq(engagementEvents.contactId, contacts.id))
    .orderBy(descNullsLast(engagementEvents.occurredAt), descNullsLast(engagementEvents.id))
    .limit(1)
    .as("latest");
  return db
    .select({
      id: contacts.id,
      email: contacts.email,
      firstName: contacts.firstName,
      lastName: contacts.lastName,
      title: contacts.title,
      jobFunction: contacts.jobFunction,
      stage: contacts.stage,
      fitScore: contactScores.fitScore,
      engagementScore: contactScores.engagementScore,
      latestType: latest.type,
      latestAt: latest.occurredAt,
      latestProperties: latest.properties,
    })
    .from(contacts)
    .innerJoin(contactScores, eq(contactScores.contactId, contacts.id))
    .leftJoinLateral(latest, sql`true`)
    .where(eq(contacts.accountId, accountId))
    .orderBy(desc(contactScores.engagementScore), asc(contacts.id))
    .limit(limit);
}

/** The latest events across the whole account. */
export async function listAccountActivity({ contactIds, limit = 15 }: { contactIds: string[]; limit?: number }) {
  if (contactIds.length === 0) return [];
  const db = await getDb();
  return db
    .select({
      id: engagementEvents.id,
      contactId: engagementEvents.contactId,
      type: engagementEvents.type,
      occurredAt: engagementEvents.occurredAt,
      properties: engagementEvents.properties,
    })
    .from(engagementEvents)
    .where(inArray(engagementEvents.contactId, contactIds))
    .orderBy(descNullsLast(engagementEvents.occurredAt), descNullsLast(engagementEvents.id))
    .limit(limit);
}

/** The account's score now, in its parts, under the published model; and its MQA records, newest first. */
export async function getAccountQualification({ accountId }: { accountId: string }) {
  const db = await getDb();
  const model = await loadPublishedModel(db);
  const [parts] = rowsOf<{ fit: number; engagement: number; coverage: number; score: number }>(
    await db.execute(accountScoresSql(model.definition, [accountId])),
  );
  const records = await db
    .select({
      id: mqaRecords.id,
      mqaAt: mqaRecords.mqaAt,
      accountScore: mqaRecords.accountScore,
      components: mqaRecords.components,
      closedAt: mqaRecords.closedAt,
      repName: users.name,
      modelVersion: scoringModelVersions.version,
    })
    .from(mqaRecords)
    .leftJoin(users, eq(users.id, mqaRecords.assignedRepId))
    .leftJoin(scoringModelVersions, eq(scoringModelVersions.id, mqaRecords.modelVersionId))
    .where(eq(mqaRecords.accountId, accountId))
    .orderBy(desc(mqaRecords.mqaAt))
    .limit(20);
  return {
    rule: model.definition.mqa,
    modelVersion: model.version,
    parts: parts ? { fit: Number(parts.fit), engagement: Number(parts.engagement), coverage: Number(parts.coverage), score: Number(parts.score) } : null,
    records,
  };
}

/** Open MQAs, newest first (keyset on mqa_at, id): the marketer's list of accounts in play. */
export async function listOpenMqas({ cursor, limit }: { cursor?: Cursor; limit: number }) {
  const db = await getDb();
  const rows = await db
    .select({
      id: mqaRecords.id,
      accountId: accounts.id,
      name: accounts.name,
      domain: accounts.domain,
      industry: accounts.industry,
      region: accounts.region,
      mqaAt: mqaRecords.mqaAt,
      atQualification: mqaRecords.accountScore,
      accountScore: accountScores.score,
      components: mqaRecords.components,
      repName: users.name,
      contactCount: sql<number>`(select count(*)::int from ${contacts} where ${contacts.accountId} = ${accounts.id})`,
    })
    .from(mqaRecords)
    .innerJoin(accounts, eq(accounts.id, mqaRecords.accountId))
    .leftJoin(accountScores, eq(accountScores.accountId, accounts.id))
    .leftJoin(users, eq(users.id, mqaRecords.assignedRepId))
    .where(and(isNull(mqaRecords.closedAt), cursor ? sql`(${mqaRecords.mqaAt}, ${mqaRecords.id}) < (${String(cursor[0])}::timestamptz, ${String(cursor[1])}::uuid)` : undefined))
    .orderBy(desc(mqaRecords.mqaAt), desc(mqaRecords.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { rows: page, nextCursor: rows.length > limit && last ? encodeCursor([last.mqaAt.toISOString(), last.id]) : null };
}

export async function countOpenMqas(): Promise<number> {
  const db = await getDb();
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(mqaRecords).where(isNull(mqaRecords.closedAt));
  return row?.n ?? 0;
}

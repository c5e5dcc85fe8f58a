import "server-only";
import { and, asc, desc, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import { encodeCursor } from "@/lib/validation/common";
import type { AccountListFilters } from "@/lib/validation/accounts";
import { descNullsLast } from "../sql-helpers";
import { getDb } from "../client";
import { accounts, contacts, contactScores, engagementEvents, users } from "../schema";

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
      ownerName: users.name,
      contactCount: sql<number>`(select count(*)::int from ${contacts} where ${contacts.accountId} = ${accounts.id})`,
    })
    .from(accounts)
    .leftJoin(users, eq(users.id, accounts.ownerId))
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

import "server-only";
import { and, desc, eq, inArray, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "../client";
import { descNullsLast } from "../sql-helpers";
import { accounts, contacts, mqlRecords, users } from "../schema";

const rep = alias(users, "rep");

/**
 * Open MQL records (awaiting the SDR: `mql` or `sal`), hottest first. `repId` limits it to one
 * rep's queue; without it (admins) every rep's. Served by the partial index mql_records_queue_idx.
 */
export async function listOpenQueue({ repId, limit = 100 }: { repId?: string; limit?: number }) {
  const db = await getDb();
  const where: SQL[] = [inArray(mqlRecords.status, ["mql", "sal"])];
  if (repId) where.push(eq(mqlRecords.assignedRepId, repId));
  return db
    .select({
      id: mqlRecords.id,
      status: mqlRecords.status,
      mqlAt: mqlRecords.mqlAt,
      reason: mqlRecords.reason,
      reasonDetail: mqlRecords.reasonDetail,
      fitScore: mqlRecords.fitScore,
      engagementScore: mqlRecords.engagementScore,
      priorityScore: mqlRecords.priorityScore,
      slaDueAt: mqlRecords.slaDueAt,
      firstTouchAt: mqlRecords.firstTouchAt,
      contactId: contacts.id,
      email: contacts.email,
      firstName: contacts.firstName,
      lastName: contacts.lastName,
      title: contacts.title,
      accountName: accounts.name,
      repName: rep.name,
    })
    .from(mqlRecords)
    .innerJoin(contacts, eq(contacts.id, mqlRecords.contactId))
    .leftJoin(accounts, eq(accounts.id, mqlRecords.accountId))
    .leftJoin(rep, eq(rep.id, mqlRecords.assignedRepId))
    .where(and(...where))
    .orderBy(descNullsLast(mqlRecords.priorityScore), descNullsLast(mqlRecords.id))
    .limit(limit);
}

/** A sales rep's pipeline: SQLs and opportunities they own. */
export async function listPipeline({ salesOwnerId, limit = 100 }: { salesOwnerId: string; limit?: number }) {
  const db = await getDb();
  return db
    .select({
      id: mqlRecords.id,
      status: mqlRecords.status,
      mqlAt: mqlRecords.mqlAt,
      sqlAt: mqlRecords.sqlAt,
      opportunityAt: mqlRecords.opportunityAt,
      fitScore: mqlRecords.fitScore,
      engagementScore: mqlRecords.engagementScore,
      priorityScore: mqlRecords.priorityScore,
      slaDueAt: mqlRecords.slaDueAt,
      contactId: contacts.id,
      email: contacts.email,
      firstName: contacts.firstName,
      lastName: contacts.lastName,
      title: contacts.title,
      accountName: accounts.name,
    })
    .from(mqlRecords)
    .innerJoin(contacts, eq(contacts.id, mqlRecords.contactId))
    .leftJoin(accounts, eq(accounts.id, mqlRecords.accountId))
    .where(and(eq(mqlRecords.salesOwnerId, salesOwnerId), inArray(mqlRecords.status, ["sql", "opportunity"])))
    .orderBy(desc(mqlRecords.sqlAt))
    .limit(limit);
}

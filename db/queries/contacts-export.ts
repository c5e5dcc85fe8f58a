import "server-only";
import { and, eq } from "drizzle-orm";
import type { ContactListFilters } from "@/lib/validation/contacts";
import { getDb } from "../client";
import { keysetAfter, keysetOrderBy, sortKeyText } from "../sql-helpers";
import { accounts, campaigns, contacts, contactScores, users } from "../schema";
import { CONTACT_ORDERS } from "./contact-order";
import { filterConditions } from "./contacts";

/**
 * Every contact matching the contacts list's filters, in the list's order, a page at a time
 * (keyset, so a million rows never sit in memory at once), with the columns an export needs.
 */
export async function* contactExportPages({ filters, pageSize = 1000 }: { filters: ContactListFilters; pageSize?: number }) {
  const db = await getDb();
  const order = CONTACT_ORDERS[filters.sort];
  let cursor: [string | null, string] | undefined;
  for (;;) {
    const where = filterConditions(filters);
    if (cursor) where.push(keysetAfter(order, cursor));
    const rows = await db
      .select({
        id: contacts.id,
        email: contacts.email,
        firstName: contacts.firstName,
        lastName: contacts.lastName,
        title: contacts.title,
        seniority: contacts.seniority,
        jobFunction: contacts.jobFunction,
        phone: contacts.phone,
        country: contacts.country,
        region: contacts.region,
        source: contacts.source,
        campaign: campaigns.name,
        stage: contacts.stage,
        fitScore: contactScores.fitScore,
        engagementScore: contactScores.engagementScore,
        ownerEmail: users.email,
        accountName: accounts.name,
        accountDomain: accounts.domain,
        industry: accounts.industry,
        employees: accounts.employees,
        annualRevenue: accounts.annualRevenue,
        lastActivityAt: contactScores.lastActivityAt,
        stageChangedAt: contacts.stageChangedAt,
        createdAt: contacts.createdAt,
        sortKey: sortKeyText(order),
      })
      .from(contacts)
      .innerJoin(contactScores, eq(contactScores.contactId, contacts.id))
      .leftJoin(accounts, eq(accounts.id, contacts.accountId))
      .leftJoin(users, eq(users.id, contacts.ownerId))
      .leftJoin(campaigns, eq(campaigns.id, contacts.campaignId))
      .where(where.length ? and(...where) : undefined)
      .orderBy(...keysetOrderBy(order))
      .limit(pageSize);
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < pageSize) return;
    const last = rows.at(-1)!;
    cursor = [last.sortKey, last.id];
  }
}

import "server-only";
import { and, eq, sql, type SQL } from "drizzle-orm";
import type { ContactListFilters, ContactSort } from "@/lib/validation/contacts";
import { getDb } from "../client";
import { descNullsLast } from "../sql-helpers";
import { accounts, campaigns, contacts, users } from "../schema";
import { filterConditions } from "./contacts";

/** The sort column of each order and its SQL type, to read a cursor back exactly. */
const SORT = {
  created: { column: contacts.createdAt, type: sql`timestamptz` },
  fit: { column: contacts.fitScore, type: sql`real` },
  engagement: { column: contacts.engagementScore, type: sql`real` },
  activity: { column: contacts.lastActivityAt, type: sql`timestamptz` },
} as const satisfies Record<ContactSort, unknown>;

/**
 * The cursor keeps the sort value as PostgreSQL's own text and casts it back: a JavaScript Date
 * drops microseconds and a JavaScript number is not the stored `real`, and either would make the
 * walk skip or repeat rows that tie on the sort value.
 */
type ExportCursor = { sortKey: string | null; id: string };

function after(sort: ContactSort, cursor: ExportCursor): SQL {
  const { column, type } = SORT[sort];
  if (cursor.sortKey === null) return sql`(${column} is null and ${contacts.id} < ${cursor.id})`;
  const before = sql`(${column}, ${contacts.id}) < (cast(${cursor.sortKey} as ${type}), ${cursor.id})`;
  return sort === "activity" ? sql`(${before} or ${column} is null)` : before;
}

/**
 * Every contact matching the contacts list's filters, in the list's order, a page at a time
 * (keyset, so a million rows never sit in memory at once), with the columns an export needs.
 */
export async function* contactExportPages({ filters, pageSize = 1000 }: { filters: ContactListFilters; pageSize?: number }) {
  const db = await getDb();
  const { column } = SORT[filters.sort];
  let cursor: ExportCursor | undefined;
  for (;;) {
    const where = filterConditions(filters);
    if (cursor) where.push(after(filters.sort, cursor));
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
        fitScore: contacts.fitScore,
        engagementScore: contacts.engagementScore,
        ownerEmail: users.email,
        accountName: accounts.name,
        accountDomain: accounts.domain,
        industry: accounts.industry,
        employees: accounts.employees,
        annualRevenue: accounts.annualRevenue,
        lastActivityAt: contacts.lastActivityAt,
        stageChangedAt: contacts.stageChangedAt,
        createdAt: contacts.createdAt,
        sortKey: sql<string | null>`${column}::text`,
      })
      .from(contacts)
      .leftJoin(accounts, eq(accounts.id, contacts.accountId))
      .leftJoin(users, eq(users.id, contacts.ownerId))
      .leftJoin(campaigns, eq(campaigns.id, contacts.campaignId))
      .where(where.length ? and(...where) : undefined)
      .orderBy(descNullsLast(column), descNullsLast(contacts.id))
      .limit(pageSize);
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < pageSize) return;
    const last = rows.at(-1)!;
    cursor = { sortKey: last.sortKey, id: last.id };
  }
}

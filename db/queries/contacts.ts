import "server-only";
import { and, eq, gte, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import { encodeCursor } from "@/lib/validation/common";
import type { ContactListFilters } from "@/lib/validation/contacts";
import { keysetAfter, keysetOrderBy, sortKeyText } from "../sql-helpers";
import { getDb, rowsOf } from "../client";
import { accounts, contacts, contactScores, scoringModelVersions, users } from "../schema";
import { CONTACT_ORDERS } from "./contact-order";

function likePattern(q: string): string {
  return `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function filterConditions(f: ContactListFilters): SQL[] {
  const where: SQL[] = [];
  if (f.q) {
    const pattern = likePattern(f.q);
    where.push(
      or(
        sql`${contacts.searchText} like ${pattern}`,
        // `= any(array(…))` rather than `in (select …)`, so both sides of the OR can use an index.
        sql`${contacts.accountId} = any(array(select ${accounts.id} from ${accounts} where lower(${accounts.name}) like ${pattern}))`,
      )!,
    );
  }
  if (f.stage) where.push(eq(contacts.stage, f.stage));
  if (f.owner === "none") where.push(isNull(contacts.ownerId));
  else if (f.owner) where.push(eq(contacts.ownerId, f.owner));
  if (f.fitMin !== undefined) where.push(gte(contactScores.fitScore, f.fitMin));
  if (f.fitMax !== undefined) where.push(lte(contactScores.fitScore, f.fitMax));
  if (f.engagementMin !== undefined) where.push(gte(contactScores.engagementScore, f.engagementMin));
  if (f.engagementMax !== undefined) where.push(lte(contactScores.engagementScore, f.engagementMax));
  return where;
}

/** Whether the filters read contact_scores (then a count must join it). */
function filtersOnScores(f: ContactListFilters): boolean {
  return [f.fitMin, f.fitMax, f.engagementMin, f.engagementMax].some((bound) => bound !== undefined);
}

export type ContactListRow = Awaited<ReturnType<typeof listContacts>>["rows"][number];

/** The contacts list: filters, one of four orders, keyset pagination. */
export async function listContacts({ filters }: { filters: ContactListFilters }) {
  const db = await getDb();
  const order = CONTACT_ORDERS[filters.sort];
  const where = filterConditions(filters);
  if (filters.cursor) where.push(keysetAfter(order, filters.cursor));
  const rows = await db
    .select({
      id: contacts.id,
      email: contacts.email,
      firstName: contacts.firstName,
      lastName: contacts.lastName,
      title: contacts.title,
      stage: contacts.stage,
      fitScore: contactScores.fitScore,
      engagementScore: contactScores.engagementScore,
      lastActivityAt: contactScores.lastActivityAt,
      createdAt: contacts.createdAt,
      accountId: contacts.accountId,
      accountName: accounts.name,
      ownerName: users.name,
      sortKey: sortKeyText(order),
    })
    .from(contacts)
    .innerJoin(contactScores, eq(contactScores.contactId, contacts.id))
    .leftJoin(accounts, eq(accounts.id, contacts.accountId))
    .leftJoin(users, eq(users.id, contacts.ownerId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(...keysetOrderBy(order))
    .limit(filters.limit + 1);
  const page = rows.slice(0, filters.limit);
  const last = page.at(-1);
  return {
    rows: page.map(({ sortKey: _, ...row }) => row),
    nextCursor: rows.length > filters.limit && last ? encodeCursor([last.sortKey, last.id]) : null,
  };
}

/**
 * How many contacts match, counted up to a limit so a broad filter over a million rows stays
 * fast ("10,000+"); with no filter at all, the planner's estimate.
 */
export async function countContacts({ filters, upTo = 10_000 }: { filters: ContactListFilters; upTo?: number }) {
  const db = await getDb();
  const where = filterConditions(filters);
  if (where.length === 0) {
    const [row] = rowsOf<{ n: number }>(
      await db.execute(sql`select greatest(reltuples, 0)::bigint::int as n from pg_class where oid = 'contacts'::regclass`),
    );
    if (row && row.n >= upTo) return { count: row.n, exact: false, estimated: true };
  }
  const matching = filtersOnScores(filters)
    ? db.select({ one: sql`1` }).from(contacts).innerJoin(contactScores, eq(contactScores.contactId, contacts.id))
    : db.select({ one: sql`1` }).from(contacts);
  const limited = matching
    .where(where.length ? and(...where) : undefined)
    .limit(upTo + 1)
    .as("limited");
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(limited);
  const n = row?.n ?? 0;
  return { count: Math.min(n, upTo), exact: n <= upTo, estimated: false };
}

export async function getContact({ id }: { id: string }) {
  const db = await getDb();
  const [row] = await db
    .select({
      contact: contacts,
      scores: contactScores,
      scoresVersion: scoringModelVersions.version,
      account: accounts,
      owner: { id: users.id, name: users.name, email: users.email },
    })
    .from(contacts)
    .innerJoin(contactScores, eq(contactScores.contactId, contacts.id))
    .leftJoin(scoringModelVersions, eq(scoringModelVersions.id, contactScores.modelVersionId))
    .leftJoin(accounts, eq(accounts.id, contacts.accountId))
    .leftJoin(users, eq(users.id, contacts.ownerId))
    .where(eq(contacts.id, id))
    .limit(1);
  return row;
}

export async function listOwnerOptions() {
  const db = await getDb();
  return db
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(and(isNull(users.deactivatedAt), sql`${users.role} in ('sdr', 'sales', 'admin')`))
    .orderBy(users.name);
}

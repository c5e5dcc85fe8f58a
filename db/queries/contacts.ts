import "server-only";
import { and, eq, gte, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import { encodeCursor, type Cursor } from "@/lib/validation/common";
import type { ContactListFilters, ContactSort } from "@/lib/validation/contacts";
import { descNullsLast, timestamptz } from "../sql-helpers";
import { getDb, rowsOf } from "../client";
import { accounts, contacts, users } from "../schema";

/** The sort column of each contacts-list order; each has an index ending in id (db/schema/contacts.ts). */
const SORT_COLUMN = {
  created: contacts.createdAt,
  fit: contacts.fitScore,
  engagement: contacts.engagementScore,
  activity: contacts.lastActivityAt,
} as const satisfies Record<ContactSort, unknown>;

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
  if (f.fitMin !== undefined) where.push(gte(contacts.fitScore, f.fitMin));
  if (f.fitMax !== undefined) where.push(lte(contacts.fitScore, f.fitMax));
  if (f.engagementMin !== undefined) where.push(gte(contacts.engagementScore, f.engagementMin));
  if (f.engagementMax !== undefined) where.push(lte(contacts.engagementScore, f.engagementMax));
  return where;
}

/** Rows after the cursor in `(sort desc, id desc)` order; `activity` puts never-active contacts last. */
function afterCursor(sort: ContactSort, cursor: Cursor): SQL {
  const column = SORT_COLUMN[sort];
  const [value, id] = cursor;
  if (sort === "activity" && value === null) return and(isNull(column), sql`${contacts.id} < ${id}`)!;
  const v = sort === "created" || sort === "activity" ? new Date(value as string) : Number(value);
  const afterValue = sql`(${column}, ${contacts.id}) < (${v instanceof Date ? timestamptz(v) : v}, ${id})`;
  return sort === "activity" ? or(afterValue, isNull(column))! : afterValue;
}

export type ContactListRow = Awaited<ReturnType<typeof listContacts>>["rows"][number];

/** The contacts list: filters, one of four orders, keyset pagination. */
export async function listContacts({ filters }: { filters: ContactListFilters }) {
  const db = await getDb();
  const column = SORT_COLUMN[filters.sort];
  const where = filterConditions(filters);
  if (filters.cursor) where.push(afterCursor(filters.sort, filters.cursor));
  const rows = await db
    .select({
      id: contacts.id,
      email: contacts.email,
      firstName: contacts.firstName,
      lastName: contacts.lastName,
      title: contacts.title,
      stage: contacts.stage,
      fitScore: contacts.fitScore,
      engagementScore: contacts.engagementScore,
      lastActivityAt: contacts.lastActivityAt,
      createdAt: contacts.createdAt,
      accountId: contacts.accountId,
      accountName: accounts.name,
      ownerName: users.name,
    })
    .from(contacts)
    .leftJoin(accounts, eq(accounts.id, contacts.accountId))
    .leftJoin(users, eq(users.id, contacts.ownerId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(descNullsLast(column), descNullsLast(contacts.id))
    .limit(filters.limit + 1);
  const page = rows.slice(0, filters.limit);
  const last = page.at(-1);
  const sortValue = (r: (typeof rows)[number]) => {
    const v = r[filters.sort === "created" ? "createdAt" : filters.sort === "fit" ? "fitScore" : filters.sort === "engagement" ? "engagementScore" : "lastActivityAt"];
    return v instanceof Date ? v.toISOString() : (v ?? null);
  };
  return {
    rows: page,
    nextCursor: rows.length > filters.limit && last ? encodeCursor([sortValue(last), last.id]) : null,
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
  const limited = db
    .select({ one: sql`1` })
    .from(contacts)
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
    .select({ contact: contacts, account: accounts, owner: { id: users.id, name: users.name, email: users.email } })
    .from(contacts)
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

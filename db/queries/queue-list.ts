import "server-only";
import { and, eq, gte, inArray, isNull, lt, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { QUEUE_STATUSES } from "@/lib/routing/routing-state";
import { encodeCursor } from "@/lib/validation/common";
import type { QueueFilters } from "@/lib/validation/queue";
import type { Database } from "../client";
import { descNullsLast, timestamptz } from "../sql-helpers";
import { accounts, contacts, mqlRecords, users } from "../schema";

const rep = alias(users, "rep");
const DAY_MS = 86_400_000;


/** SLA urgency: untouched leads first, earliest due first, those without an SLA last. */
const touched = sql`(${mqlRecords.firstTouchAt} is not null)`;
const dueOrInfinity = sql`coalesce(${mqlRecords.slaDueAt}, 'infinity'::timestamptz)`;

function ageCondition(age: QueueFilters["age"], now: Date): SQL | undefined {
  const since = (days: number) => gte(mqlRecords.mqlAt, new Date(now.getTime() - days * DAY_MS));
  switch (age) {
    case "today":
      return since(1);
    case "3d":
      return since(3);
    case "7d":
      return since(7);
    case "older":
      return lt(mqlRecords.mqlAt, new Date(now.getTime() - 7 * DAY_MS));
    default:
      return undefined;
  }
}

/**
 * One page of a rep's queue (`repId`; every rep's when omitted, for admins), hottest first or most
 * urgent first, with the URL's filters; keyset-paginated on the order's own index
 * (mql_records_queue_idx, mql_records_queue_sla_idx; mql_records_open_priority_idx for every rep's), so a deep page costs what the first does.
 */
export async function listQueuePage(db: Database, { repId, filters, now = new Date() }: { repId?: string; filters: QueueFilters; now?: Date }) {
  const where: (SQL | undefined)[] = [inArray(mqlRecords.status, [...QUEUE_STATUSES])];
  if (repId) where.push(eq(mqlRecords.assignedRepId, repId));
  if (filters.segment) where.push(eq(mqlRecords.segment, filters.segment));
  if (filters.source) where.push(eq(mqlRecords.source, filters.source));
  where.push(ageCondition(filters.age, now));
  if (filters.overdue) where.push(and(isNull(mqlRecords.firstTouchAt), lt(mqlRecords.slaDueAt, now)));

  const bySla = filters.sort === "sla";
  const cursorText = bySla ? sql<string>`${touched}::int::text || '|' || ${dueOrInfinity}::text` : sql<string>`${mqlRecords.priorityScore}::text`;
  if (filters.cursor) {
    const [key, id] = filters.cursor;
    if (bySla) {
      const [t, due] = String(key).split("|");
      where.push(sql`(${touched}::int, ${dueOrInfinity}, ${mqlRecords.id}) > (${Number(t)}, cast(${due} as timestamptz), cast(${String(id)} as uuid))`);
    } else {
      where.push(sql`(${mqlRecords.priorityScore}, ${mqlRecords.id}) < (cast(${String(key)} as real), cast(${String(id)} as uuid))`);
    }
  }
  const order = bySla ? [sql`${touched}::int`, dueOrInfinity, mqlRecords.id] : [descNullsLast(mqlRecords.priorityScore), descNullsLast(mqlRecords.id)];

  const rows = await db
    .select({
      id: mqlRecords.id,
      version: mqlRecords.version,
      status: mqlRecords.status,
      mqlAt: mqlRecords.mqlAt,
      reason: mqlRecords.reason,
      reasonDetail: mqlRecords.reasonDetail,
      isExploration: mqlRecords.isExploration,
      fitScore: mqlRecords.fitScore,
      engagementScore: mqlRecords.engagementScore,
      priorityScore: mqlRecords.priorityScore,
      slaDueAt: mqlRecords.slaDueAt,
      firstTouchAt: mqlRecords.firstTouchAt,
      segment: mqlRecords.segment,
      source: mqlRecords.source,
      assignedRepId: mqlRecords.assignedRepId,
      repName: rep.name,
      contactId: contacts.id,
      email: contacts.email,
      firstName: contacts.firstName,
      lastName: contacts.lastName,
      title: contacts.title,
      accountId: accounts.id,
      accountName: accounts.name,
      cursorKey: cursorText,
    })
    .from(mqlRecords)
    .innerJoin(contacts, eq(contacts.id, mqlRecords.contactId))
    .leftJoin(accounts, eq(accounts.id, mqlRecords.accountId))
    .leftJoin(rep, eq(rep.id, mqlRecords.assignedRepId))
    .where(and(...where))
    .orderBy(...order)
    .limit(filters.limit + 1);
  const page = rows.slice(0, filters.limit);
  const last = page.at(-1);
  return {
    rows: page.map(({ cursorKey: _key, ...row }) => row),
    nextCursor: rows.length > filters.limit && last ? encodeCursor([last.cursorKey, last.id]) : null,
  };
}

/** Counts for the queue's header: open, and past the first-touch SLA. */
export async function queueCounts(db: Database, { repId, now = new Date() }: { repId?: string; now?: Date }) {
  const [row] = await db
    .select({
      open: sql<number>`count(*)::int`,
      overdue: sql<number>`(count(*) filter (where ${mqlRecords.firstTouchAt} is null and ${mqlRecords.slaDueAt} < ${timestamptz(now)}))::int`,
    })
    .from(mqlRecords)
    .where(and(inArray(mqlRecords.status, [...QUEUE_STATUSES]), repId ? eq(mqlRecords.assignedRepId, repId) : undefined));
  return { open: row?.open ?? 0, overdue: row?.overdue ?? 0 };
}

export type QueueRow = Awaited<ReturnType<typeof listQueuePage>>["rows"][number];

/** The segments and sources present in a queue, for its filter menus. */
export async function queueFacets(db: Database, { repId }: { repId?: string }) {
  const where = and(inArray(mqlRecords.status, [...QUEUE_STATUSES]), repId ? eq(mqlRecords.assignedRepId, repId) : undefined);
  const [segments, sources] = await Promise.all([
    db.selectDistinct({ v: mqlRecords.segment }).from(mqlRecords).where(and(where, sql`${mqlRecords.segment} is not null`)).orderBy(mqlRecords.segment),
    db.selectDistinct({ v: mqlRecords.source }).from(mqlRecords).where(and(where, sql`${mqlRecords.source} is not null`)).orderBy(mqlRecords.source),
  ]);
  return { segments: segments.map((r) => r.v!), sources: sources.map((r) => r.v!) };
}

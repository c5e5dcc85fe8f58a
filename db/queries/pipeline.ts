import "server-only";
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "../client";
import { accounts, contacts, mqlRecords, rejectionReasons, users } from "../schema";

/**
 * A sales rep's pipeline (PRODUCT.md §1, §4): the SQLs handed to them and waiting for their
 * answer, the SQLs they took, their opportunities, and what they closed lately. `salesOwnerId`
 * limits every list to one rep; without it (admins) everyone's, including handed-over SQLs that
 * no sales rep holds yet. The open lists are read through mql_records_pipeline_idx.
 */

const salesOwner = alias(users, "sales_owner");
const qualifier = alias(users, "qualifier");
const sdr = alias(users, "sdr");

/** Cards per column; the counts say how many there are in all. */
export const PIPELINE_COLUMN_LIMIT = 100;
/** The "Closed" column looks this far back. */
export const CLOSED_WINDOW_DAYS = 30;
const DAY_MS = 86_400_000;

type Scope = { salesOwnerId?: string };

const ownedBy = ({ salesOwnerId }: Scope): SQL | undefined => (salesOwnerId ? eq(mqlRecords.salesOwnerId, salesOwnerId) : undefined);

/** The note the SDR wrote when they qualified it (the latest move to SQL on this record). */
const handoverNote = sql<string | null>`(
  select st.note from stage_transitions st
  where st.mql_record_id = ${mqlRecords.id} and st.to_stage = 'sql'
  order by st.occurred_at desc, st.id desc
  limit 1
)`;

const leadColumns = {
  id: mqlRecords.id,
  version: mqlRecords.version,
  status: mqlRecords.status,
  mqlAt: mqlRecords.mqlAt,
  sqlAt: mqlRecords.sqlAt,
  salesAcceptedAt: mqlRecords.salesAcceptedAt,
  opportunityAt: mqlRecords.opportunityAt,
  fitScore: mqlRecords.fitScore,
  engagementScore: mqlRecords.engagementScore,
  bant: mqlRecords.bant,
  salesOwnerId: mqlRecords.salesOwnerId,
  salesOwnerName: salesOwner.name,
  // Records qualified before Handoff kept who did it were qualified by the SDR holding them.
  qualifiedByName: sql<string | null>`coalesce(${qualifier.name}, ${sdr.name})`,
  handoverNote,
  contactId: contacts.id,
  email: contacts.email,
  firstName: contacts.firstName,
  lastName: contacts.lastName,
  title: contacts.title,
  phone: contacts.phone,
  accountId: accounts.id,
  accountName: accounts.name,
  industry: accounts.industry,
  employees: accounts.employees,
};

function selectLeads(db: Database) {
  return db
    .select(leadColumns)
    .from(mqlRecords)
    .innerJoin(contacts, eq(contacts.id, mqlRecords.contactId))
    .leftJoin(accounts, eq(accounts.id, mqlRecords.accountId))
    .leftJoin(salesOwner, eq(salesOwner.id, mqlRecords.salesOwnerId))
    .leftJoin(qualifier, eq(qualifier.id, mqlRecords.qualifiedById))
    .leftJoin(sdr, eq(sdr.id, mqlRecords.assignedRepId));
}

/** SQLs handed over and not yet taken, longest waiting first. */
export async function listHandedOver(db: Database, { salesOwnerId, limit = PIPELINE_COLUMN_LIMIT }: Scope & { limit?: number }) {
  return selectLeads(db)
    .where(and(eq(mqlRecords.status, "sql"), isNull(mqlRecords.salesAcceptedAt), ownedBy({ salesOwnerId })))
    .orderBy(asc(mqlRecords.sqlAt), asc(mqlRecords.id))
    .limit(limit);
}

/** Taken SQLs (oldest SQL first) or opportunities (oldest opportunity first): what is waiting longest for the next step. */
export async function listPipelineStage(db: Database, { salesOwnerId, stage, limit = PIPELINE_COLUMN_LIMIT }: Scope & { stage: "sql" | "opportunity"; limit?: number }) {
  const where =
    stage === "sql"
      ? and(eq(mqlRecords.status, "sql"), isNotNull(mqlRecords.salesAcceptedAt), ownedBy({ salesOwnerId }))
      : and(eq(mqlRecords.status, "opportunity"), ownedBy({ salesOwnerId }));
  return selectLeads(db)
    .where(where)
    .orderBy(stage === "sql" ? asc(mqlRecords.sqlAt) : asc(mqlRecords.opportunityAt), asc(mqlRecords.id))
    .limit(limit);
}

/** Won and lost deals closed since `since`, latest first. */
export async function listRecentlyClosed(db: Database, { salesOwnerId, since, limit = 20 }: Scope & { since: Date; limit?: number }) {
  return db
    .select({
      id: mqlRecords.id,
      status: mqlRecords.status,
      closedAt: mqlRecords.closedAt,
      lostReason: mqlRecords.lostReason,
      salesOwnerName: salesOwner.name,
      contactId: contacts.id,
      email: contacts.email,
      firstName: contacts.firstName,
      lastName: contacts.lastName,
      accountName: accounts.name,
    })
    .from(mqlRecords)
    .innerJoin(contacts, eq(contacts.id, mqlRecords.contactId))
    .leftJoin(accounts, eq(accounts.id, mqlRecords.accountId))
    .leftJoin(salesOwner, eq(salesOwner.id, mqlRecords.salesOwnerId))
    .where(and(inArray(mqlRecords.status, ["customer", "lost"]), gte(mqlRecords.closedAt, since), ownedBy({ salesOwnerId })))
    .orderBy(desc(mqlRecords.closedAt), desc(mqlRecords.id))
    .limit(limit);
}

/** How many there are in each column, whatever the lists' limits. */
export async function pipelineCounts(db: Database, { salesOwnerId, since }: Scope & { since: Date }) {
  const [[open], [closed]] = await Promise.all([
    db
      .select({
        handed: sql<number>`(count(*) filter (where ${mqlRecords.status} = 'sql' and ${mqlRecords.salesAcceptedAt} is null))::int`,
        sqls: sql<number>`(count(*) filter (where ${mqlRecords.status} = 'sql' and ${mqlRecords.salesAcceptedAt} is not null))::int`,
        opportunities: sql<number>`(count(*) filter (where ${mqlRecords.status} = 'opportunity'))::int`,
      })
      .from(mqlRecords)
      .where(and(inArray(mqlRecords.status, ["sql", "opportunity"]), ownedBy({ salesOwnerId }))),
    db
      .select({
        won: sql<number>`(count(*) filter (where ${mqlRecords.status} = 'customer'))::int`,
        lost: sql<number>`(count(*) filter (where ${mqlRecords.status} = 'lost'))::int`,
      })
      .from(mqlRecords)
      .where(and(inArray(mqlRecords.status, ["customer", "lost"]), gte(mqlRecords.closedAt, since), ownedBy({ salesOwnerId }))),
  ]);
  return { handed: open?.handed ?? 0, sqls: open?.sqls ?? 0, opportunities: open?.opportunities ?? 0, won: closed?.won ?? 0, lost: closed?.lost ?? 0 };
}

/** Everything the pipeline page shows, in one call. */
export async function getPipeline(db: Database, { salesOwnerId, now = new Date() }: Scope & { now?: Date }) {
  const since = new Date(now.getTime() - CLOSED_WINDOW_DAYS * DAY_MS);
  const [handed, sqls, opportunities, closed, counts] = await Promise.all([
    listHandedOver(db, { salesOwnerId }),
    listPipelineStage(db, { salesOwnerId, stage: "sql" }),
    listPipelineStage(db, { salesOwnerId, stage: "opportunity" }),
    listRecentlyClosed(db, { salesOwnerId, since }),
    pipelineCounts(db, { salesOwnerId, since }),
  ]);
  return { handed, sqls, opportunities, closed, counts, closedSince: since };
}

export type Pipeline = Awaited<ReturnType<typeof getPipeline>>;
export type PipelineLead = Pipeline["sqls"][number];
export type HandedOverLead = Pipeline["handed"][number];
export type ClosedDeal = Pipeline["closed"][number];

/** The managed reasons a lead can be turned down with, in their order. */
export async function listRejectionReasons(db: Database) {
  return db
    .select({ code: rejectionReasons.code, label: rejectionReasons.label, requiresNote: rejectionReasons.requiresNote })
    .from(rejectionReasons)
    .where(isNull(rejectionReasons.archivedAt))
    .orderBy(asc(rejectionReasons.position), asc(rejectionReasons.code));
}

/** Active sales reps with the SQLs and opportunities they hold: whom an SQL can be handed to. */
export async function listSalesReps(db: Database) {
  return db
    .select({
      id: users.id,
      name: users.name,
      // Qualified by hand: with one table in the query, drizzle would print the outer id unqualified.
      openPipeline: sql<number>`(select count(*)::int from mql_records m where m.sales_owner_id = "users"."id" and m.status in ('sql', 'opportunity'))`,
    })
    .from(users)
    .where(and(eq(users.role, "sales"), isNull(users.deactivatedAt)))
    .orderBy(asc(users.name));
}

export type SalesRep = Awaited<ReturnType<typeof listSalesReps>>[number];

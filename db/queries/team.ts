import "server-only";
import { and, asc, eq, gte, inArray, isNotNull, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import { REASSIGN_MANY_LIMIT } from "@/lib/leads/lead-schemas";
import { rowsOf, type Database } from "../client";
import { accounts, contacts, mqlRecords, userAvailability, users } from "../schema";
import type { UserRole } from "../schema/enums";
import { timestamptz } from "../sql-helpers";

/**
 * The manager view (PRODUCT.md §6): every rep's open load, the SLA breaches now, speed-to-lead
 * and how many leads they took on or turned down in the last seven days, and the open leads of
 * one rep for a bulk reassignment.
 *
 * "Accepted" counts the leads a rep took on: MQLs of their queue accepted (or qualified straight
 * from MQL, which passes SAL), and SQLs handed to them that they took — not the ones they
 * qualified themselves. "Rejected" counts the leads they turned down: an SDR's rejection, and a
 * sales rep's refusal of a handover, whether sent back to the SDR or recycled.
 */

export const TEAM_WINDOW_DAYS = 7;
const DAY_MS = 86_400_000;

/** The key of the leads nobody holds, in the URL and in the rows. */
export const UNASSIGNED = "unassigned";

export type TeamRep = {
  /** A user id, or `UNASSIGNED` for the open leads nobody holds. */
  key: string;
  userId: string | null;
  name: string;
  role: UserRole | null;
  title: string | null;
  deactivated: boolean;
  outOfOffice: boolean;
  /** Open MQLs and SALs in their queue. */
  load: number;
  mqls: number;
  sals: number;
  /** MQLs not touched yet and past their first-touch due time. */
  breaches: number;
  /** MQLs of the window, and how many of them were touched. */
  newInWindow: number;
  touchedInWindow: number;
  /** Median MQL → first touch over the window's touched MQLs, in minutes; null when none. */
  medianSpeedToLeadMinutes: number | null;
  accepted: number;
  rejected: number;
  /** SQLs and opportunities they hold, and of those the handed-over SQLs waiting for them. */
  pipeline: number;
  awaitingAcceptance: number;
};

type Num = number | string | null;
const n = (v: Num) => (v === null ? 0 : Number(v));

/** Per-rep figures and the team's, for the manager view, sorted by open load (heaviest first). */
export async function getTeamOverview(db: Database, { now = new Date() }: { now?: Date } = {}) {
  const since = new Date(now.getTime() - TEAM_WINDOW_DAYS * DAY_MS);
  const nowSql = timestamptz(now);
  const sinceSql = timestamptz(since);
  const speedSeconds = sql`extract(epoch from (${mqlRecords.firstTouchAt} - ${mqlRecords.mqlAt}))::float8`;
  const touchedInWindow = sql`${mqlRecords.mqlAt} >= ${sinceSql} and ${mqlRecords.firstTouchAt} is not null`;

  const [people, queue, pipeline, rejections, team] = await Promise.all([
    db
      .select({
        id: users.id,
        name: users.name,
        role: users.role,
        title: users.title,
        deactivatedAt: users.deactivatedAt,
        isAvailable: userAvailability.isAvailable,
        unavailableUntil: userAvailability.unavailableUntil,
      })
      .from(users)
      .leftJoin(userAvailability, eq(userAvailability.userId, users.id)),
    db
      .select({
        repId: mqlRecords.assignedRepId,
        mqls: sql<Num>`count(*) filter (where ${mqlRecords.status} = 'mql')`,
        sals: sql<Num>`count(*) filter (where ${mqlRecords.status} = 'sal')`,
        breaches: sql<Num>`count(*) filter (where ${mqlRecords.status} = 'mql' and ${mqlRecords.firstTouchAt} is null and ${mqlRecords.slaDueAt} < ${nowSql})`,
        newInWindow: sql<Num>`count(*) filter (where ${mqlRecords.mqlAt} >= ${sinceSql})`,
        touchedInWindow: sql<Num>`count(*) filter (where ${touchedInWindow})`,
        medianSeconds: sql<Num>`percentile_cont(0.5) within group (order by ${speedSeconds}) filter (where ${touchedInWindow})`,
        accepted: sql<Num>`count(*) filter (where ${mqlRecords.acceptedAt} >= ${sinceSql})`,
      })
      .from(mqlRecords)
      .where(or(inArray(mqlRecords.status, ["mql", "sal"]), gte(mqlRecords.mqlAt, since), gte(mqlRecords.acceptedAt, since)))
      .groupBy(mqlRecords.assignedRepId),
    db
      .select({
        repId: mqlRecords.salesOwnerId,
        pipeline: sql<Num>`count(*) filter (where ${mqlRecords.status} in ('sql', 'opportunity'))`,
        awaiting: sql<Num>`count(*) filter (where ${mqlRecords.status} = 'sql' and ${mqlRecords.salesAcceptedAt} is null)`,
        taken: sql<Num>`count(*) filter (where ${mqlRecords.salesAcceptedAt} >= ${sinceSql} and ${mqlRecords.qualifiedById} is distinct from ${mqlRecords.salesOwnerId})`,
      })
      .from(mqlRecords)
      .where(or(inArray(mqlRecords.status, ["sql", "opportunity"]), gte(mqlRecords.salesAcceptedAt, since)))
      .groupBy(mqlRecords.salesOwnerId),
    // One lead a rep rejected and, as sales, also refused counts once (a recycled handover stamps both).
    db.execute(sql`
      select rep_id, count(*) as rejected from (
        select id, rejected_by_id as rep_id from mql_records where rejected_at >= ${sinceSql} and rejected_by_id is not null
        union
        select id, sales_rejected_by_id from mql_records where sales_rejected_at >= ${sinceSql} and sales_rejected_by_id is not null
      ) refusals
      group by rep_id`),
    db
      .select({
        medianSeconds: sql<Num>`percentile_cont(0.5) within group (order by ${speedSeconds})`,
        touched: sql<Num>`count(*)`,
      })
      .from(mqlRecords)
      .where(and(gte(mqlRecords.mqlAt, since), isNotNull(mqlRecords.firstTouchAt))),
  ]);

  const rejectedBy = new Map(rowsOf<{ rep_id: string; rejected: Num }>(rejections).map((r) => [r.rep_id, n(r.rejected)]));
  const queueBy = new Map(queue.map((q) => [q.repId ?? UNASSIGNED, q]));
  const pipelineBy = new Map(pipeline.map((p) => [p.repId ?? UNASSIGNED, p]));
  const minutes = (seconds: Num) => (seconds === null ? null : Number(seconds) / 60);

  const row = (key: string, person: (typeof people)[number] | null): TeamRep => {
    const q = queueBy.get(key);
    const p = pipelineBy.get(key);
    const mqls = n(q?.mqls ?? null);
    const sals = n(q?.sals ?? null);
    return {
      key,
      userId: person?.id ?? null,
      name: person?.name ?? "Unassigned",
      role: person?.role ?? null,
      title: person?.title ?? null,
      deactivated: Boolean(person?.deactivatedAt),
      outOfOffice: person ? person.isAvailable === false || (person.unavailableUntil !== null && person.unavailableUntil > now) : false,
      load: mqls + sals,
      mqls,
      sals,
      breaches: n(q?.breaches ?? null),
      newInWindow: n(q?.newInWindow ?? null),
      touchedInWindow: n(q?.touchedInWindow ?? null),
      medianSpeedToLeadMinutes: minutes(q?.medianSeconds ?? null),
      accepted: n(q?.accepted ?? null) + n(p?.taken ?? null),
      rejected: person ? (rejectedBy.get(person.id) ?? 0) : 0,
      pipeline: n(p?.pipeline ?? null),
      awaitingAcceptance: n(p?.awaiting ?? null),
    };
  };

  const reps: TeamRep[] = [];
  for (const person of people) {
    const r = row(person.id, person);
    const isRep = person.role === "sdr" || person.role === "sales";
    // Anyone still holding open leads is listed, whatever their role or status now: those leads need a home.
    if ((isRep && !r.deactivated) || r.load > 0 || r.pipeline > 0) reps.push(r);
  }
  const unassigned = row(UNASSIGNED, null);
  if (unassigned.load > 0 || unassigned.pipeline > 0) reps.push(unassigned);
  reps.sort((a, b) => b.load - a.load || b.breaches - a.breaches || b.pipeline - a.pipeline || a.name.localeCompare(b.name));

  const sum = (f: (r: TeamRep) => number) => reps.reduce((s, r) => s + f(r), 0);
  const [t] = team;
  return {
    reps,
    totals: {
      load: sum((r) => r.load),
      breaches: sum((r) => r.breaches),
      pipeline: sum((r) => r.pipeline),
      accepted: sum((r) => r.accepted),
      rejected: sum((r) => r.rejected),
      touchedInWindow: n(t?.touched ?? null),
      medianSpeedToLeadMinutes: minutes(t?.medianSeconds ?? null),
    },
    since,
  };
}

export type TeamOverview = Awaited<ReturnType<typeof getTeamOverview>>;

/**
 * The open leads one rep holds (or nobody, with `UNASSIGNED`), for the bulk reassignment: their
 * MQLs and SALs, then the SQLs and opportunities handed to them. Overdue first, then hottest.
 * At most as many as one reassignment takes; `total` says how many there are.
 */
export async function listRepOpenLeads(db: Database, { repKey, now = new Date(), limit = REASSIGN_MANY_LIMIT }: { repKey: string; now?: Date; limit?: number }) {
  const holds = (column: typeof mqlRecords.assignedRepId | typeof mqlRecords.salesOwnerId): SQL => (repKey === UNASSIGNED ? isNull(column) : eq(column, repKey));
  const where = or(
    and(inArray(mqlRecords.status, ["mql", "sal"]), holds(mqlRecords.assignedRepId)),
    and(inArray(mqlRecords.status, ["sql", "opportunity"]), holds(mqlRecords.salesOwnerId)),
  );
  const overdue = and(eq(mqlRecords.status, "mql"), isNull(mqlRecords.firstTouchAt), lt(mqlRecords.slaDueAt, now));
  const [rows, [count]] = await Promise.all([
    db
      .select({
        id: mqlRecords.id,
        version: mqlRecords.version,
        status: mqlRecords.status,
        mqlAt: mqlRecords.mqlAt,
        slaDueAt: mqlRecords.slaDueAt,
        firstTouchAt: mqlRecords.firstTouchAt,
        priorityScore: mqlRecords.priorityScore,
        overdue: sql<boolean>`coalesce(${overdue}, false)`,
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
      .where(where)
      .orderBy(
        sql`case when ${overdue} then 0 else 1 end`,
        sql`case when ${mqlRecords.status} in ('mql', 'sal') then 0 else 1 end`,
        sql`${mqlRecords.priorityScore} desc`,
        asc(mqlRecords.id),
      )
      .limit(limit),
    db.select({ total: sql<number>`count(*)::int` }).from(mqlRecords).where(where),
  ]);
  return { rows, total: count?.total ?? 0 };
}

export type RepOpenLead = Awaited<ReturnType<typeof listRepOpenLeads>>["rows"][number];

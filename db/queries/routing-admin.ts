import "server-only";
import { and, asc, count, desc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import { QUEUE_STATUSES } from "@/lib/routing/routing-state";
import { getDb } from "../client";
import { accounts, contacts, mqlRecords, routingRules, slaPolicies, territories, territoryMembers, userAvailability, users } from "../schema";
import type { RoutingConditions } from "../schema/routing";
import type { UserRole } from "../schema/enums";

/**
 * Reads for the routing settings (admins only: every page and action that calls these checks
 * `settings:manage` first). Orders match what routing does with the rows, so the screen shows
 * the order in which rules are tried and the policy that applies by default.
 */

/** Roles a lead can be routed to, as lib/routing/routing-state.ts loads them. */
export const ROUTABLE_ROLES = ["sdr", "sales", "admin"] as const satisfies readonly UserRole[];

export function isRoutableRole(role: UserRole): boolean {
  return (ROUTABLE_ROLES as readonly UserRole[]).includes(role);
}

export type RoutingRuleRow = {
  id: string;
  name: string;
  priority: number;
  conditions: RoutingConditions;
  isActive: boolean;
  territoryId: string | null;
  territoryName: string | null;
  userId: string | null;
  userName: string | null;
  userDeactivated: boolean;
};

/** Every rule, active or not, in the order routing tries them: priority, then id. */
export async function listRoutingRules(): Promise<RoutingRuleRow[]> {
  const db = await getDb();
  const rows = await db
    .select({
      id: routingRules.id,
      name: routingRules.name,
      priority: routingRules.priority,
      conditions: routingRules.conditions,
      isActive: routingRules.isActive,
      territoryId: routingRules.territoryId,
      territoryName: territories.name,
      userId: routingRules.userId,
      userName: users.name,
      userDeactivatedAt: users.deactivatedAt,
    })
    .from(routingRules)
    .leftJoin(territories, eq(territories.id, routingRules.territoryId))
    .leftJoin(users, eq(users.id, routingRules.userId))
    .orderBy(asc(routingRules.priority), asc(routingRules.id));
  return rows.map(({ userDeactivatedAt, ...r }) => ({ ...r, conditions: r.conditions ?? {}, userDeactivated: userDeactivatedAt !== null }));
}

export type SlaPolicyRow = {
  id: string;
  name: string;
  firstTouchHours: number;
  workdayStartHour: number;
  workdayEndHour: number;
  workingDays: number[];
  territoryCount: number;
  /** The oldest policy: routing falls back to it for reps outside any territory. */
  isDefault: boolean;
};

/** Oldest first, as routing orders them when it picks the workspace's default policy. */
export async function listSlaPolicies(): Promise<SlaPolicyRow[]> {
  const db = await getDb();
  const rows = await db
    .select({
      id: slaPolicies.id,
      name: slaPolicies.name,
      firstTouchHours: slaPolicies.firstTouchHours,
      workdayStartHour: slaPolicies.workdayStartHour,
      workdayEndHour: slaPolicies.workdayEndHour,
      workingDays: slaPolicies.workingDays,
      // Aliased by hand: drizzle leaves columns unqualified in a select list, where "id" would be the territory's.
      territoryCount: sql<number>`(select count(*)::int from ${territories} t where t.sla_policy_id = ${slaPolicies}.id)`,
    })
    .from(slaPolicies)
    .orderBy(asc(slaPolicies.createdAt), asc(slaPolicies.id));
  return rows.map((r, i) => ({ ...r, territoryCount: Number(r.territoryCount), isDefault: i === 0 }));
}

/** A rep's availability as routing sees it (no `user_availability` row: available, no cap). */
export type RepStatus = {
  isAvailable: boolean;
  unavailableUntil: Date | null;
  maxOpenMqls: number | null;
  openMqls: number;
};

export type RoutingUserRow = RepStatus & {
  id: string;
  name: string;
  email: string;
  role: UserRole;
  title: string | null;
  timezone: string;
  deactivated: boolean;
  territoryNames: string[];
};

/** Open MQLs (the queue statuses that count against a cap) per rep, from the partial queue index. */
async function openMqlCounts(): Promise<Map<string, number>> {
  const db = await getDb();
  const rows = await db
    .select({ repId: mqlRecords.assignedRepId, n: count() })
    .from(mqlRecords)
    .where(and(inArray(mqlRecords.status, [...QUEUE_STATUSES]), isNotNull(mqlRecords.assignedRepId)))
    .groupBy(mqlRecords.assignedRepId);
  return new Map(rows.map((r) => [r.repId!, Number(r.n)]));
}

/** Everyone, reps first (by role, then name), with what routing needs to know about them. */
export async function listRoutingUsers(): Promise<RoutingUserRow[]> {
  const db = await getDb();
  const [rows, open, seats] = await Promise.all([
    db
      .select({
        id: users.id,
        name: users.name,
        email: users.email,
        role: users.role,
        title: users.title,
        timezone: users.timezone,
        deactivatedAt: users.deactivatedAt,
        isAvailable: userAvailability.isAvailable,
        unavailableUntil: userAvailability.unavailableUntil,
        maxOpenMqls: userAvailability.maxOpenMqls,
      })
      .from(users)
      .leftJoin(userAvailability, eq(userAvailability.userId, users.id))
      .orderBy(asc(users.role), asc(users.name), asc(users.id)),
    openMqlCounts(),
    db
      .select({ userId: territoryMembers.userId, name: territories.name })
      .from(territoryMembers)
      .innerJoin(territories, eq(territories.id, territoryMembers.territoryId))
      .orderBy(asc(territories.name)),
  ]);
  const territoryNames = new Map<string, string[]>();
  for (const s of seats) territoryNames.set(s.userId, [...(territoryNames.get(s.userId) ?? []), s.name]);
  return rows.map(({ deactivatedAt, ...u }) => ({
    ...u,
    deactivated: deactivatedAt !== null,
    isAvailable: u.isAvailable ?? true,
    unavailableUntil: u.unavailableUntil,
    maxOpenMqls: u.maxOpenMqls,
    openMqls: open.get(u.id) ?? 0,
    territoryNames: territoryNames.get(u.id) ?? [],
  }));
}

export type TerritoryMemberRow = RepStatus & { userId: string; name: string; role: UserRole; deactivated: boolean; assignedCount: number; lastAssignedAt: Date | null };

export type TerritoryRow = {
  id: string;
  name: string;
  description: string | null;
  slaPolicyId: string | null;
  members: TerritoryMemberRow[];
};

/** Territories A–Z, each with its members in round-robin order of name. */
export async function listTerritoriesWithMembers(): Promise<TerritoryRow[]> {
  const db = await getDb();
  const [rows, seats, open] = await Promise.all([
    db
      .select({ id: territories.id, name: territories.name, description: territories.description, slaPolicyId: territories.slaPolicyId })
      .from(territories)
      .orderBy(asc(territories.name), asc(territories.id)),
    db
      .select({
        territoryId: territoryMembers.territoryId,
        userId: territoryMembers.userId,
        assignedCount: territoryMembers.assignedCount,
        lastAssignedAt: territoryMembers.lastAssignedAt,
        name: users.name,
        role: users.role,
        deactivatedAt: users.deactivatedAt,
        isAvailable: userAvailability.isAvailable,
        unavailableUntil: userAvailability.unavailableUntil,
        maxOpenMqls: userAvailability.maxOpenMqls,
      })
      .from(territoryMembers)
      .innerJoin(users, eq(users.id, territoryMembers.userId))
      .leftJoin(userAvailability, eq(userAvailability.userId, users.id))
      .orderBy(asc(users.name), asc(users.id)),
    openMqlCounts(),
  ]);
  const byTerritory = new Map<string, TerritoryMemberRow[]>();
  for (const { territoryId, deactivatedAt, ...m } of seats) {
    const member: TerritoryMemberRow = { ...m, deactivated: deactivatedAt !== null, isAvailable: m.isAvailable ?? true, openMqls: open.get(m.userId) ?? 0 };
    byTerritory.set(territoryId, [...(byTerritory.get(territoryId) ?? []), member]);
  }
  return rows.map((t) => ({ ...t, members: byTerritory.get(t.id) ?? [] }));
}

export type ConditionSuggestions = { regions: string[]; countries: string[]; industries: string[] };

const SUGGESTIONS_PER_FIELD = 200;

/**
 * Values for the region, country and industry pickers: the most common ones in the data that
 * routing matches on — region and country of the contact, industry of its account (see
 * `RoutingSubject`). Most frequent first; free text stays allowed for values not seen yet.
 */
export async function listConditionSuggestions(): Promise<ConditionSuggestions> {
  const db = await getDb();
  const frequent = async (table: PgTable, column: AnyPgColumn) => {
    const value = sql<string>`btrim(${column})`;
    const rows = await db
      .select({ value })
      .from(table)
      .where(sql`nullif(btrim(${column}), '') is not null`)
      .groupBy(value)
      .orderBy(desc(count()), asc(value))
      .limit(SUGGESTIONS_PER_FIELD);
    return rows.map((r) => r.value);
  };
  const [regions, countries, industries] = await Promise.all([
    frequent(contacts, contacts.region),
    frequent(contacts, contacts.country),
    frequent(accounts, accounts.industry),
  ]);
  return { regions, countries, industries };
}

"use server";
import { and, asc, count, eq, ne, sql } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb, type Database } from "@/db/client";
import { isRoutableRole } from "@/db/queries/routing-admin";
import { routingRules, slaPolicies, territories, territoryMembers, userAvailability, users } from "@/db/schema";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import {
  fieldErrorsOf,
  idSchema,
  repAvailabilityInputSchema,
  routingRuleInputSchema,
  slaPolicyInputSchema,
  territoryInputSchema,
  toRoutingConditions,
  type FieldErrors,
  type RepAvailabilityField,
  type RepAvailabilityInput,
  type RoutingRuleField,
  type RoutingRuleInput,
  type SlaPolicyField,
  type SlaPolicyInput,
  type TerritoryField,
  type TerritoryInput,
} from "./admin-schemas";

/**
 * The routing settings' writes (admins only): SLA policies, territories and their members,
 * routing rules and their order, and each rep's availability, cap and time zone. Thin, like
 * every action here: check the role, validate, write, revalidate. Bad input changes nothing and
 * comes back as a message per field; nothing is thrown at the page except the 403 of a
 * non-admin.
 */

export type RoutingActionResult<F extends string = string> = { ok: true; id?: string } | { ok: false; error: string; fieldErrors?: FieldErrors<F> };

const ROUTING_PAGE = "/settings/routing";
/** The users card (availability, cap, time zone) lives on the settings landing page. */
const USERS_PAGE = "/settings";

const CHECK_FIELDS = "Check the highlighted fields.";

function revalidate() {
  revalidatePath(ROUTING_PAGE);
  revalidatePath(USERS_PAGE);
}

function invalid<F extends string>(fieldErrors: FieldErrors<F>): RoutingActionResult<F> {
  return { ok: false, error: CHECK_FIELDS, fieldErrors };
}

function refused(error: string): RoutingActionResult<never> {
  return { ok: false, error };
}

/** Names are compared as people read them: "EMEA SDRs" and "emea sdrs " are the same team. */
async function nameTaken(db: Database, table: typeof slaPolicies | typeof territories | typeof routingRules, name: string, exceptId?: string): Promise<boolean> {
  const [row] = await db
    .select({ n: count() })
    .from(table)
    .where(and(sql`lower(btrim(${table.name})) = ${name.toLowerCase()}`, exceptId ? ne(table.id, exceptId) : undefined));
  return Number(row?.n ?? 0) > 0;
}

// ── SLA policies ────────────────────────────────────────────────────────────────────────────

export async function createSlaPolicyAction(input: SlaPolicyInput): Promise<RoutingActionResult<SlaPolicyField>> {
  await requirePermission("settings:manage");
  const parsed = slaPolicyInputSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const db = await getDb();
  if (await nameTaken(db, slaPolicies, parsed.data.name)) return invalid({ name: `A policy named “${parsed.data.name}” already exists.` });
  const [row] = await db.insert(slaPolicies).values(parsed.data).returning({ id: slaPolicies.id });
  revalidate();
  return { ok: true, id: row!.id };
}

export async function updateSlaPolicyAction(id: string, input: SlaPolicyInput): Promise<RoutingActionResult<SlaPolicyField>> {
  await requirePermission("settings:manage");
  const policyId = idSchema("policy").safeParse(id);
  if (!policyId.success) return refused(policyId.error.issues[0]!.message);
  const parsed = slaPolicyInputSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const db = await getDb();
  if (await nameTaken(db, slaPolicies, parsed.data.name, policyId.data)) return invalid({ name: `A policy named “${parsed.data.name}” already exists.` });
  const updated = await db.update(slaPolicies).set(parsed.data).where(eq(slaPolicies.id, policyId.data)).returning({ id: slaPolicies.id });
  if (updated.length === 0) return refused("That SLA policy no longer exists.");
  revalidate();
  return { ok: true, id: policyId.data };
}

/**
 * The last policy stays: routing falls back to the oldest one for reps outside any territory,
 * and without any, new MQLs would get no due time at all. Territories that used the deleted
 * policy fall back to that default too (the foreign key sets theirs to null).
 */
export async function deleteSlaPolicyAction(id: string): Promise<RoutingActionResult> {
  await requirePermission("settings:manage");
  const policyId = idSchema("policy").safeParse(id);
  if (!policyId.success) return refused(policyId.error.issues[0]!.message);
  const db = await getDb();
  const result = await db.transaction(async (tx): Promise<RoutingActionResult> => {
    // Locked, so two admins deleting the last two policies at once cannot both succeed.
    const policies = await tx.select({ id: slaPolicies.id }).from(slaPolicies).for("update");
    if (!policies.some((p) => p.id === policyId.data)) return refused("That SLA policy was already deleted.");
    if (policies.length === 1) return refused("Keep at least one SLA policy: it sets the first-touch due time of every new MQL.");
    await tx.delete(slaPolicies).where(eq(slaPolicies.id, policyId.data));
    return { ok: true };
  });
  if (result.ok) revalidate();
  return result;
}

// ── Territories ─────────────────────────────────────────────────────────────────────────────

export async function createTerritoryAction(input: TerritoryInput & { slaPolicyId?: string | null }): Promise<RoutingActionResult<TerritoryField | "slaPolicyId">> {
  await requirePermission("settings:manage");
  const parsed = territoryInputSchema.safeParse(input);
  const policy = z.preprocess((v) => (v === "" || v === undefined ? null : v), idSchema("policy").nullable()).safeParse(input.slaPolicyId);
  if (!parsed.success || !policy.success) {
    return invalid({ ...(parsed.success ? {} : fieldErrorsOf<TerritoryField>(parsed.error)), ...(policy.success ? {} : { slaPolicyId: policy.error.issues[0]!.message }) });
  }
  const db = await getDb();
  if (await nameTaken(db, territories, parsed.data.name)) return invalid({ name: `A territory named “${parsed.data.name}” already exists.` });
  if (policy.data && !(await exists(db, slaPolicies, policy.data))) return invalid({ slaPolicyId: "That SLA policy no longer exists." });
  const [row] = await db.insert(territories).values({ ...parsed.data, slaPolicyId: policy.data }).returning({ id: territories.id });
  revalidate();
  return { ok: true, id: row!.id };
}

/** Renames the territory and edits its description. */
export async function updateTerritoryAction(id: string, input: TerritoryInput): Promise<RoutingActionResult<TerritoryField>> {
  await requirePermission("settings:manage");
  const territoryId = idSchema("territory").safeParse(id);
  if (!territoryId.success) return refused(territoryId.error.issues[0]!.message);
  const parsed = territoryInputSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const db = await getDb();
  if (await nameTaken(db, territories, parsed.data.name, territoryId.data)) return invalid({ name: `A territory named “${parsed.data.name}” already exists.` });
  const updated = await db.update(territories).set(parsed.data).where(eq(territories.id, territoryId.data)).returning({ id: territories.id });
  if (updated.length === 0) return refused("That territory no longer exists.");
  revalidate();
  return { ok: true, id: territoryId.data };
}

/** `null` clears it: the territory then follows the workspace's default policy. */
export async function setTerritorySlaPolicyAction(id: string, slaPolicyId: string | null): Promise<RoutingActionResult<"slaPolicyId">> {
  await requirePermission("settings:manage");
  const territoryId = idSchema("territory").safeParse(id);
  if (!territoryId.success) return refused(territoryId.error.issues[0]!.message);
  const policy = idSchema("policy").nullable().safeParse(slaPolicyId === "" ? null : slaPolicyId);
  if (!policy.success) return invalid({ slaPolicyId: policy.error.issues[0]!.message });
  const db = await getDb();
  if (policy.data && !(await exists(db, slaPolicies, policy.data))) return invalid({ slaPolicyId: "That SLA policy no longer exists." });
  const updated = await db.update(territories).set({ slaPolicyId: policy.data }).where(eq(territories.id, territoryId.data)).returning({ id: territories.id });
  if (updated.length === 0) return refused("That territory no longer exists.");
  revalidate();
  return { ok: true, id: territoryId.data };
}

/**
 * Refused while rules route to the territory: the foreign key would delete those rules with it,
 * and leads they placed would silently fall through to whatever rule comes next.
 */
export async function deleteTerritoryAction(id: string): Promise<RoutingActionResult> {
  await requirePermission("settings:manage");
  const territoryId = idSchema("territory").safeParse(id);
  if (!territoryId.success) return refused(territoryId.error.issues[0]!.message);
  const db = await getDb();
  const rules = await db.select({ name: routingRules.name }).from(routingRules).where(eq(routingRules.territoryId, territoryId.data)).orderBy(asc(routingRules.priority));
  if (rules.length > 0) {
    const names = rules.map((r) => `“${r.name}”`).join(", ");
    return refused(`${rules.length === 1 ? "Rule" : "Rules"} ${names} ${rules.length === 1 ? "routes" : "route"} leads to this territory: point ${rules.length === 1 ? "it" : "them"} elsewhere or delete ${rules.length === 1 ? "it" : "them"} first.`);
  }
  const deleted = await db.delete(territories).where(eq(territories.id, territoryId.data)).returning({ id: territories.id });
  if (deleted.length === 0) return refused("That territory was already deleted.");
  revalidate();
  return { ok: true };
}

/** Why `userId` cannot take leads, or null: only active SDRs, AEs and admins are routed to. */
async function whyNotARep(db: Database, userId: string): Promise<string | null> {
  const [user] = await db.select({ name: users.name, role: users.role, deactivatedAt: users.deactivatedAt }).from(users).where(eq(users.id, userId));
  if (!user) return "That user no longer exists.";
  if (user.deactivatedAt) return `${user.name} is deactivated.`;
  if (!isRoutableRole(user.role)) return `${user.name} is a ${ROLE_LABELS[user.role].toLowerCase()}: only SDRs, sales reps and admins take leads.`;
  return null;
}

export async function addTerritoryMemberAction(territoryId: string, userId: string): Promise<RoutingActionResult<"userId">> {
  await requirePermission("settings:manage");
  const ids = z.object({ territoryId: idSchema("territory"), userId: idSchema("user") }).safeParse({ territoryId, userId });
  if (!ids.success) return invalid(fieldErrorsOf(ids.error));
  const db = await getDb();
  if (!(await exists(db, territories, ids.data.territoryId))) return refused("That territory no longer exists.");
  const why = await whyNotARep(db, ids.data.userId);
  if (why) return invalid({ userId: why });
  const added = await db.insert(territoryMembers).values(ids.data).onConflictDoNothing().returning({ userId: territoryMembers.userId });
  if (added.length === 0) return invalid({ userId: "Already a member of this territory." });
  revalidate();
  return { ok: true };
}

/** The round-robin's memory of the seat goes with it; a rep added back rejoins as new. */
export async function removeTerritoryMemberAction(territoryId: string, userId: string): Promise<RoutingActionResult> {
  await requirePermission("settings:manage");
  const ids = z.object({ territoryId: idSchema("territory"), userId: idSchema("user") }).safeParse({ territoryId, userId });
  if (!ids.success) return refused(ids.error.issues[0]!.message);
  const db = await getDb();
  const removed = await db
    .delete(territoryMembers)
    .where(and(eq(territoryMembers.territoryId, ids.data.territoryId), eq(territoryMembers.userId, ids.data.userId)))
    .returning({ userId: territoryMembers.userId });
  if (removed.length === 0) return refused("That rep was already removed from the territory.");
  revalidate();
  return { ok: true };
}

// ── Routing rules ───────────────────────────────────────────────────────────────────────────

const PRIORITY_STEP = 10;

/** Parses a rule and checks its target exists and can take leads. */
async function parseRule(db: Database, input: RoutingRuleInput, exceptId?: string) {
  const parsed = routingRuleInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false as const, fieldErrors: fieldErrorsOf<RoutingRuleField>(parsed.error) };
  const rule = parsed.data;
  if (await nameTaken(db, routingRules, rule.name, exceptId)) return { ok: false as const, fieldErrors: { name: `A rule named “${rule.name}” already exists.` } };
  if (rule.territoryId && !(await exists(db, territories, rule.territoryId))) return { ok: false as const, fieldErrors: { target: "That territory no longer exists." } };
  if (rule.userId) {
    const why = await whyNotARep(db, rule.userId);
    if (why) return { ok: false as const, fieldErrors: { target: why } };
  }
  return {
    ok: true as const,
    values: { name: rule.name, conditions: toRoutingConditions(rule), territoryId: rule.territoryId, userId: rule.userId, isActive: rule.isActive },
  };
}

/** A new rule goes last: it cannot take leads from the rules already in force until moved up. */
export async function createRoutingRuleAction(input: RoutingRuleInput): Promise<RoutingActionResult<RoutingRuleField>> {
  await requirePermission("settings:manage");
  const db = await getDb();
  const rule = await parseRule(db, input);
  if (!rule.ok) return invalid(rule.fieldErrors);
  const id = await db.transaction(async (tx) => {
    await lockRules(tx);
    const [last] = await tx.select({ max: sql<number | null>`max(${routingRules.priority})` }).from(routingRules);
    const priority = (last?.max == null ? 0 : Number(last.max)) + PRIORITY_STEP;
    const [row] = await tx.insert(routingRules).values({ ...rule.values, priority }).returning({ id: routingRules.id });
    return row!.id;
  });
  revalidate();
  return { ok: true, id };
}

export async function updateRoutingRuleAction(id: string, input: RoutingRuleInput): Promise<RoutingActionResult<RoutingRuleField>> {
  await requirePermission("settings:manage");
  const ruleId = idSchema("rule").safeParse(id);
  if (!ruleId.success) return refused(ruleId.error.issues[0]!.message);
  const db = await getDb();
  const rule = await parseRule(db, input, ruleId.data);
  if (!rule.ok) return invalid(rule.fieldErrors);
  const updated = await db.update(routingRules).set(rule.values).where(eq(routingRules.id, ruleId.data)).returning({ id: routingRules.id });
  if (updated.length === 0) return refused("That rule no longer exists.");
  revalidate();
  return { ok: true, id: ruleId.data };
}

export async function deleteRoutingRuleAction(id: string): Promise<RoutingActionResult> {
  await requirePermission("settings:manage");
  const ruleId = idSchema("rule").safeParse(id);
  if (!ruleId.success) return refused(ruleId.error.issues[0]!.message);
  const db = await getDb();
  const deleted = await db.delete(routingRules).where(eq(routingRules.id, ruleId.data)).returning({ id: routingRules.id });
  if (deleted.length === 0) return refused("That rule was already deleted.");
  revalidate();
  return { ok: true };
}

/** An inactive rule keeps its place in the order and is skipped by routing. */
export async function setRoutingRuleActiveAction(id: string, isActive: boolean): Promise<RoutingActionResult> {
  await requirePermission("settings:manage");
  const parsed = z.object({ id: idSchema("rule"), isActive: z.boolean("Say whether the rule is active.") }).safeParse({ id, isActive });
  if (!parsed.success) return refused(parsed.error.issues[0]!.message);
  const db = await getDb();
  const updated = await db.update(routingRules).set({ isActive: parsed.data.isActive }).where(eq(routingRules.id, parsed.data.id)).returning({ id: routingRules.id });
  if (updated.length === 0) return refused("That rule no longer exists.");
  revalidate();
  return { ok: true, id: parsed.data.id };
}

/**
 * Swaps the rule with its neighbour in the order routing uses (priority, then id), and
 * renumbers every rule 10, 20, 30… so that equal priorities — which routing breaks by id, not
 * by anything an admin can see — cannot make a move look like it did nothing.
 */
export async function moveRoutingRuleAction(id: string, direction: "up" | "down"): Promise<RoutingActionResult> {
  await requirePermission("settings:manage");
  const parsed = z.object({ id: idSchema("rule"), direction: z.enum(["up", "down"], "Move a rule up or down.") }).safeParse({ id, direction });
  if (!parsed.success) return refused(parsed.error.issues[0]!.message);
  const db = await getDb();
  const result = await db.transaction(async (tx): Promise<RoutingActionResult> => {
    const rules = await lockRules(tx);
    const from = rules.findIndex((r) => r.id === parsed.data.id);
    if (from === -1) return refused("That rule no longer exists.");
    const to = parsed.data.direction === "up" ? from - 1 : from + 1;
    if (to < 0) return refused("That rule is already first.");
    if (to >= rules.length) return refused("That rule is already last.");
    const order = [...rules];
    [order[from], order[to]] = [order[to]!, order[from]!];
    for (const [i, rule] of order.entries()) {
      const priority = (i + 1) * PRIORITY_STEP;
      if (rule.priority !== priority) await tx.update(routingRules).set({ priority }).where(eq(routingRules.id, rule.id));
    }
    return { ok: true, id: parsed.data.id };
  });
  if (result.ok) revalidate();
  return result;
}

/** Every rule in routing order, locked: two reorders at once would otherwise interleave. */
async function lockRules(tx: Database) {
  return tx
    .select({ id: routingRules.id, priority: routingRules.priority })
    .from(routingRules)
    .orderBy(asc(routingRules.priority), asc(routingRules.id))
    .for("update");
}

// ── A rep's availability, cap and time zone ─────────────────────────────────────────────────

/**
 * Saves a user's time zone and, for someone leads are routed to, whether they take new leads,
 * until when they are out of office, and their cap of open MQLs. Routing reads these on the
 * next MQL; leads already assigned stay where they are.
 */
export async function updateRepAvailabilityAction(input: RepAvailabilityInput): Promise<RoutingActionResult<RepAvailabilityField>> {
  await requirePermission("settings:manage");
  const now = new Date();
  const parsed = repAvailabilityInputSchema(now).safeParse(input);
  if (!parsed.success) {
    const { userId, ...fields } = fieldErrorsOf<RepAvailabilityField | "userId">(parsed.error);
    if (userId) return refused(userId);
    return invalid(fields);
  }
  const { userId, timezone, isAvailable, unavailableUntil, maxOpenMqls } = parsed.data;
  const db = await getDb();
  const [user] = await db.select({ name: users.name, role: users.role }).from(users).where(eq(users.id, userId));
  if (!user) return refused("That user no longer exists.");
  const routable = isRoutableRole(user.role);
  if (!routable && (!isAvailable || unavailableUntil !== null || maxOpenMqls !== null)) {
    return invalid({ isAvailable: `${user.name} is a ${ROLE_LABELS[user.role].toLowerCase()} and is not routed leads: only the time zone applies.` });
  }
  await db.transaction(async (tx) => {
    await tx.update(users).set({ timezone }).where(eq(users.id, userId));
    if (!routable) return;
    const availability = { isAvailable, unavailableUntil, maxOpenMqls, updatedAt: now };
    await tx
      .insert(userAvailability)
      .values({ userId, ...availability })
      .onConflictDoUpdate({ target: userAvailability.userId, set: availability });
  });
  revalidate();
  return { ok: true, id: userId };
}

async function exists(db: Database, table: typeof slaPolicies | typeof territories, id: string): Promise<boolean> {
  const [row] = await db.select({ id: table.id }).from(table).where(eq(table.id, id));
  return row !== undefined;
}

import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { setDatabaseHandle, type Database, type DatabaseHandle } from "@/db/client";
import { mqlRecords, routingRules, slaPolicies, territories, territoryMembers, userAvailability, users } from "@/db/schema";
import { createTestDatabase } from "@/db/test-database";
import { insertContact, insertUser } from "@/db/test-fixtures";
import { RoutingState } from "./routing-state";

// The session is the one thing faked: the actions, the role checks and the database are real.
const session = vi.hoisted(() => ({ current: null as null | { user: { id: string; role: string } } }));
vi.mock("@/lib/auth", () => ({ auth: async () => session.current }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
// As next.config.ts's `authInterrupts` does in the app: forbidden() throws its 403 marker.
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";

const actions = await import("./admin-actions");
const {
  addTerritoryMemberAction,
  createRoutingRuleAction,
  createSlaPolicyAction,
  createTerritoryAction,
  deleteRoutingRuleAction,
  deleteSlaPolicyAction,
  deleteTerritoryAction,
  moveRoutingRuleAction,
  removeTerritoryMemberAction,
  setRoutingRuleActiveAction,
  setTerritorySlaPolicyAction,
  updateRepAvailabilityAction,
  updateRoutingRuleAction,
  updateSlaPolicyAction,
  updateTerritoryAction,
} = actions;

const FORBIDDEN = "NEXT_HTTP_ERROR_FALLBACK;403";
const HOUR = 3_600_000;

let handle: DatabaseHandle;
let db: Database;
const ids: Record<string, string> = {};

beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabaseHandle(handle);
  db = handle.db;
  for (const role of ["admin", "marketer", "sdr", "sales"] as const) ids[role] = (await insertUser(db, { role, name: `The ${role}` })).id;
  ids.ana = (await insertUser(db, { role: "sdr", name: "Ana Lima", timezone: "Europe/Lisbon" })).id;
  ids.ben = (await insertUser(db, { role: "sdr", name: "Ben Ode", timezone: "Europe/Berlin" })).id;
  ids.gone = (await insertUser(db, { role: "sdr", name: "Gone Rep" })).id;
  await db.update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, ids.gone));
});

afterAll(async () => {
  setDatabaseHandle(undefined);
  await handle.close();
});

beforeEach(async () => {
  session.current = null;
  await db.delete(mqlRecords);
  await db.delete(routingRules);
  await db.delete(territories);
  await db.delete(slaPolicies);
  await db.delete(userAvailability);
});

const as = (role: string) => (session.current = { user: { id: ids[role]!, role } });

const policyInput = (overrides: Record<string, unknown> = {}) => ({ name: "Standard", firstTouchHours: 4, workdayStartHour: 9, workdayEndHour: 17, workingDays: [1, 2, 3, 4, 5], ...overrides });
const ruleInput = (overrides: Record<string, unknown> = {}) => ({ name: "EMEA leads", regions: ["EMEA"], countries: [], industries: [], minEmployees: null, maxEmployees: null, territoryId: null, userId: null, ...overrides });

async function newTerritory(name = "EMEA SDRs", memberIds: string[] = []) {
  const [t] = await db.insert(territories).values({ name }).returning();
  if (memberIds.length) await db.insert(territoryMembers).values(memberIds.map((userId) => ({ territoryId: t!.id, userId })));
  return t!;
}

/** Everything the routing settings can change, to show a refused action changed none of it. */
async function snapshot() {
  return {
    policies: await db.select().from(slaPolicies).orderBy(asc(slaPolicies.id)),
    territories: await db.select().from(territories).orderBy(asc(territories.id)),
    members: await db.select().from(territoryMembers).orderBy(asc(territoryMembers.territoryId), asc(territoryMembers.userId)),
    rules: await db.select().from(routingRules).orderBy(asc(routingRules.id)),
    availability: await db.select().from(userAvailability).orderBy(asc(userAvailability.userId)),
    timezones: await db.select({ id: users.id, timezone: users.timezone }).from(users).orderBy(asc(users.id)),
  };
}

/** `n` open MQLs in `repId`'s queue. */
async function openMqls(repId: string, n: number) {
  for (let i = 0; i < n; i++) {
    const contact = await insertContact(db, { email: `lead-${repId.slice(0, 8)}-${i}-${Math.random().toString(36).slice(2)}@test.dev` });
    await db.insert(mqlRecords).values({ contactId: contact.id, status: "mql", mqlAt: new Date(), fitScore: 60, engagementScore: 50, priorityScore: 55, reason: "threshold", assignedRepId: repId });
  }
}

/** Routes one EMEA lead the way MQL designation does, inside a transaction with the routing lock. */
async function routeOne(subject: Partial<Parameters<RoutingState["assign"]>[0]> = {}) {
  return db.transaction(async (tx) => {
    const state = await RoutingState.load(tx);
    return state.assign({ region: "EMEA", country: "Germany", industry: "Software", employees: 500, accountOwnerId: null, ...subject }, new Date());
  });
}

describe("routing settings refuse everyone but admins", () => {
  for (const role of ["marketer", "sdr", "sales"]) {
    it(`${role}: every action is forbidden and changes nothing`, async () => {
      const [policy] = await db.insert(slaPolicies).values(policyInput()).returning();
      const territory = await newTerritory("EMEA SDRs", [ids.ana!]);
      const [rule] = await db.insert(routingRules).values({ name: "EMEA", priority: 10, conditions: { regions: ["EMEA"] }, territoryId: territory.id }).returning();
      const before = await snapshot();
      as(role);
      const attempts: (() => Promise<unknown>)[] = [
        () => createSlaPolicyAction(policyInput({ name: "Other" })),
        () => updateSlaPolicyAction(policy!.id, policyInput({ firstTouchHours: 1 })),
        () => deleteSlaPolicyAction(policy!.id),
        () => createTerritoryAction({ name: "APAC" }),
        () => updateTerritoryAction(territory.id, { name: "Renamed" }),
        () => setTerritorySlaPolicyAction(territory.id, policy!.id),
        () => deleteTerritoryAction(territory.id),
        () => addTerritoryMemberAction(territory.id, ids.ben!),
        () => removeTerritoryMemberAction(territory.id, ids.ana!),
        () => createRoutingRuleAction(ruleInput({ name: "New", territoryId: territory.id })),
        () => updateRoutingRuleAction(rule!.id, ruleInput({ name: "Changed", territoryId: territory.id })),
        () => setRoutingRuleActiveAction(rule!.id, false),
        () => moveRoutingRuleAction(rule!.id, "down"),
        () => deleteRoutingRuleAction(rule!.id),
        () => updateRepAvailabilityAction({ userId: ids.ana!, timezone: "UTC", isAvailable: false, unavailableUntil: null, maxOpenMqls: 5 }),
      ];
      expect(attempts).toHaveLength(Object.keys(actions).length);
      for (const attempt of attempts) await expect(attempt()).rejects.toThrow(FORBIDDEN);
      expect(await snapshot()).toEqual(before);
    });
  }

  it("signed out: actions send to sign-in and change nothing", async () => {
    const before = await snapshot();
    await expect(createSlaPolicyAction(policyInput())).rejects.toThrow("NEXT_REDIRECT");
    await expect(createTerritoryAction({ name: "APAC" })).rejects.toThrow("NEXT_REDIRECT");
    await expect(updateRepAvailabilityAction({ userId: ids.ana!, timezone: "UTC", isAvailable: false, unavailableUntil: null, maxOpenMqls: null })).rejects.toThrow("NEXT_REDIRECT");
    expect(await snapshot()).toEqual(before);
  });
});

describe("SLA policies", () => {
  it("creates, edits and deletes a policy, keeping the last one", async () => {
    as("admin");
    const created = await createSlaPolicyAction(policyInput({ name: "  Standard ", workingDays: [5, 1, 3, 3] }));
    expect(created).toMatchObject({ ok: true });
    const id = (created as { id: string }).id;
    expect((await db.select().from(slaPolicies))[0]).toMatchObject({ id, name: "Standard", firstTouchHours: 4, workingDays: [1, 3, 5] });

    expect(await updateSlaPolicyAction(id, policyInput({ firstTouchHours: "8", workdayStartHour: "0", workdayEndHour: "24", workingDays: [1, 2, 3, 4, 5, 6, 7] }))).toEqual({ ok: true, id });
    expect((await db.select().from(slaPolicies))[0]).toMatchObject({ firstTouchHours: 8, workdayStartHour: 0, workdayEndHour: 24, workingDays: [1, 2, 3, 4, 5, 6, 7] });

    expect(await deleteSlaPolicyAction(id)).toEqual({ ok: false, error: "Keep at least one SLA policy: it sets the first-touch due time of every new MQL." });
    const other = (await createSlaPolicyAction(policyInput({ name: "Follow the sun" }))) as { id: string };
    const territory = await newTerritory();
    expect(await setTerritorySlaPolicyAction(territory.id, other.id)).toEqual({ ok: true, id: territory.id });
    expect(await deleteSlaPolicyAction(other.id)).toEqual({ ok: true });
    // The territory falls back to the workspace's default policy.
    expect((await db.select().from(territories))[0]!.slaPolicyId).toBeNull();
    expect(await deleteSlaPolicyAction(other.id)).toEqual({ ok: false, error: "That SLA policy was already deleted." });
  });

  it("refuses each bad input with a message at its field and saves nothing", async () => {
    as("admin");
    const [existing] = await db.insert(slaPolicies).values(policyInput({ name: "Standard" })).returning();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ name: "  " }, "name", "Give the policy a name."],
      [{ name: "x".repeat(101) }, "name", "Keep the name under 100 characters."],
      [{ name: "standard" }, "name", "A policy named “standard” already exists."],
      [{ firstTouchHours: 0 }, "firstTouchHours", "Use a whole number of business hours from 1 to 168."],
      [{ firstTouchHours: 169 }, "firstTouchHours", "Use a whole number of business hours from 1 to 168."],
      [{ firstTouchHours: 2.5 }, "firstTouchHours", "Use a whole number of business hours from 1 to 168."],
      [{ firstTouchHours: "" }, "firstTouchHours", "Enter the hours allowed for the first touch."],
      [{ workdayStartHour: -1 }, "workdayStartHour", "The working day starts on a whole hour from 0 to 23."],
      [{ workdayEndHour: 25 }, "workdayEndHour", "The working day ends on a whole hour from 1 to 24."],
      [{ workdayStartHour: 17, workdayEndHour: 9 }, "workdayEndHour", "The working day must end after it starts."],
      [{ workdayStartHour: 9, workdayEndHour: 9 }, "workdayEndHour", "The working day must end after it starts."],
      [{ workingDays: [] }, "workingDays", "Choose at least one working day."],
      [{ workingDays: [0, 1] }, "workingDays", "Working days are ISO weekdays, 1 (Monday) to 7 (Sunday)."],
      [{ workingDays: [8] }, "workingDays", "Working days are ISO weekdays, 1 (Monday) to 7 (Sunday)."],
    ];
    const before = await snapshot();
    for (const [fields, field, message] of cases) {
      const name = (fields.name as string | undefined) ?? "Another";
      const result = await createSlaPolicyAction(policyInput({ ...fields, name }));
      expect(result, JSON.stringify(fields)).toEqual({ ok: false, error: "Check the highlighted fields.", fieldErrors: { [field]: message } });
      if (field !== "name") {
        const edit = await updateSlaPolicyAction(existing!.id, policyInput(fields));
        expect(edit, JSON.stringify(fields)).toEqual({ ok: false, error: "Check the highlighted fields.", fieldErrors: { [field]: message } });
      }
    }
    expect(await updateSlaPolicyAction("nope", policyInput())).toEqual({ ok: false, error: "Not a valid policy id." });
    expect(await snapshot()).toEqual(before);
  });
});

describe("territories", () => {
  it("creates, renames, sets the SLA policy and deletes a territory", async () => {
    as("admin");
    const [policy] = await db.insert(slaPolicies).values(policyInput()).returning();
    const created = (await createTerritoryAction({ name: " EMEA SDRs ", description: "", slaPolicyId: policy!.id })) as { ok: true; id: string };
    expect(created.ok).toBe(true);
    expect(await db.select().from(territories)).toEqual([expect.objectContaining({ id: created.id, name: "EMEA SDRs", description: null, slaPolicyId: policy!.id })]);

    expect(await updateTerritoryAction(created.id, { name: "Europe SDRs", description: "UK, DACH and the Nordics" })).toEqual({ ok: true, id: created.id });
    expect(await setTerritorySlaPolicyAction(created.id, null)).toEqual({ ok: true, id: created.id });
    expect((await db.select().from(territories))[0]).toMatchObject({ name: "Europe SDRs", description: "UK, DACH and the Nordics", slaPolicyId: null });
    expect(await deleteTerritoryAction(created.id)).toEqual({ ok: true });
    expect(await db.select().from(territories)).toHaveLength(0);
  });

  it("refuses a duplicate or empty name, an unknown policy, and deleting a territory rules still route to", async () => {
    as("admin");
    const territory = await newTerritory("EMEA SDRs");
    await db.insert(routingRules).values({ name: "EMEA leads", priority: 10, conditions: { regions: ["EMEA"] }, territoryId: territory.id });
    const before = await snapshot();
    expect(await createTerritoryAction({ name: "emea sdrs" })).toEqual({ ok: false, error: "Check the highlighted fields.", fieldErrors: { name: "A territory named “emea sdrs” already exists." } });
    expect(await createTerritoryAction({ name: "" })).toEqual({ ok: false, error: "Check the highlighted fields.", fieldErrors: { name: "Give the territory a name." } });
    expect(await createTerritoryAction({ name: "APAC", slaPolicyId: "6d1f4c0e-1111-4222-8333-444455556666" })).toEqual({
      ok: false,
      error: "Check the highlighted fields.",
      fieldErrors: { slaPolicyId: "That SLA policy no longer exists." },
    });
    expect(await updateTerritoryAction(territory.id, { name: "  " })).toMatchObject({ ok: false, fieldErrors: { name: "Give the territory a name." } });
    expect(await setTerritorySlaPolicyAction(territory.id, "not-an-id")).toMatchObject({ ok: false, fieldErrors: { slaPolicyId: "Not a valid policy id." } });
    expect(await deleteTerritoryAction(territory.id)).toEqual({ ok: false, error: "Rule “EMEA leads” routes leads to this territory: point it elsewhere or delete it first." });
    expect(await snapshot()).toEqual(before);
  });

  it("takes only active SDRs, sales reps and admins as members", async () => {
    as("admin");
    const territory = await newTerritory();
    expect(await addTerritoryMemberAction(territory.id, ids.ana!)).toEqual({ ok: true });
    expect(await addTerritoryMemberAction(territory.id, ids.sales!)).toEqual({ ok: true });
    expect(await addTerritoryMemberAction(territory.id, ids.admin!)).toEqual({ ok: true });
    const before = await snapshot();
    const refusals: [string, string][] = [
      [ids.marketer!, "The marketer is a marketer: only SDRs, sales reps and admins take leads."],
      [ids.gone!, "Gone Rep is deactivated."],
      ["6d1f4c0e-1111-4222-8333-444455556666", "That user no longer exists."],
      [ids.ana!, "Already a member of this territory."],
      ["x", "Not a valid user id."],
    ];
    for (const [userId, message] of refusals) {
      expect(await addTerritoryMemberAction(territory.id, userId)).toEqual({ ok: false, error: "Check the highlighted fields.", fieldErrors: { userId: message } });
    }
    expect(await snapshot()).toEqual(before);

    expect(await removeTerritoryMemberAction(territory.id, ids.sales!)).toEqual({ ok: true });
    expect(await removeTerritoryMemberAction(territory.id, ids.sales!)).toEqual({ ok: false, error: "That rep was already removed from the territory." });
    const members = await db.select({ userId: territoryMembers.userId }).from(territoryMembers);
    expect(members.map((m) => m.userId).sort()).toEqual([ids.ana!, ids.admin!].sort());
  });
});

describe("routing rules", () => {
  it("stores conditions trimmed and deduplicated as routing compares them, and a catch-all as {}", async () => {
    as("admin");
    const territory = await newTerritory();
    const result = (await createRoutingRuleAction(
      ruleInput({ name: " Mid-market EMEA ", regions: [" EMEA", "emea ", "", "APAC"], countries: ["  United  Kingdom "], industries: ["Software", "software"], minEmployees: "200", maxEmployees: 1000, territoryId: territory.id }),
    )) as { ok: true; id: string };
    expect(result.ok).toBe(true);
    const catchAll = (await createRoutingRuleAction(ruleInput({ name: "Everyone else", regions: [], userId: ids.ben }))) as { ok: true; id: string };
    const rows = await db.select().from(routingRules).orderBy(asc(routingRules.priority));
    expect(rows).toEqual([
      expect.objectContaining({
        id: result.id,
        name: "Mid-market EMEA",
        conditions: { regions: ["EMEA", "APAC"], countries: ["United Kingdom"], industries: ["Software"], minEmployees: 200, maxEmployees: 1000 },
        territoryId: territory.id,
        userId: null,
        isActive: true,
        priority: 10,
      }),
      expect.objectContaining({ id: catchAll.id, conditions: {}, territoryId: null, userId: ids.ben, priority: 20 }),
    ]);
  });

  it("refuses each bad rule with a message at its field and saves nothing", async () => {
    as("admin");
    const territory = await newTerritory();
    const [existing] = await db.insert(routingRules).values({ name: "EMEA leads", priority: 10, conditions: {}, territoryId: territory.id }).returning();
    const target = { territoryId: territory.id };
    const cases: [Record<string, unknown>, string, string][] = [
      [{ ...target, name: "" }, "name", "Give the rule a name."],
      [{ ...target, name: "emea LEADS" }, "name", "A rule named “emea LEADS” already exists."],
      [{ ...target, minEmployees: 1000, maxEmployees: 200 }, "maxEmployees", "The maximum must be at least the minimum."],
      [{ ...target, minEmployees: -5 }, "minEmployees", "Use a whole number of employees, 0 or more."],
      [{ ...target, maxEmployees: "lots" }, "maxEmployees", "Use a whole number of employees, 0 or more."],
      [{ ...target, regions: Array.from({ length: 51 }, (_, i) => `Region ${i}`) }, "regions", "List at most 50 values."],
      [{ ...target, industries: ["x".repeat(101)] }, "industries", "Keep each industry under 100 characters."],
      [{}, "target", "Choose the territory or the rep this rule routes to."],
      [{ territoryId: "", userId: "" }, "target", "Choose the territory or the rep this rule routes to."],
      [{ territoryId: territory.id, userId: ids.ana }, "target", "Route to a territory or to a single rep, not both."],
      [{ territoryId: "6d1f4c0e-1111-4222-8333-444455556666" }, "target", "That territory no longer exists."],
      [{ userId: ids.gone }, "target", "Gone Rep is deactivated."],
      [{ userId: ids.marketer }, "target", "The marketer is a marketer: only SDRs, sales reps and admins take leads."],
      [{ territoryId: "nope" }, "territoryId", "Not a valid territory id."],
    ];
    const before = await snapshot();
    for (const [fields, field, message] of cases) {
      const input = ruleInput({ name: "Another", ...fields });
      expect(await createRoutingRuleAction(input), JSON.stringify(fields)).toEqual({ ok: false, error: "Check the highlighted fields.", fieldErrors: { [field]: message } });
      if (field !== "name") {
        expect(await updateRoutingRuleAction(existing!.id, input), JSON.stringify(fields)).toEqual({ ok: false, error: "Check the highlighted fields.", fieldErrors: { [field]: message } });
      }
    }
    expect(await snapshot()).toEqual(before);
  });

  it("switches a rule's target between a territory and a single rep", async () => {
    as("admin");
    const territory = await newTerritory();
    const { id } = (await createRoutingRuleAction(ruleInput({ territoryId: territory.id }))) as { ok: true; id: string };
    expect(await updateRoutingRuleAction(id, ruleInput({ userId: ids.ana }))).toEqual({ ok: true, id });
    expect((await db.select().from(routingRules))[0]).toMatchObject({ territoryId: null, userId: ids.ana });
    expect(await updateRoutingRuleAction(id, ruleInput({ territoryId: territory.id, userId: "" }))).toEqual({ ok: true, id });
    expect((await db.select().from(routingRules))[0]).toMatchObject({ territoryId: territory.id, userId: null });
  });

  it("reorders rules, and routing follows the new order", async () => {
    as("admin");
    const [emea, mid] = [await newTerritory("EMEA SDRs", [ids.ana!]), await newTerritory("Mid-market SDRs", [ids.ben!])];
    const first = (await createRoutingRuleAction(ruleInput({ name: "EMEA", territoryId: emea.id }))) as { id: string };
    const second = (await createRoutingRuleAction(ruleInput({ name: "Mid-market", regions: [], minEmployees: 200, maxEmployees: 1000, territoryId: mid.id }))) as { id: string };
    const third = (await createRoutingRuleAction(ruleInput({ name: "Catch-all", regions: [], userId: ids.sales }))) as { id: string };
    // Equal priorities, as rules written elsewhere may have: the move still takes effect.
    await db.update(routingRules).set({ priority: 5 });
    const order = async () => (await db.select({ id: routingRules.id }).from(routingRules).orderBy(asc(routingRules.priority), asc(routingRules.id))).map((r) => r.id);
    const before = await order();

    expect(await moveRoutingRuleAction(before[0]!, "up")).toEqual({ ok: false, error: "That rule is already first." });
    expect(await moveRoutingRuleAction(before[2]!, "down")).toEqual({ ok: false, error: "That rule is already last." });
    expect(await moveRoutingRuleAction(before[1]!, "up")).toEqual({ ok: true, id: before[1] });
    expect(await order()).toEqual([before[1], before[0], before[2]]);
    expect((await db.select({ p: routingRules.priority }).from(routingRules).orderBy(asc(routingRules.priority))).map((r) => r.p)).toEqual([10, 20, 30]);

    // Put the rules in a known order: Mid-market, EMEA, Catch-all.
    await db.update(routingRules).set({ priority: 10 }).where(eq(routingRules.id, second.id));
    await db.update(routingRules).set({ priority: 20 }).where(eq(routingRules.id, first.id));
    await db.update(routingRules).set({ priority: 30 }).where(eq(routingRules.id, third.id));
    expect(await routeOne()).toMatchObject({ repId: ids.ben, ruleId: second.id, kind: "round_robin" });
    expect(await moveRoutingRuleAction(first.id, "up")).toEqual({ ok: true, id: first.id });
    expect(await order()).toEqual([first.id, second.id, third.id]);
    expect(await routeOne()).toMatchObject({ repId: ids.ana, ruleId: first.id });

    // Deactivated, the rule keeps its place and routing skips it; deleted, it is gone.
    expect(await setRoutingRuleActiveAction(first.id, false)).toEqual({ ok: true, id: first.id });
    expect(await routeOne()).toMatchObject({ repId: ids.ben, ruleId: second.id });
    expect(await order()).toEqual([first.id, second.id, third.id]);
    expect(await deleteRoutingRuleAction(second.id)).toEqual({ ok: true });
    expect(await routeOne()).toMatchObject({ repId: ids.sales, ruleId: third.id, kind: "rule_rep" });
    expect(await deleteRoutingRuleAction(second.id)).toEqual({ ok: false, error: "That rule was already deleted." });
    expect(await moveRoutingRuleAction(second.id, "up")).toEqual({ ok: false, error: "That rule no longer exists." });
  });
});

describe("a rep's availability, cap and time zone", () => {
  const inOneWeek = () => new Date(Date.now() + 7 * 24 * HOUR);
  /** A datetime-local value on the wall clock of `timeZone`. */
  const wallClock = (date: Date, timeZone: string) => new Intl.DateTimeFormat("sv-SE", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" }).format(date).replace(" ", "T");

  it("saves availability, the out-of-office end in the rep's zone, the cap and a canonical time zone", async () => {
    as("admin");
    const back = inOneWeek();
    back.setUTCSeconds(0, 0);
    const result = await updateRepAvailabilityAction({ userId: ids.ana!, timezone: " america/new_york ", isAvailable: false, unavailableUntil: wallClock(back, "America/New_York"), maxOpenMqls: "25" });
    expect(result).toEqual({ ok: true, id: ids.ana });
    const [availability] = await db.select().from(userAvailability).where(eq(userAvailability.userId, ids.ana!));
    expect(availability).toMatchObject({ isAvailable: false, maxOpenMqls: 25 });
    expect(availability!.unavailableUntil!.toISOString()).toBe(back.toISOString());
    const [user] = await db.select({ timezone: users.timezone }).from(users).where(eq(users.id, ids.ana!));
    expect(user!.timezone).toBe("America/New_York");

    // Back on, no cap: the row is updated in place.
    expect(await updateRepAvailabilityAction({ userId: ids.ana!, timezone: "Europe/Lisbon", isAvailable: true, unavailableUntil: "", maxOpenMqls: "" })).toEqual({ ok: true, id: ids.ana });
    expect(await db.select().from(userAvailability)).toEqual([expect.objectContaining({ userId: ids.ana, isAvailable: true, unavailableUntil: null, maxOpenMqls: null })]);
    // A marketer is not routed: their time zone is all there is to set.
    expect(await updateRepAvailabilityAction({ userId: ids.marketer!, timezone: "Europe/Paris", isAvailable: true, unavailableUntil: null, maxOpenMqls: null })).toEqual({ ok: true, id: ids.marketer });
    expect(await db.select().from(userAvailability).where(eq(userAvailability.userId, ids.marketer!))).toHaveLength(0);
    await db.update(users).set({ timezone: "UTC" }).where(eq(users.id, ids.marketer!));
  });

  it("refuses each bad input with a message at its field and saves nothing", async () => {
    as("admin");
    const valid = { userId: ids.ben!, timezone: "Europe/Berlin", isAvailable: false, unavailableUntil: null as string | null, maxOpenMqls: null as unknown };
    const past = wallClock(new Date(Date.now() - HOUR), "Europe/Berlin");
    const cases: [Partial<typeof valid>, string, string][] = [
      [{ timezone: "Europe/Atlantis" }, "timezone", "“Europe/Atlantis” is not a time zone name: use one such as Europe/Berlin or America/New_York."],
      [{ timezone: "+02:00" }, "timezone", "“+02:00” is not a time zone name: use one such as Europe/Berlin or America/New_York."],
      [{ timezone: "" }, "timezone", "Choose a time zone."],
      [{ maxOpenMqls: 0 }, "maxOpenMqls", "Use a whole number from 1 to 1000, or leave it empty for no cap."],
      [{ maxOpenMqls: "1001" }, "maxOpenMqls", "Use a whole number from 1 to 1000, or leave it empty for no cap."],
      [{ maxOpenMqls: 2.5 }, "maxOpenMqls", "Use a whole number from 1 to 1000, or leave it empty for no cap."],
      [{ maxOpenMqls: "ten" }, "maxOpenMqls", "Use a whole number from 1 to 1000, or leave it empty for no cap."],
      [{ unavailableUntil: past }, "unavailableUntil", "The return time has passed: pick a later one, or turn “Takes new leads” back on."],
      [{ unavailableUntil: "2031-02-30T09:00" }, "unavailableUntil", "Enter a real date and time, e.g. 2026-03-16 09:00."],
      [{ unavailableUntil: "next monday" }, "unavailableUntil", "Enter a real date and time, e.g. 2026-03-16 09:00."],
      [{ unavailableUntil: wallClock(new Date(Date.now() + 400 * 24 * HOUR), "Europe/Berlin") }, "unavailableUntil", "Pick a return within a year, or leave it empty to mark the rep unavailable until further notice."],
      [{ isAvailable: true, unavailableUntil: wallClock(inOneWeek(), "Europe/Berlin") }, "unavailableUntil", "Turn “Takes new leads” off to set when the rep is back."],
      [{ userId: ids.marketer, isAvailable: false }, "isAvailable", "The marketer is a marketer and is not routed leads: only the time zone applies."],
      [{ userId: ids.marketer, isAvailable: true, maxOpenMqls: 5 }, "isAvailable", "The marketer is a marketer and is not routed leads: only the time zone applies."],
    ];
    const before = await snapshot();
    for (const [fields, field, message] of cases) {
      const result = await updateRepAvailabilityAction({ ...valid, ...fields } as Parameters<typeof updateRepAvailabilityAction>[0]);
      expect(result, JSON.stringify(fields)).toEqual({ ok: false, error: "Check the highlighted fields.", fieldErrors: { [field]: message } });
    }
    expect(await updateRepAvailabilityAction({ ...valid, userId: "x" } as Parameters<typeof updateRepAvailabilityAction>[0])).toEqual({ ok: false, error: "Not a valid user id." });
    expect(await snapshot()).toEqual(before);
  });

  it("is honoured by routing: a rep at the cap or out of office set here is skipped, and rejoins when lifted", async () => {
    as("admin");
    const territory = await newTerritory("EMEA SDRs", [ids.ana!, ids.ben!]);
    await createRoutingRuleAction(ruleInput({ territoryId: territory.id }));
    const availability = (userId: string, fields: Partial<Parameters<typeof updateRepAvailabilityAction>[0]>) =>
      updateRepAvailabilityAction({ userId, timezone: "Europe/Berlin", isAvailable: true, unavailableUntil: null, maxOpenMqls: null, ...fields });

    // Ana has two open MQLs and a cap of two; Ben is out of office for a week.
    await openMqls(ids.ana!, 2);
    expect(await availability(ids.ana!, { maxOpenMqls: 2 })).toMatchObject({ ok: true });
    expect(await availability(ids.ben!, { isAvailable: false, unavailableUntil: wallClock(inOneWeek(), "Europe/Berlin") })).toMatchObject({ ok: true });
    const nobody = await routeOne();
    expect(nobody).toMatchObject({ repId: null, kind: "unassigned" });
    expect(nobody.reason).toContain("Ana Lima (at their cap of 2 open MQLs)");
    expect(nobody.reason).toMatch(/Ben Ode \(out of office until/);

    // Ben marked unavailable with no end date: still skipped. Ana's cap raised: she gets the lead.
    expect(await availability(ids.ben!, { isAvailable: false })).toMatchObject({ ok: true });
    expect(await availability(ids.ana!, { maxOpenMqls: 3 })).toMatchObject({ ok: true });
    expect(await routeOne()).toMatchObject({ repId: ids.ana, kind: "round_robin" });

    // Ana at her cap again: Ben, unavailable with no end date, is still skipped…
    await openMqls(ids.ana!, 1);
    const stillNobody = await routeOne();
    expect(stillNobody).toMatchObject({ repId: null, kind: "unassigned" });
    expect(stillNobody.reason).toContain("Ben Ode (marked unavailable)");
    // …until he is back on.
    expect(await availability(ids.ben!, {})).toMatchObject({ ok: true });
    expect(await routeOne()).toMatchObject({ repId: ids.ben, kind: "round_robin" });
  });
});

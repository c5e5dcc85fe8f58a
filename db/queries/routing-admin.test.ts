import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabaseHandle, type DatabaseHandle } from "../client";
import { mqlRecords, routingRules, slaPolicies, territories, territoryMembers, userAvailability } from "../schema";
import { createTestDatabase } from "../test-database";
import { insertAccount, insertContact, insertUser } from "../test-fixtures";
import { listConditionSuggestions, listRoutingRules, listRoutingUsers, listSlaPolicies, listTerritoriesWithMembers } from "./routing-admin";

let handle: DatabaseHandle;
const ids: Record<string, string> = {};

beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabaseHandle(handle);
  const db = handle.db;
  // A migrated database comes with the workspace's default policy; this test makes its own.
  await db.delete(slaPolicies);
  ids.ana = (await insertUser(db, { role: "sdr", name: "Ana Lima", timezone: "Europe/Lisbon" })).id;
  ids.ben = (await insertUser(db, { role: "sdr", name: "Ben Ode" })).id;
  const [older] = await db.insert(slaPolicies).values({ name: "Follow the sun", firstTouchHours: 8, createdAt: new Date("2025-01-01T00:00:00Z") }).returning();
  const [newer] = await db.insert(slaPolicies).values({ name: "Standard", firstTouchHours: 4, createdAt: new Date("2026-01-01T00:00:00Z") }).returning();
  ids.older = older!.id;
  ids.newer = newer!.id;
  const [emea] = await db.insert(territories).values({ name: "EMEA SDRs", slaPolicyId: newer!.id }).returning();
  const [apac] = await db.insert(territories).values({ name: "APAC SDRs", slaPolicyId: newer!.id }).returning();
  ids.emea = emea!.id;
  ids.apac = apac!.id;
  await db.insert(territoryMembers).values([
    { territoryId: emea!.id, userId: ids.ben },
    { territoryId: emea!.id, userId: ids.ana },
    { territoryId: apac!.id, userId: ids.ana },
  ]);
  await db.insert(userAvailability).values({ userId: ids.ana, isAvailable: false, maxOpenMqls: 5 });
  const contact = await insertContact(db, { email: "lead@test.dev", region: "EMEA", country: " Germany " });
  await db.insert(mqlRecords).values([
    { contactId: contact.id, status: "mql", mqlAt: new Date(), fitScore: 1, engagementScore: 1, priorityScore: 1, reason: "threshold", assignedRepId: ids.ana },
    { contactId: contact.id, status: "sql", mqlAt: new Date(), fitScore: 1, engagementScore: 1, priorityScore: 1, reason: "threshold", assignedRepId: ids.ana },
  ]);
  await insertContact(db, { email: "other@test.dev", region: "EMEA", country: "France" });
  await insertContact(db, { email: "third@test.dev", region: "APAC", country: "  " });
  await insertAccount(db, { name: "Acme", industry: "Software" });
  // Same priority: routing breaks the tie by id, and so must the list.
  const [a, b] = [randomUUID(), randomUUID()].sort();
  await db.insert(routingRules).values([
    { id: b!, name: "Second", priority: 10, conditions: {}, userId: ids.ben },
    { id: a!, name: "First", priority: 10, conditions: { regions: ["EMEA"] }, territoryId: emea!.id },
    { name: "Zero", priority: 5, conditions: {}, territoryId: apac!.id, isActive: false },
  ]);
});

afterAll(async () => {
  setDatabaseHandle(undefined);
  await handle.close();
});

describe("routing settings queries", () => {
  it("lists rules in the order routing tries them, inactive ones included", async () => {
    const rules = await listRoutingRules();
    expect(rules.map((r) => [r.name, r.isActive])).toEqual([
      ["Zero", false],
      ["First", true],
      ["Second", true],
    ]);
    expect(rules[1]).toMatchObject({ territoryName: "EMEA SDRs", userName: null, conditions: { regions: ["EMEA"] } });
    expect(rules[2]).toMatchObject({ territoryName: null, userName: "Ben Ode", userDeactivated: false });
  });

  it("marks the oldest SLA policy as the default and counts the territories using each", async () => {
    expect(await listSlaPolicies()).toEqual([
      expect.objectContaining({ id: ids.older, isDefault: true, territoryCount: 0 }),
      expect.objectContaining({ id: ids.newer, isDefault: false, territoryCount: 2 }),
    ]);
  });

  it("lists territories with their members' availability and open load", async () => {
    const [apac, emea] = await listTerritoriesWithMembers();
    expect(apac).toMatchObject({ name: "APAC SDRs", members: [expect.objectContaining({ name: "Ana Lima" })] });
    expect(emea!.members.map((m) => m.name)).toEqual(["Ana Lima", "Ben Ode"]);
    expect(emea!.members[0]).toMatchObject({ isAvailable: false, maxOpenMqls: 5, openMqls: 1 });
    expect(emea!.members[1]).toMatchObject({ isAvailable: true, maxOpenMqls: null, openMqls: 0 });
  });

  it("lists users with time zone, territories and only queue statuses as open", async () => {
    const people = await listRoutingUsers();
    expect(people.find((p) => p.id === ids.ana)).toMatchObject({ timezone: "Europe/Lisbon", isAvailable: false, openMqls: 1, territoryNames: ["APAC SDRs", "EMEA SDRs"] });
    expect(people.find((p) => p.id === ids.ben)).toMatchObject({ isAvailable: true, openMqls: 0, territoryNames: ["EMEA SDRs"] });
  });

  it("suggests condition values from the data, trimmed, most frequent first, blanks left out", async () => {
    expect(await listConditionSuggestions()).toEqual({ regions: ["EMEA", "APAC"], countries: ["France", "Germany"], industries: ["Software"] });
  });
});

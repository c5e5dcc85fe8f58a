import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { accounts, contacts, mqlRecords, notifications, slaPolicies, stageTransitions, userAvailability } from "@/db/schema";
import { createTestDatabase } from "@/db/test-database";
import { insertAccount, insertContact, insertTerritory, insertUser } from "@/db/test-fixtures";
import { addBusinessHours } from "../routing/sla";
import { loadPublishedModel, type ScoringModel } from "../scoring/published-model";
import type { MqlCandidate } from "../scoring/rescore-contacts";
import { designateMqls } from "./designate-mqls";

let handle: DatabaseHandle;
let model: ScoringModel;
let repA: string;
let repB: string;
const at = new Date("2026-11-03T14:00:00Z"); // a Tuesday

beforeAll(async () => {
  handle = await createTestDatabase();
  model = await loadPublishedModel(handle.db);
  repA = (await insertUser(handle.db, { role: "sdr", name: "Rep A" })).id;
  repB = (await insertUser(handle.db, { role: "sdr", name: "Rep B" })).id;
  await insertTerritory(handle.db, { name: "EMEA SDRs", repIds: [repA, repB], conditions: { regions: ["EMEA"] } });
});
afterAll(() => handle.close());

function candidate(contactId: string, over: Partial<MqlCandidate> = {}): MqlCandidate {
  return { contact_id: contactId, fit: 70, engagement: 55, fit_threshold: 50, engagement_threshold: 40, segment: null, meets_thresholds: true, qualifying_action: null, stage: "lead", ...over };
}

const recordOf = async (contactId: string) => (await handle.db.select().from(mqlRecords).where(eq(mqlRecords.contactId, contactId)))[0];

describe("designating MQLs", () => {
  it("routes to the account's owner before any rule, and records why", async () => {
    const owner = await insertUser(handle.db, { role: "sales", name: "Olive Owner" });
    const account = await insertAccount(handle.db, { name: "Owned Co" });
    await handle.db.update(accounts).set({ ownerId: owner.id }).where(eq(accounts.id, account.id));
    const c = await insertContact(handle.db, { email: "a@owned.test", region: "EMEA", accountId: account.id });
    const [done] = await designateMqls(handle.db, [candidate(c.id)], { model, at });
    expect(done!.repId).toBe(owner.id);
    const record = await recordOf(c.id);
    expect(record).toMatchObject({ assignedRepId: owner.id, routingRuleId: null, reason: "threshold", reasonDetail: "fit ≥ 50, engagement ≥ 40", modelVersionId: model.id });
    expect(record!.routingReason).toMatch(/owner/i);
  });

  it("leaves the MQL unassigned, with a reason, when no rule matches and nobody owns the account", async () => {
    const c = await insertContact(handle.db, { email: "b@nowhere.test", region: "LATAM" });
    const [done] = await designateMqls(handle.db, [candidate(c.id, { meets_thresholds: false, qualifying_action: "demo_request" })], { model, at });
    expect(done!.repId).toBeNull();
    const record = await recordOf(c.id);
    expect(record).toMatchObject({ assignedRepId: null, slaDueAt: null, reason: "qualifying_action", reasonDetail: "demo_request" });
    expect(record!.routingReason).toBeTruthy();
    const [contact] = await handle.db.select().from(contacts).where(eq(contacts.id, c.id));
    expect(contact).toMatchObject({ stage: "mql", ownerId: null });
    expect(await handle.db.select().from(notifications).where(eq(notifications.mqlRecordId, record!.id))).toHaveLength(0);
  });

  it("leaves alone a contact that moved since it was scored", async () => {
    const c = await insertContact(handle.db, { email: "c@moved.test", region: "EMEA", stage: "sql" });
    expect(await designateMqls(handle.db, [candidate(c.id)], { model, at })).toEqual([]);
    expect(await recordOf(c.id)).toBeUndefined();
    expect(await handle.db.select().from(stageTransitions).where(eq(stageTransitions.contactId, c.id))).toHaveLength(0);
  });

  it("passes over an unavailable rep and one at their cap", async () => {
    await handle.db.insert(userAvailability).values({ userId: repA, isAvailable: false }).onConflictDoUpdate({ target: userAvailability.userId, set: { isAvailable: false } });
    const first = await insertContact(handle.db, { email: "d1@emea.test", region: "EMEA" });
    const [d1] = await designateMqls(handle.db, [candidate(first.id)], { model, at });
    expect(d1!.repId).toBe(repB);
    await handle.db.insert(userAvailability).values({ userId: repB, maxOpenMqls: 1 }).onConflictDoUpdate({ target: userAvailability.userId, set: { maxOpenMqls: 1 } });
    const second = await insertContact(handle.db, { email: "d2@emea.test", region: "EMEA" });
    const [d2] = await designateMqls(handle.db, [candidate(second.id)], { model, at });
    expect(d2!.repId).toBeNull();
    expect((await recordOf(second.id))!.routingReason).toMatch(/Rep A|Rep B|cap|unavailable/i);
  });

  it("gives the rep an SLA due time in business hours and a notification", async () => {
    await handle.db.delete(userAvailability);
    const c = await insertContact(handle.db, { email: "e@emea.test", region: "EMEA", firstName: "Eve", lastName: "Ng" });
    const [done] = await designateMqls(handle.db, [candidate(c.id)], { model, at });
    const record = await recordOf(c.id);
    expect(record!.slaDueAt!.getTime()).toBeGreaterThan(at.getTime());
    const [bell] = await handle.db.select().from(notifications).where(eq(notifications.mqlRecordId, record!.id));
    expect(bell).toMatchObject({ userId: done!.repId, kind: "mql.assigned", title: "New MQL: Eve Ng" });
  });

  it("times each rep's first touch in the rep's own time zone, for a batch designated at one instant", async () => {
    const tokyo = (await insertUser(handle.db, { role: "sdr", name: "Rep Tokyo", timezone: "Asia/Tokyo" })).id;
    const newYork = (await insertUser(handle.db, { role: "sdr", name: "Rep New York", timezone: "America/New_York" })).id;
    await insertTerritory(handle.db, { name: "APAC SDRs", repIds: [tokyo, newYork], conditions: { regions: ["APAC"] } });
    const batch = [];
    for (let i = 0; i < 4; i++) batch.push(candidate((await insertContact(handle.db, { email: `apac${i}@zones.test`, region: "APAC" })).id));
    const done = await designateMqls(handle.db, batch, { model, at });
    // The workspace's policy, in each rep's zone: 14:00 UTC is 23:00 in Tokyo (the clock starts the
    // next morning) and 09:00 in New York (it starts at once).
    const [policy] = await handle.db.select().from(slaPolicies).orderBy(slaPolicies.createdAt, slaPolicies.id);
    const due = { [tokyo]: addBusinessHours({ start: at, hours: policy!.firstTouchHours, policy: policy!, timeZone: "Asia/Tokyo" }), [newYork]: addBusinessHours({ start: at, hours: policy!.firstTouchHours, policy: policy!, timeZone: "America/New_York" }) };
    expect(due[tokyo]!.getTime()).not.toBe(due[newYork]!.getTime());
    expect(new Set(done.map((d) => d.repId))).toEqual(new Set([tokyo, newYork]));
    for (const d of done) expect((await recordOf(d.contactId))!.slaDueAt).toEqual(due[d.repId!]);
  });
});

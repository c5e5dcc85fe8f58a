import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabaseHandle, type DatabaseHandle } from "@/db/client";
import { contacts, mqlRecords, notifications, stageTransitions, territoryMembers } from "@/db/schema";
import { createTestDatabase } from "@/db/test-database";
import { insertTerritory, insertUser } from "@/db/test-fixtures";
import { POST as postContacts } from "@/app/api/v1/contacts/route";
import { POST as postEvents } from "@/app/api/v1/events/route";
import { POST as postStageChanges } from "@/app/api/v1/stage-changes/route";
import { createApiKey } from "../api-keys/store";
import { startJobQueue, stopJobQueue } from "../jobs/queue";
import { createWebhook } from "../webhooks/manage-webhooks";
import { verifyWebhookSignature } from "../webhooks/signature";
import { eventually, startTestReceiver } from "../webhooks/test-receiver";

/**
 * The engine end to end, as an integration sees it: a CRM pushes a high-fit contact and then a
 * demo request through the API; within seconds the background rescoring has made them an MQL,
 * routed it to a rep of the right territory with an SLA, put it in the rep's bell and told the
 * subscribed webhook — signed.
 */

let handle: DatabaseHandle;
let key: string;
let receiver: Awaited<ReturnType<typeof startTestReceiver>>;
let secret: string;
const reps: Record<string, string> = {};

beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabaseHandle(handle);
  key = (await createApiKey(handle.db, { name: "crm", scopes: ["ingest"] })).key;
  reps.emeaA = (await insertUser(handle.db, { role: "sdr", name: "Priya Shah", timezone: "Europe/London" })).id;
  reps.emeaB = (await insertUser(handle.db, { role: "sdr", name: "Lukas Weber", timezone: "Europe/Berlin" })).id;
  reps.na = (await insertUser(handle.db, { role: "sdr", name: "Sam Rivera", timezone: "America/New_York" })).id;
  await insertTerritory(handle.db, { name: "North America SDRs", repIds: [reps.na], conditions: { regions: ["North America"] }, priority: 10 });
  await insertTerritory(handle.db, { name: "EMEA SDRs", repIds: [reps.emeaA, reps.emeaB], conditions: { regions: ["EMEA"] }, priority: 20 });
  receiver = await startTestReceiver();
  secret = (await createWebhook(handle.db, { url: receiver.url, eventTypes: ["mql.created"] })).secret;
  await startJobQueue({ handle, pollingIntervalSeconds: 0.5 });
});

afterAll(async () => {
  await stopJobQueue({ timeoutMs: 2000 });
  await receiver.close();
  setDatabaseHandle(undefined);
  await handle.close();
});

function post(handler: typeof postEvents, body: unknown) {
  return handler(
    new Request("http://test/api/v1", { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body: JSON.stringify(body) }),
    { params: Promise.resolve({}) },
  );
}

describe("a demo request from a high-fit contact", { timeout: 60_000 }, () => {
  it("becomes a routed, notified, announced MQL within seconds", async () => {
    const contact = {
      email: "dana.reyes@northwind.io",
      firstName: "Dana",
      lastName: "Reyes",
      title: "VP Marketing",
      seniority: "vp",
      function: "marketing",
      region: "EMEA",
      country: "United Kingdom",
      account: { name: "Northwind", industry: "Software", employees: 900 },
    };
    expect((await post(postContacts, { contacts: [contact] })).status).toBe(200);
    const sentAt = Date.now();
    const ingested = await (await post(postEvents, { events: [{ id: "hs-1", source: "hubspot", type: "demo_request", email: contact.email, occurredAt: new Date().toISOString() }] })).json();
    expect(ingested.stored).toBe(1);

    const [row] = await handle.db.select({ id: contacts.id }).from(contacts).where(eq(contacts.email, contact.email));
    const record = await eventually(async () => (await handle.db.select().from(mqlRecords).where(eq(mqlRecords.contactId, row!.id)))[0]);
    const [request] = await eventually(() => receiver.requests.length > 0 && receiver.requests);
    const seconds = (Date.now() - sentAt) / 1000;
    expect(seconds).toBeLessThan(15);

    // The MQL record: scores and model at that moment, the reason, the routing and its SLA.
    // Fit 80 (VP 20, marketing 15, software 15, 200–5,000 people 20, EMEA 10); engagement 30 is
    // below the threshold of 40, but a demo request with fit ≥ 35 qualifies at once.
    expect(record).toMatchObject({ status: "mql", reason: "qualifying_action", reasonDetail: "demo_request", segment: "EMEA" });
    expect(record.fitScore).toBe(80);
    expect(record.engagementScore).toBeCloseTo(30, 2);
    expect(record.modelVersionId).not.toBeNull();
    expect([reps.emeaA, reps.emeaB]).toContain(record.assignedRepId);
    expect(record.routingReason).toMatch(/^Rule “EMEA SDRs rule” → EMEA SDRs, round-robin/);
    expect(record.routingRuleId).not.toBeNull();
    expect(record.slaDueAt!.getTime()).toBeGreaterThan(record.mqlAt.getTime());

    // The contact moved, by the scoring system, and the round-robin remembers the assignment.
    const [moved] = await handle.db.select().from(contacts).where(eq(contacts.id, row!.id));
    expect(moved).toMatchObject({ stage: "mql", ownerId: record.assignedRepId });
    const [transition] = await handle.db.select().from(stageTransitions).where(eq(stageTransitions.mqlRecordId, record.id));
    expect(transition).toMatchObject({ fromStage: "lead", toStage: "mql", actorType: "system", modelVersionId: record.modelVersionId });
    const [member] = await handle.db
      .select()
      .from(territoryMembers)
      .where(and(eq(territoryMembers.userId, record.assignedRepId!)));
    expect(member!.assignedCount).toBe(1);

    // The rep's bell, and the webhook, signed.
    const [bell] = await handle.db.select().from(notifications).where(eq(notifications.mqlRecordId, record.id));
    expect(bell).toMatchObject({ userId: record.assignedRepId, kind: "mql.assigned", title: "New MQL: Dana Reyes (Northwind)", readAt: null });
    expect(bell!.body).toMatch(/^Fit 80 · engagement 30 · demo request\. First touch due /);
    expect(verifyWebhookSignature({ secret, header: request!.headers["handoff-signature"] as string, body: request!.body })).toBe(true);
    const payload = JSON.parse(request!.body);
    expect(payload).toMatchObject({ type: "mql.created", data: { mqlRecordId: record.id, contactId: row!.id, email: contact.email, reason: "qualifying_action", assignedRepId: record.assignedRepId } });
  });

  it("does not designate the same contact twice when more events arrive", async () => {
    await post(postEvents, { events: [{ id: "hs-2", source: "hubspot", type: "page_view", email: "dana.reyes@northwind.io", occurredAt: new Date().toISOString(), properties: { url: "/pricing" } }] });
    await new Promise((resolve) => setTimeout(resolve, 4000));
    const [row] = await handle.db.select({ id: contacts.id }).from(contacts).where(eq(contacts.email, "dana.reyes@northwind.io"));
    expect(await handle.db.select().from(mqlRecords).where(eq(mqlRecords.contactId, row!.id))).toHaveLength(1);
  });
});

describe("an MQL reported by the CRM", { timeout: 30_000 }, () => {
  it("is routed, with an SLA and the rep's bell, when it is live and names no owner", async () => {
    await post(postContacts, { contacts: [{ email: "li.wei@contoso.com", firstName: "Li", lastName: "Wei", region: "North America", account: { name: "Contoso" } }] });
    const res = await post(postStageChanges, { changes: [{ email: "li.wei@contoso.com", to: "mql", at: new Date().toISOString(), reason: "Trade show scan" }] });
    expect((await res.json()).results[0]).toMatchObject({ status: "changed", historical: false });
    const [row] = await handle.db.select({ id: contacts.id, ownerId: contacts.ownerId }).from(contacts).where(eq(contacts.email, "li.wei@contoso.com"));
    const [record] = await handle.db.select().from(mqlRecords).where(eq(mqlRecords.contactId, row!.id));
    expect(record).toMatchObject({ reason: "import", reasonDetail: "Trade show scan", assignedRepId: reps.na });
    expect(record!.routingReason).toMatch(/^Rule “North America SDRs rule”/);
    expect(record!.slaDueAt).not.toBeNull();
    expect(row!.ownerId).toBe(reps.na);
    const [bell] = await handle.db.select().from(notifications).where(eq(notifications.mqlRecordId, record!.id));
    expect(bell).toMatchObject({ userId: reps.na, title: "New MQL: Li Wei (Contoso)" });
  });

  it("is recorded but routes and notifies nobody when it is history", async () => {
    await post(postContacts, { contacts: [{ email: "old.lead@contoso.com", region: "North America" }] });
    const at = new Date(Date.now() - 90 * 86_400_000).toISOString();
    const res = await post(postStageChanges, { changes: [{ email: "old.lead@contoso.com", to: "mql", at }] });
    expect((await res.json()).results[0]).toMatchObject({ status: "changed", historical: true });
    const [row] = await handle.db.select({ id: contacts.id, ownerId: contacts.ownerId }).from(contacts).where(eq(contacts.email, "old.lead@contoso.com"));
    const [record] = await handle.db.select().from(mqlRecords).where(eq(mqlRecords.contactId, row!.id));
    expect(record).toMatchObject({ assignedRepId: null, routingReason: null, slaDueAt: null });
    expect(row!.ownerId).toBeNull();
    expect(await handle.db.select().from(notifications).where(eq(notifications.mqlRecordId, record!.id))).toHaveLength(0);
  });
});

import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { accounts, contacts, engagementEvents, mqlReassignments, mqlRecords, notifications, users } from "@/db/schema";
import type { MqlStatus } from "@/db/schema/enums";
import { createTestDatabase } from "@/db/test-database";
import { insertAccount, insertTerritory, insertUser } from "@/db/test-fixtures";
import { applyStageChange } from "../lifecycle/apply-stage-change";
import { accept, closeLost, closeWon, convertToOpportunity, logActivity, qualify, reassign, reassignMany, reject, salesAccept, salesReject, type LeadActor } from "./lead-actions";
import {
  ACTION_NAMES,
  deliveriesOf,
  insertLead,
  LEAD_STATES,
  leadFootprint,
  performAction,
  SAMPLE_BANT,
  subscribeToAllWebhooks,
  transitionsOf,
  type ActionName,
  type LeadState,
} from "./lead-test-fixtures";

let handle: DatabaseHandle;
let sdr: LeadActor & { name: string };
let otherSdr: LeadActor & { name: string };
let ae: LeadActor & { name: string };
let otherAe: LeadActor & { name: string };
let admin: LeadActor & { name: string };

async function person(role: LeadActor["role"], name: string) {
  const user = await insertUser(handle.db, { role, name });
  return { userId: user.id, role, name };
}

beforeAll(async () => {
  handle = await createTestDatabase();
  sdr = await person("sdr", "Sam Rivera");
  otherSdr = await person("sdr", "Olu Bankole");
  ae = await person("sales", "Alex Kim");
  otherAe = await person("sales", "Bea Novak");
  admin = await person("admin", "Ada Admin");
  await subscribeToAllWebhooks(handle.db);
});
afterAll(() => handle.close());

// ── Every action from every state ────────────────────────────────────────────────────────────
//
// What each action makes of a lead in each state: the record's status afterwards, or "✗" for a
// refused move. Rows are the actions, columns the states a lead can be in.
const S = LEAD_STATES;
type Cell = MqlStatus | "✗";
//                                     mql     sal     sql_pending sql_taken  opportunity    customer lost  rejected
const MOVES: Record<ActionName, Cell[]> = {
  logActivity: /*               */ ["mql", "sal", "sql", "sql", "opportunity", "✗", "✗", "✗"],
  accept: /*                    */ ["sal", "✗", "✗", "✗", "✗", "✗", "✗", "✗"],
  qualify: /*                   */ ["sql", "sql", "✗", "✗", "✗", "✗", "✗", "✗"],
  reject: /*                    */ ["rejected", "rejected", "✗", "✗", "✗", "✗", "✗", "✗"],
  salesAccept: /*               */ ["✗", "✗", "sql", "✗", "✗", "✗", "✗", "✗"],
  salesReject: /*  (recycle)    */ ["✗", "✗", "rejected", "rejected", "✗", "✗", "✗", "✗"],
  convertToOpportunity: /*      */ ["✗", "✗", "✗", "opportunity", "✗", "✗", "✗", "✗"],
  closeWon: /*                  */ ["✗", "✗", "✗", "customer", "customer", "✗", "✗", "✗"],
  closeLost: /*                 */ ["✗", "✗", "✗", "lost", "lost", "✗", "✗", "✗"],
  reassign: /*                  */ ["mql", "sal", "sql", "sql", "opportunity", "✗", "✗", "✗"],
};

const STATUS_OF: Record<LeadState, MqlStatus> = {
  mql: "mql",
  sal: "sal",
  sql_pending: "sql",
  sql_taken: "sql",
  opportunity: "opportunity",
  customer: "customer",
  lost: "lost",
  rejected: "rejected",
};
const CONTACT_STAGE_OF = (status: MqlStatus) => (status === "rejected" ? "recycled" : status);
const LEAD_WEBHOOK: Partial<Record<ActionName, string>> = { accept: "lead.accepted", salesAccept: "lead.accepted", reject: "lead.rejected", salesReject: "lead.rejected" };

/** The person whose job the action is: the SDR for the queue, the sales rep for the pipeline, an admin to reassign. */
function holderFor(action: ActionName) {
  if (action === "reassign") return admin;
  if (["salesAccept", "salesReject", "convertToOpportunity", "closeWon", "closeLost"].includes(action)) return ae;
  return sdr;
}

describe("every action from every state", () => {
  for (const action of ACTION_NAMES) {
    S.forEach((state, column) => {
      const expected = MOVES[action][column]!;
      it(`${action} on ${state}: ${expected === "✗" ? "refused" : `→ ${expected}`}`, async () => {
        const lead = await insertLead(handle.db, { state, assignedRepId: sdr.userId, salesOwnerId: ae.userId });
        const before = await leadFootprint(handle.db, lead);
        const reassignTo = ["mql", "sal"].includes(state) ? otherSdr.userId : otherAe.userId;
        const result = await performAction(handle.db, action, holderFor(action), lead.record, { salesOwnerId: ae.userId, reassignTo });

        if (expected === "✗") {
          expect(result).toMatchObject({ ok: false, code: "illegal" });
          if (!result.ok) expect(result.message.length).toBeGreaterThan(10);
          expect(await leadFootprint(handle.db, lead)).toEqual(before);
          return;
        }
        expect(result.ok, result.ok ? "" : result.message).toBe(true);
        if (!result.ok) return;
        expect(result.record.status).toBe(expected);
        expect(result.record.version).toBe(lead.record.version + 1);
        const stageChanged = expected !== STATUS_OF[state];
        const transitions = await transitionsOf(handle.db, lead.contactId);
        const [contact] = await handle.db.select().from(contacts).where(eq(contacts.id, lead.contactId));
        expect(contact!.stage).toBe(CONTACT_STAGE_OF(expected));
        const hooks = await deliveriesOf(handle.db, lead.record.id);
        if (stageChanged) {
          expect(transitions).toHaveLength(1);
          expect(transitions[0]).toMatchObject({ fromStage: CONTACT_STAGE_OF(STATUS_OF[state]), toStage: expected, actorType: "user", actorUserId: holderFor(action).userId, mqlRecordId: lead.record.id });
          expect(hooks).toContain("stage.changed");
        } else {
          expect(transitions).toHaveLength(0);
          expect(hooks).not.toContain("stage.changed");
        }
        const leadHook = LEAD_WEBHOOK[action];
        expect(hooks.filter((h) => h !== "stage.changed")).toEqual(leadHook ? [leadHook] : []);
      });
    });
  }
});

// ── What each action does, in detail ─────────────────────────────────────────────────────────

const recordOf = async (id: string) => (await handle.db.select().from(mqlRecords).where(eq(mqlRecords.id, id)))[0]!;

describe("logActivity", () => {
  it("records the rep's call on the timeline and stamps the first touch once", async () => {
    const lead = await insertLead(handle.db, { state: "mql", assignedRepId: sdr.userId });
    const first = await logActivity(handle.db, sdr, { mqlRecordId: lead.record.id, expectedVersion: 0, kind: "call", outcome: "left voicemail", durationMinutes: 1, note: "Will try again Thursday" });
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.record.firstTouchAt).not.toBeNull();
    const [event] = await handle.db.select().from(engagementEvents).where(eq(engagementEvents.contactId, lead.contactId));
    expect(event).toMatchObject({ type: "call", source: "handoff", actorUserId: sdr.userId, properties: { outcome: "left voicemail", durationMin: 1, notes: "Will try again Thursday", mqlRecordId: lead.record.id } });
    expect(event!.externalId).toMatch(/^handoff-/);

    const second = await logActivity(handle.db, sdr, { mqlRecordId: lead.record.id, expectedVersion: 1, kind: "email", subject: "Following up" });
    expect(second.ok && second.record.firstTouchAt?.getTime()).toBe(first.record.firstTouchAt!.getTime());
    expect(second.ok && second.record.version).toBe(2);
    const events = await handle.db.select().from(engagementEvents).where(eq(engagementEvents.contactId, lead.contactId)).orderBy(engagementEvents.id);
    expect(events.map((e) => e.type)).toEqual(["call", "email_sent"]);
    expect(events[1]!.properties).toMatchObject({ subject: "Following up" });
    expect(new Set(events.map((e) => e.externalId)).size).toBe(2);
  });

  it("refuses an activity dated in the future, and a kind it does not know", async () => {
    const lead = await insertLead(handle.db, { state: "mql", assignedRepId: sdr.userId });
    const future = await logActivity(handle.db, sdr, { mqlRecordId: lead.record.id, expectedVersion: 0, kind: "meeting", occurredAt: new Date(Date.now() + 3_600_000) });
    expect(future).toMatchObject({ ok: false, code: "invalid", issues: [{ path: ["occurredAt"] }] });
    const unknown = await logActivity(handle.db, sdr, { mqlRecordId: lead.record.id, expectedVersion: 0, kind: "fax" as "call" });
    expect(unknown).toMatchObject({ ok: false, code: "invalid", message: "Log a call, an email or a meeting" });
    expect((await recordOf(lead.record.id)).version).toBe(0);
  });
});

describe("qualify", () => {
  it("stores BANT and hands the SQL to the named sales rep, who must take it", async () => {
    const lead = await insertLead(handle.db, { state: "sal", assignedRepId: sdr.userId });
    const result = await qualify(handle.db, sdr, { mqlRecordId: lead.record.id, expectedVersion: 0, bant: SAMPLE_BANT, salesOwnerId: otherAe.userId, note: "Strong champion" });
    expect(result).toMatchObject({ ok: true, record: { status: "sql", bant: SAMPLE_BANT, salesOwnerId: otherAe.userId, salesAcceptedAt: null, qualifiedById: sdr.userId } });
    const [bell] = await handle.db.select().from(notifications).where(eq(notifications.mqlRecordId, lead.record.id));
    expect(bell).toMatchObject({ userId: otherAe.userId, title: "SQL handed to you: Lee Ahmed" });
    const [transition] = await transitionsOf(handle.db, lead.contactId);
    expect(transition).toMatchObject({ fromStage: "sal", toStage: "sql", note: "Strong champion", reason: `Qualified with BANT; handed to ${otherAe.name}` });
  });

  it("from an MQL also stamps the acceptance it skipped, in one transition", async () => {
    const lead = await insertLead(handle.db, { state: "mql", assignedRepId: sdr.userId });
    const result = await qualify(handle.db, sdr, { mqlRecordId: lead.record.id, expectedVersion: 0, bant: SAMPLE_BANT, salesOwnerId: ae.userId });
    expect(result.ok && result.record.acceptedAt).toBeInstanceOf(Date);
    expect(result.ok && result.record.sqlAt).toBeInstanceOf(Date);
    expect(await transitionsOf(handle.db, lead.contactId)).toHaveLength(1);
  });

  it("without a named rep, hands it to the account's owner when they are in sales", async () => {
    const account = await insertAccount(handle.db, { name: "Owned Widgets" });
    await handle.db.update(accounts).set({ ownerId: otherAe.userId }).where(eq(accounts.id, account.id));
    const lead = await insertLead(handle.db, { state: "sal", assignedRepId: sdr.userId, accountId: account.id });
    const result = await qualify(handle.db, sdr, { mqlRecordId: lead.record.id, expectedVersion: 0, bant: SAMPLE_BANT });
    expect(result.ok && result.record.salesOwnerId).toBe(otherAe.userId);
    expect((await transitionsOf(handle.db, lead.contactId))[0]!.reason).toMatch(/owns the account/);
  });

  it("otherwise to the sales rep in the SDR's territory with the lightest pipeline; nobody when none is available", async () => {
    const db = handle.db;
    const teamSdr = await person("sdr", "Tess Team");
    const busyAe = await person("sales", "Busy Bo");
    const freeAe = await person("sales", "Free Fay");
    await insertTerritory(db, { name: "Nordics", repIds: [teamSdr.userId, busyAe.userId, freeAe.userId], conditions: { regions: ["Nordics"] } });
    await insertLead(db, { state: "sql_taken", assignedRepId: teamSdr.userId, salesOwnerId: busyAe.userId });
    const lead = await insertLead(db, { state: "sal", assignedRepId: teamSdr.userId });
    const result = await qualify(db, teamSdr, { mqlRecordId: lead.record.id, expectedVersion: 0, bant: SAMPLE_BANT });
    expect(result.ok && result.record.salesOwnerId).toBe(freeAe.userId);

    // With every sales rep deactivated, the SQL waits for an admin to assign it.
    const salesIds = (await db.select({ id: users.id }).from(users).where(eq(users.role, "sales"))).map((u) => u.id);
    await db.update(users).set({ deactivatedAt: new Date() }).where(eq(users.role, "sales"));
    try {
      const orphan = await insertLead(db, { state: "sal", assignedRepId: teamSdr.userId });
      const alone = await qualify(db, teamSdr, { mqlRecordId: orphan.record.id, expectedVersion: 0, bant: SAMPLE_BANT });
      expect(alone).toMatchObject({ ok: true, record: { status: "sql", salesOwnerId: null } });
    } finally {
      for (const id of salesIds) await db.update(users).set({ deactivatedAt: null }).where(eq(users.id, id));
    }
  });

  it("an account executive qualifying a lead routed to them keeps it, already taken", async () => {
    const lead = await insertLead(handle.db, { state: "sal", assignedRepId: ae.userId });
    const result = await qualify(handle.db, ae, { mqlRecordId: lead.record.id, expectedVersion: 0, bant: SAMPLE_BANT });
    expect(result).toMatchObject({ ok: true, record: { salesOwnerId: ae.userId } });
    expect(result.ok && result.record.salesAcceptedAt).toBeInstanceOf(Date);
  });

  it("requires all of BANT and an active sales rep to hand to", async () => {
    const lead = await insertLead(handle.db, { state: "sal", assignedRepId: sdr.userId });
    const noBudget = await qualify(handle.db, sdr, { mqlRecordId: lead.record.id, expectedVersion: 0, bant: { ...SAMPLE_BANT, budget: "  " } });
    expect(noBudget).toMatchObject({ ok: false, code: "invalid", issues: [{ path: ["bant", "budget"], message: "Give the budget (or write “unknown”)" }] });
    const toSdr = await qualify(handle.db, sdr, { mqlRecordId: lead.record.id, expectedVersion: 0, bant: SAMPLE_BANT, salesOwnerId: otherSdr.userId });
    expect(toSdr).toMatchObject({ ok: false, code: "invalid", message: "Hand it to an active sales rep." });
    expect(await leadFootprint(handle.db, lead)).toMatchObject({ record: { status: "sal", version: 0 }, transitions: 0 });
  });
});

describe("reject", () => {
  it("needs a reason from the managed list, and a note for “other”; then recycles the lead out of the queue", async () => {
    const lead = await insertLead(handle.db, { state: "mql", assignedRepId: sdr.userId });
    const target = { mqlRecordId: lead.record.id, expectedVersion: 0 };
    expect(await reject(handle.db, sdr, { ...target, reason: "" })).toMatchObject({ code: "invalid", message: "Give a reason" });
    expect(await reject(handle.db, sdr, { ...target, reason: "too_tall" })).toMatchObject({ code: "invalid", message: "Choose a reason from the list." });
    expect(await reject(handle.db, sdr, { ...target, reason: "other", note: " " })).toMatchObject({ code: "invalid", message: "Add a note: “Other” needs one.", issues: [{ path: ["note"] }] });

    const result = await reject(handle.db, sdr, { ...target, reason: "other", note: "Reseller, not a buyer" });
    expect(result).toMatchObject({ ok: true, record: { status: "rejected", rejectionReason: "other", rejectionNote: "Reseller, not a buyer", rejectedById: sdr.userId } });
    expect(result.ok && result.record.recycledAt).toBeInstanceOf(Date);
    const [contact] = await handle.db.select().from(contacts).where(eq(contacts.id, lead.contactId));
    expect(contact!.stage).toBe("recycled");
    const [transition] = await transitionsOf(handle.db, lead.contactId);
    expect(transition).toMatchObject({ fromStage: "mql", toStage: "rejected", reason: "other", note: "Reseller, not a buyer" });
    expect(await deliveriesOf(handle.db, lead.record.id)).toEqual(["lead.rejected", "stage.changed"]);
  });

  it("tells an SDR that an SQL is for sales to turn down", async () => {
    const lead = await insertLead(handle.db, { state: "sql_pending", assignedRepId: sdr.userId, salesOwnerId: ae.userId });
    const result = await reject(handle.db, sdr, { mqlRecordId: lead.record.id, expectedVersion: 0, reason: "bad_fit" });
    expect(result).toMatchObject({ ok: false, code: "illegal", message: "This lead is an SQL now: only the sales rep it was handed to can turn it down." });
  });
});

describe("sales: take, send back, recycle, convert, close", () => {
  it("taking a handed-over SQL makes it the sales rep's", async () => {
    const lead = await insertLead(handle.db, { state: "sql_pending", assignedRepId: sdr.userId, salesOwnerId: ae.userId });
    const result = await salesAccept(handle.db, ae, { mqlRecordId: lead.record.id, expectedVersion: 0 });
    expect(result.ok && result.record.salesAcceptedAt).toBeInstanceOf(Date);
    const [contact] = await handle.db.select().from(contacts).where(eq(contacts.id, lead.contactId));
    expect(contact!.ownerId).toBe(ae.userId);
    expect(await deliveriesOf(handle.db, lead.record.id)).toEqual(["lead.accepted"]);
    const again = await salesAccept(handle.db, ae, { mqlRecordId: lead.record.id, expectedVersion: 1 });
    expect(again).toMatchObject({ ok: false, code: "illegal", message: "You have already taken this SQL." });
  });

  it("an SQL nobody holds waits for an admin to reassign it before anyone can take it", async () => {
    const lead = await insertLead(handle.db, { state: "sql_pending", assignedRepId: sdr.userId, salesOwnerId: null });
    expect(await salesAccept(handle.db, admin, { mqlRecordId: lead.record.id, expectedVersion: 0 })).toMatchObject({ code: "invalid", message: "No sales rep holds this SQL yet: reassign it to one first." });
    expect(await salesAccept(handle.db, ae, { mqlRecordId: lead.record.id, expectedVersion: 0 })).toMatchObject({ code: "forbidden" });
    expect(await reassign(handle.db, admin, { mqlRecordId: lead.record.id, expectedVersion: 0, toUserId: ae.userId, reason: "Nobody was free" })).toMatchObject({ ok: true });
    expect(await salesAccept(handle.db, ae, { mqlRecordId: lead.record.id, expectedVersion: 1 })).toMatchObject({ ok: true, record: { salesOwnerId: ae.userId } });
  });

  it("back to the SDR: a SAL in the queue of the SDR who qualified it, with the reason kept", async () => {
    const lead = await insertLead(handle.db, { state: "sql_pending", assignedRepId: sdr.userId, salesOwnerId: ae.userId });
    const result = await salesReject(handle.db, ae, { mqlRecordId: lead.record.id, expectedVersion: 0, outcome: "back_to_sdr", reason: "wrong_person", note: "Talk to their RevOps lead" });
    expect(result).toMatchObject({
      ok: true,
      record: {
        status: "sal",
        assignedRepId: sdr.userId,
        salesOwnerId: null,
        salesAcceptedAt: null,
        sqlAt: null,
        salesRejectedById: ae.userId,
        salesRejectionReason: "wrong_person",
        salesRejectionNote: "Talk to their RevOps lead",
        salesRejectionOutcome: "back_to_sdr",
      },
    });
    expect(await transitionsOf(handle.db, lead.contactId)).toMatchObject([{ fromStage: "sql", toStage: "sal", reason: "wrong_person", actorUserId: ae.userId }]);
    const [bell] = await handle.db.select().from(notifications).where(eq(notifications.mqlRecordId, lead.record.id));
    expect(bell).toMatchObject({ userId: sdr.userId, title: "Sent back by sales: Lee Ahmed", body: "Wrong person: Talk to their RevOps lead" });
    expect(await deliveriesOf(handle.db, lead.record.id)).toEqual(["lead.rejected", "stage.changed"]);
    // Back in the SDR's hands: they can qualify it again, and the sales rep no longer holds it.
    expect(await salesAccept(handle.db, ae, { mqlRecordId: lead.record.id, expectedVersion: 1 })).toMatchObject({ code: "forbidden" });
    expect(await qualify(handle.db, sdr, { mqlRecordId: lead.record.id, expectedVersion: 1, bant: SAMPLE_BANT, salesOwnerId: otherAe.userId })).toMatchObject({ ok: true });
  });

  it("back to the SDR is refused when only an account executive ever worked it", async () => {
    const lead = await insertLead(handle.db, { state: "sql_taken", assignedRepId: ae.userId, salesOwnerId: ae.userId });
    const result = await salesReject(handle.db, ae, { mqlRecordId: lead.record.id, expectedVersion: 0, outcome: "back_to_sdr", reason: "no_budget" });
    expect(result).toMatchObject({ ok: false, code: "invalid", message: expect.stringMatching(/no SDR to send this SQL back to/) });
  });

  it("recycle: rejected to nurture, with the sales reason on both the rejection and the sales refusal", async () => {
    const lead = await insertLead(handle.db, { state: "sql_pending", assignedRepId: sdr.userId, salesOwnerId: ae.userId });
    const result = await salesReject(handle.db, ae, { mqlRecordId: lead.record.id, expectedVersion: 0, outcome: "recycle", reason: "student" });
    expect(result).toMatchObject({ ok: true, record: { status: "rejected", rejectionReason: "student", salesRejectionReason: "student", salesRejectionOutcome: "recycle", rejectedById: ae.userId } });
    expect(await transitionsOf(handle.db, lead.contactId)).toMatchObject([{ fromStage: "sql", toStage: "rejected" }]);
  });

  it("an SQL must be taken before it becomes an opportunity or is closed", async () => {
    const lead = await insertLead(handle.db, { state: "sql_pending", assignedRepId: sdr.userId, salesOwnerId: ae.userId });
    const target = { mqlRecordId: lead.record.id, expectedVersion: 0 };
    expect(await convertToOpportunity(handle.db, ae, target)).toMatchObject({ code: "illegal", message: "Take this SQL before turning it into an opportunity, or turn it down." });
    expect(await closeWon(handle.db, ae, target)).toMatchObject({ code: "illegal" });
    expect(await closeLost(handle.db, ae, { ...target, reason: "No budget" })).toMatchObject({ code: "illegal" });
  });

  it("closing as lost needs the reason, and keeps it", async () => {
    const lead = await insertLead(handle.db, { state: "opportunity", assignedRepId: sdr.userId, salesOwnerId: ae.userId });
    expect(await closeLost(handle.db, ae, { mqlRecordId: lead.record.id, expectedVersion: 0, reason: "" })).toMatchObject({ code: "invalid", message: "Give the reason the deal was lost" });
    const result = await closeLost(handle.db, ae, { mqlRecordId: lead.record.id, expectedVersion: 0, reason: "Went with Competitor X" });
    expect(result).toMatchObject({ ok: true, record: { status: "lost", lostReason: "Went with Competitor X" } });
    expect(await transitionsOf(handle.db, lead.contactId)).toMatchObject([{ fromStage: "opportunity", toStage: "lost", reason: "Went with Competitor X" }]);
  });

  it("the whole way: call, accept, qualify, take, opportunity, won — one transition per stage", async () => {
    const lead = await insertLead(handle.db, { state: "mql", assignedRepId: sdr.userId });
    const id = lead.record.id;
    let version = 0;
    const step = async (result: Awaited<ReturnType<typeof accept>>) => {
      expect(result.ok, result.ok ? "" : result.message).toBe(true);
      if (result.ok) version = result.record.version;
      return result;
    };
    await step(await logActivity(handle.db, sdr, { mqlRecordId: id, expectedVersion: version, kind: "call", outcome: "connected" }));
    await step(await accept(handle.db, sdr, { mqlRecordId: id, expectedVersion: version }));
    await step(await qualify(handle.db, sdr, { mqlRecordId: id, expectedVersion: version, bant: SAMPLE_BANT, salesOwnerId: ae.userId }));
    await step(await salesAccept(handle.db, ae, { mqlRecordId: id, expectedVersion: version }));
    await step(await convertToOpportunity(handle.db, ae, { mqlRecordId: id, expectedVersion: version }));
    const won = await step(await closeWon(handle.db, ae, { mqlRecordId: id, expectedVersion: version, note: "Signed 3-year deal" }));
    expect(won).toMatchObject({ ok: true, record: { status: "customer", version: 6 } });
    if (!won.ok) return;
    for (const stamp of ["firstTouchAt", "acceptedAt", "sqlAt", "salesAcceptedAt", "opportunityAt", "wonAt", "closedAt"] as const) expect(won.record[stamp]).toBeInstanceOf(Date);
    const transitions = await transitionsOf(handle.db, lead.contactId);
    expect(transitions.map((t) => `${t.fromStage}→${t.toStage}`)).toEqual(["mql→sal", "sal→sql", "sql→opportunity", "opportunity→customer"]);
    expect(await deliveriesOf(handle.db, id)).toEqual(["lead.accepted", "stage.changed", "stage.changed", "lead.accepted", "stage.changed", "stage.changed"]);
  });
});

describe("optimistic concurrency", () => {
  it("a stale version is refused with who changed the lead and what, and the fresh record", async () => {
    const lead = await insertLead(handle.db, { state: "mql", assignedRepId: sdr.userId });
    expect((await accept(handle.db, sdr, { mqlRecordId: lead.record.id, expectedVersion: 0 })).ok).toBe(true);
    const late = await reject(handle.db, admin, { mqlRecordId: lead.record.id, expectedVersion: 0, reason: "duplicate" });
    expect(late).toMatchObject({ ok: false, code: "conflict", message: "This lead was just updated by Sam Rivera (accepted it).", fresh: { id: lead.record.id, status: "sal", version: 1 } });
    const own = await accept(handle.db, sdr, { mqlRecordId: lead.record.id, expectedVersion: 0 });
    expect(own).toMatchObject({ code: "conflict", message: "This lead was just updated by you (accepted it)." });
    expect(await transitionsOf(handle.db, lead.contactId)).toHaveLength(1);
  });

  it("names a change made outside Handoff's actions, e.g. by an import", async () => {
    const lead = await insertLead(handle.db, { state: "sal", assignedRepId: sdr.userId });
    await logActivity(handle.db, sdr, { mqlRecordId: lead.record.id, expectedVersion: 0, kind: "call" });
    await new Promise((r) => setTimeout(r, 20));
    const crm = await applyStageChange(handle.db, { contactId: lead.contactId, to: "sql", at: new Date() }, { type: "import" });
    expect(crm.status).toBe("changed");
    const late = await qualify(handle.db, sdr, { mqlRecordId: lead.record.id, expectedVersion: 1, bant: SAMPLE_BANT, salesOwnerId: ae.userId });
    expect(late).toMatchObject({ code: "conflict", message: "This lead was just updated by an import (moved it to SQL).", fresh: { status: "sql", version: 2 } });
  });
});

describe("reassign", () => {
  it("moves an MQL to another SDR's queue, logged with who, from whom and why, and tells the new rep", async () => {
    const lead = await insertLead(handle.db, { state: "mql", assignedRepId: sdr.userId });
    const result = await reassign(handle.db, admin, { mqlRecordId: lead.record.id, expectedVersion: 0, toUserId: otherSdr.userId, reason: "Sam is out this week" });
    expect(result).toMatchObject({ ok: true, record: { assignedRepId: otherSdr.userId, status: "mql", lastAction: `reassigned it to ${otherSdr.name}` } });
    const [log] = await handle.db.select().from(mqlReassignments).where(eq(mqlReassignments.mqlRecordId, lead.record.id));
    expect(log).toMatchObject({ field: "assigned_rep", fromUserId: sdr.userId, toUserId: otherSdr.userId, reassignedById: admin.userId, reason: "Sam is out this week" });
    const [contact] = await handle.db.select().from(contacts).where(eq(contacts.id, lead.contactId));
    expect(contact!.ownerId).toBe(otherSdr.userId);
    const [bell] = await handle.db.select().from(notifications).where(and(eq(notifications.mqlRecordId, lead.record.id), eq(notifications.userId, otherSdr.userId)));
    expect(bell).toMatchObject({ title: "Reassigned to you: Lee Ahmed", body: "Sam is out this week" });
    expect(await transitionsOf(handle.db, lead.contactId)).toHaveLength(0);
  });

  it("gives an SQL to another sales rep, who must take it; refuses a non-rep, a deactivated rep, or the same rep", async () => {
    const lead = await insertLead(handle.db, { state: "sql_taken", assignedRepId: sdr.userId, salesOwnerId: ae.userId });
    const target = { mqlRecordId: lead.record.id, expectedVersion: 0, reason: "Territory change" };
    expect(await reassign(handle.db, admin, { ...target, toUserId: otherSdr.userId })).toMatchObject({ code: "invalid", message: `${otherSdr.name} is not a sales rep: an SQL goes to a sales rep.` });
    expect(await reassign(handle.db, admin, { ...target, toUserId: admin.userId })).toMatchObject({ code: "invalid", message: "Ada Admin is not a rep (Admin)." });
    expect(await reassign(handle.db, admin, { ...target, toUserId: ae.userId })).toMatchObject({ code: "invalid", message: "This lead is already Alex Kim's." });
    const gone = await person("sales", "Gone Gus");
    await handle.db.update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, gone.userId));
    expect(await reassign(handle.db, admin, { ...target, toUserId: gone.userId })).toMatchObject({ code: "invalid", message: "Choose an active rep." });
    const result = await reassign(handle.db, admin, { ...target, toUserId: otherAe.userId });
    expect(result).toMatchObject({ ok: true, record: { salesOwnerId: otherAe.userId, salesAcceptedAt: null, status: "sql" } });
  });

  it("in bulk: each lead on its own, a stale one coming back as a conflict while the rest move", async () => {
    const a = await insertLead(handle.db, { state: "mql", assignedRepId: sdr.userId });
    const b = await insertLead(handle.db, { state: "sal", assignedRepId: sdr.userId });
    const c = await insertLead(handle.db, { state: "mql", assignedRepId: sdr.userId });
    await accept(handle.db, sdr, { mqlRecordId: c.record.id, expectedVersion: 0 });
    const result = await reassignMany(handle.db, admin, {
      items: [a, b, c].map((l) => ({ mqlRecordId: l.record.id, expectedVersion: 0 })),
      toUserId: otherSdr.userId,
      reason: "Balancing the queues",
    });
    expect(result).toMatchObject({ ok: true, reassigned: 2, failed: 1 });
    if (!result.ok) return;
    expect(result.results.map((r) => [r.mqlRecordId, r.result.ok ? "ok" : r.result.code])).toEqual([
      [a.record.id, "ok"],
      [b.record.id, "ok"],
      [c.record.id, "conflict"],
    ]);
    expect((await recordOf(c.record.id)).assignedRepId).toBe(sdr.userId);
    expect(await reassignMany(handle.db, sdr, { items: [{ mqlRecordId: a.record.id, expectedVersion: 1 }], toUserId: sdr.userId, reason: "Mine" })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await reassignMany(handle.db, admin, { items: [], toUserId: sdr.userId, reason: "Nothing" })).toMatchObject({ ok: false, code: "invalid", message: "Choose at least one lead" });
  });
});

describe("inputs", () => {
  it("refuses a malformed id or version, and a lead that does not exist", async () => {
    expect(await accept(handle.db, sdr, { mqlRecordId: "nope", expectedVersion: 0 })).toMatchObject({ code: "invalid", message: "Not a valid lead id" });
    expect(await accept(handle.db, sdr, { mqlRecordId: "00000000-0000-4000-8000-000000000000", expectedVersion: -1 })).toMatchObject({ code: "invalid" });
    expect(await accept(handle.db, sdr, { mqlRecordId: "00000000-0000-4000-8000-000000000000", expectedVersion: 0 })).toMatchObject({ code: "not_found", message: "This lead no longer exists." });
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { mqlRecords, stageTransitions, type NewMqlRecord } from "@/db/schema";
import type { LifecycleStage } from "@/db/schema/enums";
import { createTestDatabase } from "@/db/test-database";
import { insertAccount, insertContact, insertUser } from "@/db/test-fixtures";
import { closeWon, convertToOpportunity, salesAccept, salesReject } from "@/lib/leads/lead-actions";
import { getPipeline, listRejectionReasons, listSalesReps } from "./pipeline";

let handle: DatabaseHandle;
const now = new Date("2026-11-04T12:00:00Z");
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
const daysAgo = (d: number) => hoursAgo(24 * d);
const people: Record<"alex" | "marcus" | "sam" | "priya" | "gone", string> = { alex: "", marcus: "", sam: "", priya: "", gone: "" };
/** Record ids by the name of the contact behind them. */
const lead: Record<string, string> = {};

const STAGE: Record<string, LifecycleStage> = { sql: "sql", opportunity: "opportunity", customer: "customer", lost: "lost", mql: "mql" };

async function record(firstName: string, values: Omit<Partial<NewMqlRecord>, "contactId">) {
  const account = await insertAccount(handle.db, { name: `${firstName} Corp`, industry: "Software", employees: 250 });
  const contact = await insertContact(handle.db, { email: `${firstName.toLowerCase()}@pipeline.test`, firstName, lastName: "Test", stage: STAGE[values.status ?? "mql"], accountId: account.id });
  const [row] = await handle.db
    .insert(mqlRecords)
    .values({ contactId: contact.id, accountId: account.id, mqlAt: daysAgo(20), fitScore: 70, engagementScore: 55, priorityScore: 62, reason: "threshold", ...values })
    .returning();
  lead[firstName] = row!.id;
  return row!;
}

const bant = { budget: "40k this year", authority: "VP Sales signs", need: "Leads go cold", timeline: "This quarter" };

beforeAll(async () => {
  handle = await createTestDatabase();
  people.alex = (await insertUser(handle.db, { role: "sales", name: "Alex Chen" })).id;
  people.marcus = (await insertUser(handle.db, { role: "sales", name: "Marcus Johnson" })).id;
  people.sam = (await insertUser(handle.db, { role: "sdr", name: "Sam Rivera" })).id;
  people.priya = (await insertUser(handle.db, { role: "sdr", name: "Priya Shah" })).id;
  people.gone = (await insertUser(handle.db, { role: "sales", name: "Gone Rep" })).id;
  const { users } = await import("@/db/schema");
  const { eq } = await import("drizzle-orm");
  await handle.db.update(users).set({ deactivatedAt: daysAgo(1) }).where(eq(users.id, people.gone));

  const { alex, marcus, sam, priya } = people;
  // Handed to Alex, waiting: Hana (2 h, qualified by Sam, with a note) and Hugo (26 h, qualified
  // before who-qualified was kept: the SDR holding it, Priya, is shown).
  const hana = await record("Hana", { status: "sql", sqlAt: hoursAgo(2), bant, assignedRepId: sam, qualifiedById: sam, salesOwnerId: alex });
  await handle.db.insert(stageTransitions).values({ contactId: hana.contactId, mqlRecordId: hana.id, fromStage: "sal", toStage: "sql", occurredAt: hoursAgo(2), actorType: "user", actorUserId: sam, note: "Wants a demo on Thursday" });
  await record("Hugo", { status: "sql", sqlAt: hoursAgo(26), bant, assignedRepId: priya, salesOwnerId: alex });
  // Waiting for Marcus, and for nobody (no sales rep was available).
  await record("Mia", { status: "sql", sqlAt: hoursAgo(5), bant, assignedRepId: sam, qualifiedById: sam, salesOwnerId: marcus });
  await record("Nobody", { status: "sql", sqlAt: hoursAgo(30), bant, assignedRepId: sam, qualifiedById: sam, salesOwnerId: null });
  // Alex's taken SQLs (Sven is older), one opportunity; Marcus's opportunity.
  await record("Sara", { status: "sql", sqlAt: daysAgo(4), salesAcceptedAt: daysAgo(3), bant, assignedRepId: sam, salesOwnerId: alex });
  await record("Sven", { status: "sql", sqlAt: daysAgo(10), salesAcceptedAt: daysAgo(9), bant, assignedRepId: sam, salesOwnerId: alex });
  await record("Olga", { status: "opportunity", sqlAt: daysAgo(12), salesAcceptedAt: daysAgo(12), opportunityAt: daysAgo(5), bant, assignedRepId: sam, salesOwnerId: alex });
  await record("Omar", { status: "opportunity", sqlAt: daysAgo(12), salesAcceptedAt: daysAgo(12), opportunityAt: daysAgo(6), bant, assignedRepId: priya, salesOwnerId: marcus });
  // Alex closed: won 3 days ago, lost 10 days ago, lost 40 days ago (outside the 30 days shown).
  await record("Wendy", { status: "customer", sqlAt: daysAgo(60), opportunityAt: daysAgo(50), wonAt: daysAgo(3), closedAt: daysAgo(3), assignedRepId: sam, salesOwnerId: alex });
  await record("Liam", { status: "lost", sqlAt: daysAgo(60), opportunityAt: daysAgo(50), lostAt: daysAgo(10), lostReason: "Price", closedAt: daysAgo(10), assignedRepId: sam, salesOwnerId: alex });
  await record("Leo", { status: "lost", sqlAt: daysAgo(90), opportunityAt: daysAgo(80), lostAt: daysAgo(40), lostReason: "Timing", closedAt: daysAgo(40), assignedRepId: sam, salesOwnerId: alex });
  // Still with the SDR: not in anyone's pipeline.
  await record("Queue", { status: "mql", assignedRepId: sam });
});
afterAll(() => handle.close());

const names = (rows: { firstName: string | null }[]) => rows.map((r) => r.firstName);

describe("a sales rep's pipeline", () => {
  it("lists the SQLs handed to them, longest waiting first, with who qualified them and their note", async () => {
    const p = await getPipeline(handle.db, { salesOwnerId: people.alex, now });
    expect(names(p.handed)).toEqual(["Hugo", "Hana"]);
    const [hugo, hana] = p.handed;
    expect(hana).toMatchObject({ qualifiedByName: "Sam Rivera", handoverNote: "Wants a demo on Thursday", bant, accountName: "Hana Corp", employees: 250, salesOwnerName: "Alex Chen" });
    expect(hugo).toMatchObject({ qualifiedByName: "Priya Shah", handoverNote: null });
  });

  it("shows their taken SQLs and opportunities oldest first, and what they closed in the last 30 days", async () => {
    const p = await getPipeline(handle.db, { salesOwnerId: people.alex, now });
    expect(names(p.sqls)).toEqual(["Sven", "Sara"]);
    expect(names(p.opportunities)).toEqual(["Olga"]);
    expect(p.closed.map((c) => [c.firstName, c.status, c.lostReason])).toEqual([
      ["Wendy", "customer", null],
      ["Liam", "lost", "Price"],
    ]);
    expect(p.counts).toEqual({ handed: 2, sqls: 2, opportunities: 1, won: 1, lost: 1 });
  });

  it("gives an admin everyone's, including an SQL no sales rep holds", async () => {
    const p = await getPipeline(handle.db, { now });
    expect(names(p.handed)).toEqual(["Nobody", "Hugo", "Mia", "Hana"]);
    expect(p.handed[0]!.salesOwnerName).toBeNull();
    expect(names(p.opportunities)).toEqual(["Omar", "Olga"]);
    expect(p.counts).toEqual({ handed: 4, sqls: 2, opportunities: 2, won: 1, lost: 1 });
  });

  it("follows the rep's actions: a taken SQL leaves the handovers, an opportunity won lands in Closed", async () => {
    const actor = { userId: people.alex, role: "sales" as const };
    const taken = await salesAccept(handle.db, actor, { mqlRecordId: lead.Hana!, expectedVersion: 0 }, now);
    expect(taken.ok).toBe(true);
    let p = await getPipeline(handle.db, { salesOwnerId: people.alex, now });
    expect(names(p.handed)).toEqual(["Hugo"]);
    expect(names(p.sqls)).toEqual(["Sven", "Sara", "Hana"]);

    const opened = await convertToOpportunity(handle.db, actor, { mqlRecordId: lead.Hana!, expectedVersion: 1 }, now);
    expect(opened.ok).toBe(true);
    const won = await closeWon(handle.db, actor, { mqlRecordId: lead.Hana!, expectedVersion: 2 }, now);
    expect(won.ok).toBe(true);
    // Hugo goes back to the SDR who holds him.
    const refused = await salesReject(handle.db, actor, { mqlRecordId: lead.Hugo!, expectedVersion: 0, outcome: "back_to_sdr", reason: "no_budget" }, now);
    expect(refused.ok).toBe(true);

    p = await getPipeline(handle.db, { salesOwnerId: people.alex, now });
    expect(p.handed).toEqual([]);
    expect(names(p.opportunities)).toEqual(["Olga"]);
    expect(p.closed.map((c) => c.firstName)).toEqual(["Hana", "Wendy", "Liam"]);
    expect(p.counts).toEqual({ handed: 0, sqls: 2, opportunities: 1, won: 2, lost: 1 });
  });
});

describe("what the pipeline's dialogs offer", () => {
  it("hands SQLs only to active sales reps, with the pipeline each holds now", async () => {
    const reps = await listSalesReps(handle.db);
    expect(reps.map((r) => [r.name, r.openPipeline])).toEqual([
      ["Alex Chen", 3],
      ["Marcus Johnson", 2],
    ]);
  });

  it("offers the managed rejection reasons in their order", async () => {
    const reasons = await listRejectionReasons(handle.db);
    expect(reasons.map((r) => r.code)).toEqual(["bad_fit", "no_budget", "wrong_person", "no_response", "duplicate", "competitor", "student", "other"]);
    expect(reasons.find((r) => r.code === "other")?.requiresNote).toBe(true);
  });
});

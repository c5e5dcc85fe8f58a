import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { mqlRecords, userAvailability, users, type NewMqlRecord } from "@/db/schema";
import type { LifecycleStage, MqlStatus, UserRole } from "@/db/schema/enums";
import { createTestDatabase } from "@/db/test-database";
import { insertContact, insertUser } from "@/db/test-fixtures";
import { reassignMany } from "@/lib/leads/lead-actions";
import { getTeamOverview, listRepOpenLeads, UNASSIGNED } from "./team";

let handle: DatabaseHandle;
// A Wednesday noon; the window is the 7 days before it.
const now = new Date("2026-11-04T12:00:00Z");
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
const daysAgo = (d: number) => hoursAgo(24 * d);
const minutesAfter = (d: Date, m: number) => new Date(d.getTime() + m * 60_000);

const id: Record<string, string> = {};
const rec: Record<string, { id: string; version: number }> = {};

const CONTACT_STAGE: Partial<Record<MqlStatus, LifecycleStage>> = { mql: "mql", sal: "sal", sql: "sql", opportunity: "opportunity", rejected: "recycled" };

async function lead(key: string, values: Omit<NewMqlRecord, "contactId" | "fitScore" | "engagementScore" | "reason" | "priorityScore"> & { priorityScore?: number }) {
  const contact = await insertContact(handle.db, { email: `${key}@team.test`, firstName: key, lastName: "Lead", stage: CONTACT_STAGE[values.status ?? "mql"] });
  const [row] = await handle.db
    .insert(mqlRecords)
    .values({ contactId: contact.id, fitScore: 70, engagementScore: 50, priorityScore: 60, reason: "threshold", ...values })
    .returning();
  rec[key] = { id: row!.id, version: row!.version };
}

async function person(key: string, role: UserRole, name: string) {
  id[key] = (await insertUser(handle.db, { role, name })).id;
}

beforeAll(async () => {
  handle = await createTestDatabase();
  await person("sam", "sdr", "Sam Rivera");
  await person("priya", "sdr", "Priya Shah");
  await person("lukas", "sdr", "Lukas Weber");
  await person("idle", "sdr", "Ida Idle");
  await person("gone", "sdr", "Gina Gone");
  await person("left", "sales", "Lee Left");
  await person("alex", "sales", "Alex Chen");
  await person("admin", "admin", "Avery Admin");
  await person("marketer", "marketer", "Morgan Marketer");
  await handle.db.update(users).set({ deactivatedAt: daysAgo(2) }).where(eq(users.id, id.gone!));
  await handle.db.update(users).set({ deactivatedAt: daysAgo(2) }).where(eq(users.id, id.left!));
  await handle.db.insert(userAvailability).values({ userId: id.lukas!, isAvailable: false });
  const { sam, priya, lukas, gone, alex } = id;

  // Sam: 4 MQLs + 2 SALs open; s1 and s7 untouched past due; touched in the window after 30, 90, 10
  // and 240 minutes (median 60); accepted s4 and s5 in the window; rejected s6.
  await lead("s1", { status: "mql", assignedRepId: sam, mqlAt: hoursAgo(2), slaDueAt: hoursAgo(1), priorityScore: 50 });
  await lead("s2", { status: "mql", assignedRepId: sam, mqlAt: hoursAgo(3), slaDueAt: hoursAgo(-1), priorityScore: 90 });
  await lead("s3", { status: "mql", assignedRepId: sam, mqlAt: daysAgo(1), firstTouchAt: minutesAfter(daysAgo(1), 30), slaDueAt: hoursAgo(20), priorityScore: 40 });
  await lead("s4", { status: "sal", assignedRepId: sam, mqlAt: daysAgo(2), firstTouchAt: minutesAfter(daysAgo(2), 90), acceptedAt: daysAgo(1), priorityScore: 70 });
  await lead("s5", { status: "sql", assignedRepId: sam, mqlAt: daysAgo(3), firstTouchAt: minutesAfter(daysAgo(3), 10), acceptedAt: daysAgo(2), sqlAt: daysAgo(1), qualifiedById: sam, salesOwnerId: alex });
  await lead("s6", { status: "rejected", assignedRepId: sam, mqlAt: daysAgo(4), firstTouchAt: minutesAfter(daysAgo(4), 240), rejectedAt: daysAgo(3), rejectedById: sam, rejectionReason: "bad_fit", closedAt: daysAgo(3) });
  await lead("s7", { status: "mql", assignedRepId: sam, mqlAt: daysAgo(20), slaDueAt: daysAgo(19), priorityScore: 80 });
  await lead("s8", { status: "sal", assignedRepId: sam, mqlAt: daysAgo(30), firstTouchAt: daysAgo(29), acceptedAt: daysAgo(29), priorityScore: 60 });
  // Priya: 3 MQLs touched after 20, 100 and 60 minutes (median 60), and a SAL sales sent back to
  // her; Alex turned down p4 (recycled: stamped as rejected and as refused, counted once) and p5.
  await lead("p1", { status: "mql", assignedRepId: priya, mqlAt: daysAgo(1), firstTouchAt: minutesAfter(daysAgo(1), 20) });
  await lead("p2", { status: "mql", assignedRepId: priya, mqlAt: daysAgo(6), firstTouchAt: minutesAfter(daysAgo(6), 100) });
  await lead("p3", { status: "mql", assignedRepId: priya, mqlAt: daysAgo(5), firstTouchAt: minutesAfter(daysAgo(5), 60) });
  await lead("p4", { status: "rejected", assignedRepId: priya, mqlAt: daysAgo(10), acceptedAt: daysAgo(9), salesOwnerId: alex, rejectedAt: daysAgo(1), rejectedById: alex, salesRejectedAt: daysAgo(1), salesRejectedById: alex, salesRejectionOutcome: "recycle", closedAt: daysAgo(1) });
  await lead("p5", { status: "sal", assignedRepId: priya, mqlAt: daysAgo(12), acceptedAt: daysAgo(11), salesRejectedAt: daysAgo(2), salesRejectedById: alex, salesRejectionOutcome: "back_to_sdr" });
  // Lukas is out of office with one MQL from before the window, past due.
  await lead("l1", { status: "mql", assignedRepId: lukas, mqlAt: daysAgo(8), slaDueAt: daysAgo(7) });
  // Gina left with one MQL still in her queue, not yet due.
  await lead("g1", { status: "mql", assignedRepId: gone, mqlAt: daysAgo(1), slaDueAt: hoursAgo(-2) });
  // Alex holds an opportunity, an SQL Priya qualified and he took in the window, one he qualified
  // himself from his own queue (accepted once, touched after 45 minutes), and Sam's s5, waiting.
  await lead("a1", { status: "opportunity", assignedRepId: priya, mqlAt: daysAgo(40), acceptedAt: daysAgo(39), sqlAt: daysAgo(30), salesOwnerId: alex, salesAcceptedAt: daysAgo(20), opportunityAt: daysAgo(15), priorityScore: 55 });
  await lead("a2", { status: "sql", assignedRepId: priya, mqlAt: daysAgo(15), acceptedAt: daysAgo(14), sqlAt: daysAgo(3), qualifiedById: priya, salesOwnerId: alex, salesAcceptedAt: daysAgo(2), priorityScore: 75 });
  await lead("a3", { status: "sql", assignedRepId: alex, mqlAt: daysAgo(2), firstTouchAt: minutesAfter(daysAgo(2), 45), acceptedAt: daysAgo(1), sqlAt: daysAgo(1), qualifiedById: alex, salesOwnerId: alex, salesAcceptedAt: daysAgo(1), priorityScore: 65 });
  // Nobody holds u1 (no rep matched) nor the SQL u2 (no sales rep was available).
  await lead("u1", { status: "mql", assignedRepId: null, mqlAt: hoursAgo(1) });
  await lead("u2", { status: "sql", assignedRepId: null, mqlAt: daysAgo(40), sqlAt: daysAgo(1), salesOwnerId: null });
});
afterAll(() => handle.close());

describe("the manager view", () => {
  it("gives each rep's open load, breaches, speed-to-lead and decisions of the last 7 days, heaviest load first", async () => {
    const { reps } = await getTeamOverview(handle.db, { now });
    const pick = (r: (typeof reps)[number]) => [r.name, r.load, r.breaches, r.medianSpeedToLeadMinutes, r.accepted, r.rejected, r.pipeline];
    expect(reps.map(pick)).toEqual([
      // name          load breaches median accepted rejected pipeline
      ["Sam Rivera", 6, 2, 60, 2, 1, 0],
      ["Priya Shah", 4, 0, 60, 0, 0, 0],
      ["Lukas Weber", 1, 1, null, 0, 0, 0],
      ["Unassigned", 1, 0, null, 0, 0, 1],
      ["Gina Gone", 1, 0, null, 0, 0, 0],
      ["Alex Chen", 0, 0, 45, 2, 2, 4],
      ["Ida Idle", 0, 0, null, 0, 0, 0],
    ]);
    const by = Object.fromEntries(reps.map((r) => [r.name, r]));
    expect(by["Sam Rivera"]).toMatchObject({ mqls: 4, sals: 2, newInWindow: 6, touchedInWindow: 4 });
    expect(by["Alex Chen"]).toMatchObject({ awaitingAcceptance: 1, role: "sales" });
    expect(by["Lukas Weber"]!.outOfOffice).toBe(true);
    expect(by["Gina Gone"]!.deactivated).toBe(true);
    expect(by.Unassigned).toMatchObject({ key: UNASSIGNED, userId: null });
    // A deactivated rep holding nothing, an admin and a marketer are not reps to manage.
    expect(reps.map((r) => r.name)).not.toContain("Lee Left");
    expect(reps.map((r) => r.name)).not.toContain("Avery Admin");
  });

  it("sums the team: its median speed-to-lead is over every touched MQL, not a median of medians", async () => {
    const { totals } = await getTeamOverview(handle.db, { now });
    // 10, 20, 30, 45 | 60, 90, 100, 240 minutes.
    expect(totals).toEqual({ load: 13, breaches: 3, pipeline: 5, accepted: 4, rejected: 3, touchedInWindow: 8, medianSpeedToLeadMinutes: 52.5 });
  });

  it("lists one rep's open leads for reassignment: overdue first, then hottest; queue before pipeline", async () => {
    const sam = await listRepOpenLeads(handle.db, { repKey: id.sam!, now });
    expect(sam.rows.map((r) => [r.firstName, r.overdue])).toEqual([
      ["s7", true],
      ["s1", true],
      ["s2", false],
      ["s4", false],
      ["s8", false],
      ["s3", false],
    ]);
    expect(sam.total).toBe(6);
    const alex = await listRepOpenLeads(handle.db, { repKey: id.alex!, now });
    expect(alex.rows.map((r) => r.firstName)).toEqual(["a2", "a3", "s5", "a1"]);
    const nobody = await listRepOpenLeads(handle.db, { repKey: UNASSIGNED, now });
    expect(nobody.rows.map((r) => r.firstName)).toEqual(["u1", "u2"]);
    const firstPage = await listRepOpenLeads(handle.db, { repKey: id.sam!, now, limit: 2 });
    expect([firstPage.rows.length, firstPage.total]).toEqual([2, 6]);
  });

  it("shows a bulk reassignment at once: the leads that moved change hands, a stale one stays", async () => {
    const admin = { userId: id.admin!, role: "admin" as const };
    const result = await reassignMany(
      handle.db,
      admin,
      {
        items: [
          { mqlRecordId: rec.s1!.id, expectedVersion: 0 },
          { mqlRecordId: rec.s2!.id, expectedVersion: 7 },
          { mqlRecordId: rec.l1!.id, expectedVersion: 0 },
        ],
        toUserId: id.priya!,
        reason: "Lukas is out of office; Sam is overloaded",
      },
      now,
    );
    expect(result.ok && result.results.map((r) => (r.result.ok ? "moved" : r.result.code))).toEqual(["moved", "conflict", "moved"]);
    const { reps } = await getTeamOverview(handle.db, { now });
    const by = Object.fromEntries(reps.map((r) => [r.name, r]));
    expect([by["Sam Rivera"]!.load, by["Sam Rivera"]!.breaches]).toEqual([5, 1]);
    expect([by["Priya Shah"]!.load, by["Priya Shah"]!.breaches]).toEqual([6, 2]);
    expect([by["Lukas Weber"]!.load, by["Lukas Weber"]!.breaches]).toEqual([0, 0]);
    expect(reps[0]!.name).toBe("Priya Shah");
  });
});

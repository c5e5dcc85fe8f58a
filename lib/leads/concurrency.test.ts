import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgres, type Database, type DatabaseHandle } from "@/db/client";
import { contacts, mqlRecords } from "@/db/schema";
import { createTestDatabase } from "@/db/test-database";
import { insertUser } from "@/db/test-fixtures";
import { accept, reject, type LeadActionResult, type LeadActor } from "./lead-actions";
import { deliveriesOf, insertLead, subscribeToAllWebhooks, transitionsOf } from "./lead-test-fixtures";

/**
 * Many people acting on one lead at the same moment (PRODUCT.md §4): exactly one wins, everyone
 * else is told who changed it, and only one stage transition is written. On PostgreSQL the
 * actions run truly in parallel over a pool of connections; PGlite has one connection, so there
 * they queue, and the outcome must be the same.
 */

const ATTEMPTS = 100;

let handle: DatabaseHandle;
/** What the actions run on: a pool of 20 connections on PostgreSQL. */
let racingDb: Database;
let closeRacingDb = async () => {};
let sdr: LeadActor & { name: string };
let admin: LeadActor & { name: string };

beforeAll(async () => {
  handle = await createTestDatabase();
  racingDb = handle.db;
  if (handle.kind === "postgres") {
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${handle.client.options.database}`;
    const pool = openPostgres(url.toString(), 20);
    racingDb = pool.db;
    closeRacingDb = pool.close;
  }
  const sdrUser = await insertUser(handle.db, { role: "sdr", name: "Sam Rivera" });
  sdr = { userId: sdrUser.id, role: "sdr", name: "Sam Rivera" };
  const adminUser = await insertUser(handle.db, { role: "admin", name: "Ada Admin" });
  admin = { userId: adminUser.id, role: "admin", name: "Ada Admin" };
  await subscribeToAllWebhooks(handle.db);
});
afterAll(async () => {
  await closeRacingDb();
  await handle.close();
});

/** Each loser's message names the winner ("you" when the same person won in another tab). */
function expectLosersToldWhoWon(results: { actor: LeadActor & { name: string }; result: LeadActionResult }[], what: string) {
  const winner = results.find((r) => r.result.ok)!;
  for (const { actor, result } of results) {
    if (result.ok) continue;
    const who = actor.userId === winner.actor.userId ? "you" : winner.actor.name;
    expect(result).toMatchObject({ code: "conflict", message: `This lead was just updated by ${who} (${what}).`, fresh: { version: 1 } });
  }
}

describe(`${ATTEMPTS} people acting on one lead at once`, () => {
  it("100 concurrent accepts: exactly 1 success, 99 conflicts, 1 stage transition, one set of webhooks", async () => {
    const lead = await insertLead(handle.db, { state: "mql", assignedRepId: sdr.userId });
    const actors = Array.from({ length: ATTEMPTS }, (_, i) => (i % 2 === 0 ? sdr : admin));
    const results = await Promise.all(
      actors.map(async (actor) => ({ actor, result: await accept(racingDb, actor, { mqlRecordId: lead.record.id, expectedVersion: 0 }) })),
    );

    const successes = results.filter((r) => r.result.ok);
    const conflicts = results.filter((r) => !r.result.ok && r.result.code === "conflict");
    expect(successes).toHaveLength(1);
    expect(conflicts).toHaveLength(ATTEMPTS - 1);
    expectLosersToldWhoWon(results, "accepted it");

    const transitions = await transitionsOf(handle.db, lead.contactId);
    expect(transitions).toHaveLength(1);
    expect(transitions[0]).toMatchObject({ fromStage: "mql", toStage: "sal", actorUserId: successes[0]!.actor.userId });
    const [record] = await handle.db.select().from(mqlRecords).where(eq(mqlRecords.id, lead.record.id));
    expect(record).toMatchObject({ status: "sal", version: 1 });
    const [contact] = await handle.db.select().from(contacts).where(eq(contacts.id, lead.contactId));
    expect(contact).toMatchObject({ stage: "sal", version: 1 });
    expect(await deliveriesOf(handle.db, lead.record.id)).toEqual(["lead.accepted", "stage.changed"]);
  });

  it("accepts racing rejects: one of them wins, whichever it is, and the lead moves once", async () => {
    const lead = await insertLead(handle.db, { state: "mql", assignedRepId: sdr.userId });
    const target = { mqlRecordId: lead.record.id, expectedVersion: 0 };
    const results = await Promise.all(
      Array.from({ length: ATTEMPTS }, async (_, i) => {
        const actor = i % 2 === 0 ? sdr : admin;
        const result = i % 4 < 2 ? await accept(racingDb, actor, target) : await reject(racingDb, actor, { ...target, reason: "duplicate" });
        return { actor, result };
      }),
    );
    const successes = results.filter((r) => r.result.ok);
    expect(successes).toHaveLength(1);
    expect(results.filter((r) => !r.result.ok && r.result.code === "conflict")).toHaveLength(ATTEMPTS - 1);
    const winner = successes[0]!.result;
    const won = winner.ok && winner.record.status === "sal" ? "accepted it" : "rejected it: Duplicate";
    expectLosersToldWhoWon(results, won);
    const transitions = await transitionsOf(handle.db, lead.contactId);
    expect(transitions).toHaveLength(1);
    expect(transitions[0]!.toStage).toBe(winner.ok ? winner.record.status : "?");
  });
});

import { sql } from "drizzle-orm";
import type { ReservedSql } from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf, type DatabaseHandle } from "@/db/client";
import { createTestDatabase } from "@/db/test-database";
import { insertContact } from "@/db/test-fixtures";
import { stopTrackingLiveChanges, swapInContactScores, trackLiveChanges } from "./swap-contact-scores";

/**
 * What the swap carries over from the live table, and the swap against work in flight beside it
 * (two connections are needed for those, so they run on PostgreSQL only: PGlite has one).
 */
const onPostgres = !!process.env.DATABASE_URL;
let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createTestDatabase();
});

afterAll(async () => {
  await handle.close();
});

/** The table recording the live table's changes while copy `name` is built. */
const changesOf = (name: string) => `${name}_changes`;

/** A copy of contact_scores as a run would build it, every fit set to `fit`: read once the live table's changes are recorded. */
async function copyOfScores(name: string, fit: number) {
  await trackLiveChanges(handle.db, { changes: changesOf(name) });
  await handle.db.execute(sql.raw(`create table ${name} (like contact_scores including defaults)`));
  await handle.db.execute(sql.raw(`insert into ${name} select * from contact_scores`));
  await handle.db.execute(sql.raw(`update ${name} set fit_score = ${fit}`));
}

/** Whether someone waits for a lock on `table` within five seconds. */
async function lockWaitedFor(table: string): Promise<boolean> {
  for (let i = 0; i < 200; i++) {
    const [waiting] = rowsOf<{ n: number }>(await handle.db.execute(sql`select count(*)::int as n from pg_locks where relation = ${table}::regclass and not granted`));
    if (waiting!.n > 0) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return false;
}

/**
 * The swap beside another transaction on a connection of its own: the transaction runs `before`,
 * the swap starts and is seen waiting for a lock on `waitsOn`, then the transaction runs `after`
 * and commits. Both must get through: the swap finishes.
 */
async function swapBeside({ next, at = new Date(), before, waitsOn, after }: { next: string; at?: Date; before: (tx: ReservedSql) => Promise<unknown>; waitsOn: string; after: (tx: ReservedSql) => Promise<unknown> }) {
  if (handle.kind !== "postgres") throw new Error("needs PostgreSQL");
  const other = await handle.client.reserve();
  try {
    await other`begin`;
    await before(other);
    const swap = swapInContactScores(handle.db, { next, at, changes: changesOf(next) });
    expect(await lockWaitedFor(waitsOn)).toBe(true);
    await after(other);
    await other`commit`;
    await swap;
  } finally {
    other.release();
  }
}

const fitOf = async (contactId: string) =>
  rowsOf<{ fit: number }>(await handle.db.execute(sql`select fit_score as fit from contact_scores where contact_id = ${contactId}`)).map((r) => Number(r.fit))[0];

describe("swapping in a new contact_scores", () => {
  it("keeps what changed in the live table while the copy was built: new contacts, deleted ones, later rescorings", async () => {
    const kept = await insertContact(handle.db, { email: "kept@swap.dev", fitScore: 10 });
    const rescored = await insertContact(handle.db, { email: "rescored@swap.dev", fitScore: 10 });
    const deleted = await insertContact(handle.db, { email: "deleted@swap.dev", fitScore: 10 });
    const at = new Date(Date.now() - 60_000);
    await copyOfScores("contact_scores_next_carry", 50);
    // After the copy was read: a contact arrives, one is deleted, one is rescored by an ingest.
    const created = await insertContact(handle.db, { email: "created@swap.dev", fitScore: 20 });
    await handle.db.execute(sql`delete from contacts where id = ${deleted.id}`);
    await handle.db.execute(sql`update contact_scores set fit_score = 30, scored_at = now() where contact_id = ${rescored.id}`);

    await swapInContactScores(handle.db, { next: "contact_scores_next_carry", at, changes: changesOf("contact_scores_next_carry") });
    expect(await fitOf(kept.id)).toBe(50);
    expect(await fitOf(rescored.id)).toBe(30);
    expect(await fitOf(created.id)).toBe(20);
    expect(await fitOf(deleted.id)).toBeUndefined();
    const [counts] = rowsOf<{ scores: number; contacts: number }>(
      await handle.db.execute(sql`select (select count(*)::int from contact_scores) as scores, (select count(*)::int from contacts) as contacts`),
    );
    expect(counts!.scores).toBe(counts!.contacts);
    // The statistics targets the migrations set carry over to the new table (ANALYZE skips the sums).
    const targets = rowsOf<{ name: string; target: number }>(
      await handle.db.execute(sql`select attname as name, attstattarget as target from pg_attribute where attrelid = 'contact_scores'::regclass and attname in ('rule_occurrences', 'action_last_at') order by attname`),
    );
    expect(targets.map((t) => [t.name, Number(t.target)])).toEqual([["action_last_at", 0], ["rule_occurrences", 0]]);
  });

  it("drops a recording of changes left by a copy that was never swapped in", async () => {
    const trackers = async () =>
      rowsOf<{ name: string }>(await handle.db.execute(sql`select tgname as name from pg_trigger where tgrelid = 'contact_scores'::regclass and not tgisinternal`)).map((r) => r.name);
    await trackLiveChanges(handle.db, { changes: "left_behind_changes" });
    await trackLiveChanges(handle.db, { changes: "started_again_changes" });
    expect(await trackers()).toEqual(["started_again_changes_tracker"]);
    const [left] = rowsOf<{ n: number }>(await handle.db.execute(sql`select count(*)::int as n from pg_class where relname = 'left_behind_changes'`));
    expect(left!.n).toBe(0);
    // What it records: each contact whose live row is written.
    const contact = await insertContact(handle.db, { email: "recorded@swap.dev" });
    const recorded = rowsOf<{ id: string }>(await handle.db.execute(sql`select contact_id as id from started_again_changes`)).map((r) => r.id);
    expect(recorded).toContain(contact.id);
    await stopTrackingLiveChanges(handle.db, { changes: "started_again_changes" });
    expect(await trackers()).toEqual([]);
  });

  it.skipIf(!onPostgres)("lets a transaction that read contacts and then reads contact_scores through, and swaps after it", async () => {
    const contact = await insertContact(handle.db, { email: "reader@swap.dev" });
    await copyOfScores("contact_scores_next_reader", 70);
    await swapBeside({
      next: "contact_scores_next_reader",
      // A page's transaction has read the contact when the swap, holding contact_scores, waits for contacts…
      before: (page) => page`select id from contacts where id = ${contact.id}`,
      waitsOn: "contacts",
      // …and then reads the scores: the swap must yield, not leave PostgreSQL to cancel the page.
      after: async (page) => {
        const [row] = await page`select fit_score from contact_scores where contact_id = ${contact.id}`;
        expect(Number(row!.fit_score)).not.toBe(70);
      },
    });
    expect(await fitOf(contact.id)).toBe(70);
  });

  it.skipIf(!onPostgres)("waits for a designation that locked a contact and then writes an MQL record, instead of deadlocking", async () => {
    const contact = await insertContact(handle.db, { email: "designated@swap.dev" });
    await copyOfScores("contact_scores_next_designation", 60);
    await swapBeside({
      next: "contact_scores_next_designation",
      // The designation has locked the contact it is about to move when the swap wants contacts
      // exclusively (to drop the live table's foreign keys)…
      before: (designation) => designation`select id from contacts where id = ${contact.id} for update`,
      waitsOn: "contacts",
      // …then it writes the MQL record, whose foreign key locks the model version it names.
      after: (designation) => designation`select 1 from scoring_model_versions for key share`,
    });
    expect(await fitOf(contact.id)).toBe(60);
  });

  it.skipIf(!onPostgres)("waits for an ingest rescoring that read the live table and then writes it, instead of deadlocking", async () => {
    const contact = await insertContact(handle.db, { email: "swap@test.dev" });
    await copyOfScores("contact_scores_next_test", 42);
    const [live] = rowsOf<{ fit: number }>(await handle.db.execute(sql`select fit_score as fit from contact_scores where contact_id = ${contact.id}`));
    await swapBeside({
      next: "contact_scores_next_test",
      at: new Date(Date.now() - 60_000),
      // The rescoring has read the live table when the swap asks for it (and waits behind the read)…
      before: (ingest) => ingest`select count(*) from contact_scores`,
      waitsOn: "contact_scores",
      // …then it writes and commits: it must get through, and the swap after it.
      after: (ingest) => ingest`update contact_scores set engagement_score = 7, scored_at = now() where contact_id = ${contact.id}`,
    });
    // The rescoring's write came after the run's instant, so the swap carried it over.
    const [row] = rowsOf<{ fit: number; engagement: number }>(
      await handle.db.execute(sql`select fit_score as fit, engagement_score as engagement from contact_scores where contact_id = ${contact.id}`),
    );
    expect({ fit: Number(row!.fit), engagement: Number(row!.engagement) }).toEqual({ fit: Number(live!.fit), engagement: 7 });
    const [copy] = rowsOf<{ n: number }>(await handle.db.execute(sql`select count(*)::int as n from pg_class where relname like 'contact_scores_next_test%'`));
    expect(copy!.n).toBe(0);
    const [triggers] = rowsOf<{ n: number }>(await handle.db.execute(sql`select count(*)::int as n from pg_trigger where tgrelid = 'contact_scores'::regclass and not tgisinternal`));
    expect(triggers!.n).toBe(0);
  });
});

import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf, type DatabaseHandle } from "@/db/client";
import { createTestDatabase } from "@/db/test-database";
import { insertContact } from "@/db/test-fixtures";
import { swapInContactScores } from "./swap-contact-scores";

/**
 * The swap against an ingest rescoring in flight: the rescoring has read contact_scores and is
 * about to write it when the swap wants the table. The swap must wait its turn, not deadlock with
 * it. Two connections are needed, so this runs on PostgreSQL only (PGlite has one).
 */
const onPostgres = !!process.env.DATABASE_URL;
let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createTestDatabase();
});

afterAll(async () => {
  await handle.close();
});

describe("swapping in a new contact_scores", () => {
  it.skipIf(!onPostgres)("waits for an ingest rescoring that read the live table and then writes it, instead of deadlocking", async () => {
    if (handle.kind !== "postgres") throw new Error("needs PostgreSQL");
    const contact = await insertContact(handle.db, { email: "swap@test.dev" });
    await handle.db.execute(sql.raw(`create table contact_scores_next_test (like contact_scores including defaults)`));
    await handle.db.execute(sql.raw(`insert into contact_scores_next_test select * from contact_scores`));
    await handle.db.execute(sql`update contact_scores_next_test set fit_score = 42`);
    const [live] = rowsOf<{ fit: number }>(await handle.db.execute(sql`select fit_score as fit from contact_scores where contact_id = ${contact.id}`));

    // The rescoring: it has read the live table inside its transaction…
    const ingest = await handle.client.reserve();
    try {
      await ingest`begin`;
      await ingest`select count(*) from contact_scores`;
      const swap = swapInContactScores(handle.db, { next: "contact_scores_next_test", at: new Date(Date.now() - 60_000) });
      // …when the swap asks for the table (and waits, behind the rescoring's read).
      for (let i = 0; i < 200; i++) {
        const [waiting] = rowsOf<{ n: number }>(
          await handle.db.execute(sql`select count(*)::int as n from pg_locks where relation = 'contact_scores'::regclass and not granted`),
        );
        if (waiting!.n > 0) break;
        await new Promise((r) => setTimeout(r, 25));
      }
      // Then the rescoring writes and commits: it must get through, and the swap after it.
      await ingest`update contact_scores set engagement_score = 7, scored_at = now() where contact_id = ${contact.id}`;
      await ingest`commit`;
      await swap;
    } finally {
      ingest.release();
    }
    // The rescoring's write came after the run's instant, so the swap carried it over.
    const [row] = rowsOf<{ fit: number; engagement: number }>(
      await handle.db.execute(sql`select fit_score as fit, engagement_score as engagement from contact_scores where contact_id = ${contact.id}`),
    );
    expect({ fit: Number(row!.fit), engagement: Number(row!.engagement) }).toEqual({ fit: Number(live!.fit), engagement: 7 });
    const [copy] = rowsOf<{ n: number }>(await handle.db.execute(sql`select count(*)::int as n from pg_class where relname = 'contact_scores_next_test'`));
    expect(copy!.n).toBe(0);
  });
});

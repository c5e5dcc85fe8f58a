import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf, setDatabaseHandle, type DatabaseHandle } from "@/db/client";
import { contactScores } from "@/db/schema";
import { createTestDatabase } from "@/db/test-database";
import { insertContact } from "@/db/test-fixtures";
import { appendEvents } from "./events";
import { drainRefreshQueue } from "./refresh-contacts";

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabaseHandle(handle);
});

afterAll(async () => {
  setDatabaseHandle(undefined);
  await handle.close();
});

const queueRows = async () => rowsOf<{ n: number }>(await handle.db.execute(sql`select count(*)::int as n from contact_refresh_queue`))[0]!.n;
const scoresOf = async (contactId: string) => (await handle.db.select().from(contactScores).where(eq(contactScores.contactId, contactId)))[0]!;
const event = (id: string, email: string, type: string, occurredAt: string) => ({ id, source: "test", type, email, occurredAt: new Date(occurredAt) });

describe("the contact refresh queue", () => {
  it("gives every new contact its scores row, however it was inserted", async () => {
    const viaFixture = await insertContact(handle.db, { email: "fixture@refresh.test" });
    await handle.db.execute(sql`insert into contacts (email) select 'raw' || g || '@refresh.test' from generate_series(1, 3) g`);
    const [row] = rowsOf<{ missing: number }>(
      await handle.db.execute(sql`select count(*)::int as missing from contacts c left join contact_scores s on s.contact_id = c.id where s.contact_id is null`),
    );
    expect(row!.missing).toBe(0);
    expect(await scoresOf(viaFixture.id)).toMatchObject({ fitScore: 0, engagementScore: 0, lastActivityAt: null });
  });

  it("queues one row per ingest batch and refreshes each contact once from all of them", async () => {
    const ada = await insertContact(handle.db, { email: "ada@refresh.test" });
    await insertContact(handle.db, { email: "bob@refresh.test" });
    const before = await queueRows();
    await appendEvents(handle.db, [event("q-1", "ada@refresh.test", "page_view", "2026-05-01T10:00:00Z"), event("q-2", "bob@refresh.test", "page_view", "2026-05-01T11:00:00Z")]);
    await appendEvents(handle.db, [event("q-3", "ada@refresh.test", "unsubscribe", "2026-05-03T10:00:00Z")]);
    // A batch of duplicates stores nothing and queues nothing.
    await appendEvents(handle.db, [event("q-1", "ada@refresh.test", "page_view", "2026-05-01T10:00:00Z")]);
    expect(await queueRows()).toBe(before + 2);

    expect(await drainRefreshQueue(handle.db)).toBe(before + 2);
    expect(await queueRows()).toBe(0);
    expect(await scoresOf(ada.id)).toMatchObject({
      lastActivityAt: new Date("2026-05-03T10:00:00Z"),
      unsubscribedAt: new Date("2026-05-03T10:00:00Z"),
    });
    // Draining again finds nothing and changes nothing.
    expect(await drainRefreshQueue(handle.db)).toBe(0);
  });

  it("drains a set at a time and leaves the rest for the next pass", async () => {
    await insertContact(handle.db, { email: "cy@refresh.test" });
    await appendEvents(handle.db, [event("s-1", "cy@refresh.test", "email_open", "2026-06-01T10:00:00Z")]);
    await appendEvents(handle.db, [event("s-2", "cy@refresh.test", "email_click", "2026-06-02T10:00:00Z")]);
    await appendEvents(handle.db, [event("s-3", "cy@refresh.test", "page_view", "2026-05-20T10:00:00Z")]);
    expect(await drainRefreshQueue(handle.db, { entries: 2 })).toBe(2);
    expect(await queueRows()).toBe(1);
    expect(await drainRefreshQueue(handle.db, { entries: 2 })).toBe(1);
    const [cy] = rowsOf<{ last: string }>(
      await handle.db.execute(sql`select s.last_activity_at::text as last from contacts c join contact_scores s on s.contact_id = c.id where c.email = 'cy@refresh.test'`),
    );
    // The late, older event does not move last activity back.
    expect(new Date(cy!.last).toISOString()).toBe("2026-06-02T10:00:00.000Z");
  });

  it("drains entries naming a contact that no longer exists", async () => {
    const gone = await insertContact(handle.db, { email: "gone@refresh.test" });
    await appendEvents(handle.db, [event("g-1", "gone@refresh.test", "page_view", "2026-06-01T10:00:00Z")]);
    await handle.db.execute(sql`delete from contacts where id = ${gone.id}`);
    expect(await drainRefreshQueue(handle.db)).toBe(1);
    expect(await queueRows()).toBe(0);
  });
});

import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Database } from "../../db/client";
import { executePrepared } from "../../db/sql-helpers";
import { upsertContacts } from "./contacts";
import type { EventInput } from "./schemas";

export type EventResult = { index: number; status: "stored" | "duplicate" | "error"; error?: string };

type Row = { i: number; email: string | null; contact_id: string | null; type: string; occurred_at: string; source: string; external_id: string; properties: unknown };

/**
 * Resolves each event's contact (by id or email), inserts the events and queues their contacts
 * for a refresh of derived fields — all in one statement and one round trip.
 */
async function insertResolved(db: Database, rows: Row[]) {
  return rowsOf<{ i: number; cid: string | null; key_stored: boolean }>(
    await executePrepared(db, "ingest_events", sql`
      with input as (
        select * from json_to_recordset(${JSON.stringify(rows)}::json) as e(i int, email text, contact_id uuid, type text,
          occurred_at timestamptz, source text, external_id text, properties jsonb)
      ), resolved as (
        select e.*, case when e.contact_id is not null then (select c.id from contacts c where c.id = e.contact_id)
                         else (select c.id from contacts c where c.email = e.email) end as cid
        from input e
      ), inserted as (
        insert into engagement_events (contact_id, type, occurred_at, source, external_id, properties)
        select cid, type, occurred_at, source, external_id, properties from resolved where cid is not null order by i
        on conflict (source, external_id) do nothing
        returning contact_id, source, external_id
      ), queued as (
        insert into contact_refresh_queue (contact_ids) select array_agg(distinct contact_id) from inserted having count(*) > 0
      )
      select r.i, r.cid, exists (select 1 from inserted x where x.source = r.source and x.external_id = r.external_id) as key_stored
      from resolved r`),
  );
}

/**
 * Appends a batch of timeline events. `(source, id)` is stored once however often it is sent —
 * across requests and within the same batch — so replays and retries are harmless. Events may
 * arrive late and out of order: the timeline sorts by `occurredAt`, not arrival. An unknown email
 * creates the contact.
 */
export async function appendEvents(db: Database, items: EventInput[]): Promise<EventResult[]> {
  if (items.length === 0) return [];
  const rows: Row[] = items.map((e, i) => ({
    i,
    email: e.contactId ? null : (e.email ?? null),
    contact_id: e.contactId ?? null,
    type: e.type,
    occurred_at: e.occurredAt.toISOString(),
    source: e.source,
    external_id: e.id,
    properties: e.properties ?? {},
  }));
  let outcome = await insertResolved(db, rows);
  const unknownEmails = new Set(outcome.filter((r) => r.cid === null && rows[r.i]!.email).map((r) => rows[r.i]!.email!));
  if (unknownEmails.size) {
    // Rare once a workspace is running: create the new people, then store their events.
    await upsertContacts(db, [...unknownEmails].map((email) => ({ email })));
    const retried = await insertResolved(db, rows.filter((r) => r.email && unknownEmails.has(r.email)));
    const byIndex = new Map(retried.map((r) => [r.i, r]));
    outcome = outcome.map((r) => byIndex.get(r.i) ?? r);
  }
  outcome.sort((a, b) => a.i - b.i);
  const claimed = new Set<string>();
  return outcome.map((r): EventResult => {
    if (!r.cid) return { index: r.i, status: "error", error: `No contact with id ${rows[r.i]!.contact_id}` };
    const key = `${rows[r.i]!.source}\u0000${rows[r.i]!.external_id}`;
    // The first occurrence of a stored key in the batch is the one stored; later ones are duplicates.
    if (r.key_stored && !claimed.has(key)) {
      claimed.add(key);
      return { index: r.i, status: "stored" };
    }
    return { index: r.i, status: "duplicate" };
  });
}

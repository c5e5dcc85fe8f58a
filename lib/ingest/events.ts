import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Database } from "../../db/client";
import { upsertContacts } from "./contacts";
import type { EventInput } from "./schemas";
import { afterEventsStored } from "./after-events-stored";

export type EventResult = { index: number; status: "stored" | "duplicate" | "error"; error?: string };

const json = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`;

/** Contact ids for the batch: known emails, new contacts for unknown emails, checked contact ids. */
async function resolveContacts(db: Database, items: EventInput[]) {
  const emails = [...new Set(items.filter((e) => !e.contactId && e.email).map((e) => e.email!))];
  const ids = [...new Set(items.filter((e) => e.contactId).map((e) => e.contactId!))];
  const byEmail = new Map<string, string>();
  if (emails.length) {
    const known = rowsOf<{ id: string; email: string }>(
      await db.execute(sql`select id, email from contacts where email in (select jsonb_array_elements_text(${json(emails)}))`),
    );
    for (const r of known) byEmail.set(r.email, r.id);
    const unknown = emails.filter((e) => !byEmail.has(e));
    // An event about someone new creates the contact (and finds or creates their account).
    for (const r of await upsertContacts(db, unknown.map((email) => ({ email })))) byEmail.set(r.email, r.id);
  }
  const knownIds = new Set<string>();
  if (ids.length) {
    const rows = rowsOf<{ id: string }>(
      await db.execute(sql`select id from contacts where id in (select jsonb_array_elements_text(${json(ids)})::uuid)`),
    );
    for (const r of rows) knownIds.add(r.id);
  }
  return (e: EventInput): string | null => (e.contactId ? (knownIds.has(e.contactId) ? e.contactId : null) : (byEmail.get(e.email!) ?? null));
}

/**
 * Appends a batch of timeline events in one INSERT. `(source, id)` is stored once however often it
 * is sent — across requests and within the same batch — so replays and retries are harmless.
 * Events may arrive late and out of order: the timeline sorts by `occurredAt`, not arrival.
 */
export async function appendEvents(db: Database, items: EventInput[]): Promise<EventResult[]> {
  if (items.length === 0) return [];
  const contactOf = await resolveContacts(db, items);
  const results: EventResult[] = new Array(items.length);
  const rows: { i: number; contact_id: string; type: string; occurred_at: string; source: string; external_id: string; properties: unknown }[] = [];
  items.forEach((e, i) => {
    const contactId = contactOf(e);
    if (!contactId) results[i] = { index: i, status: "error", error: `No contact with id ${e.contactId}` };
    else
      rows.push({ i, contact_id: contactId, type: e.type, occurred_at: e.occurredAt.toISOString(), source: e.source, external_id: e.id, properties: e.properties ?? {} });
  });
  if (rows.length === 0) return results;

  const stored = rowsOf<{ source: string; external_id: string; contact_id: string; type: string; occurred_at: string | Date }>(
    await db.execute(sql`
      insert into engagement_events (contact_id, type, occurred_at, source, external_id, properties)
      select e.contact_id, e.type, e.occurred_at, e.source, e.external_id, e.properties
      from jsonb_to_recordset(${json(rows)}) as e(i int, contact_id uuid, type text, occurred_at timestamptz, source text,
        external_id text, properties jsonb)
      order by e.i
      on conflict (source, external_id) do nothing
      returning source, external_id, contact_id, type, occurred_at`),
  );
  // The first occurrence of a key in the batch is the one stored; later ones are duplicates.
  const fresh = new Set(stored.map((r) => `${r.source}\u0000${r.external_id}`));
  for (const r of rows) {
    const key = `${r.source}\u0000${r.external_id}`;
    results[r.i] = { index: r.i, status: fresh.delete(key) ? "stored" : "duplicate" };
  }
  await afterEventsStored(
    db,
    stored.map((s) => ({ contactId: s.contact_id, type: s.type, occurredAt: new Date(s.occurred_at) })),
  );
  return results;
}

import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Database } from "../../db/client";

/**
 * Recomputes what the contacts' events decide — the latest activity and the first unsubscribe —
 * for a set of contacts, in one statement. Idempotent: refreshing twice changes nothing.
 */
export async function refreshContacts(db: Database, contactIds: string[]): Promise<void> {
  if (contactIds.length === 0) return;
  await db.execute(sql`
    with picked as (
      select distinct value::uuid as contact_id from jsonb_array_elements_text(${JSON.stringify(contactIds)}::jsonb)
    ), facts as materialized (
      -- Materialized: the update's join would otherwise evaluate these subqueries twice per contact.
      select p.contact_id,
             (select max(e.occurred_at) from engagement_events e where e.contact_id = p.contact_id) as latest,
             (select min(e.occurred_at) from engagement_events e where e.contact_id = p.contact_id and e.type = 'unsubscribe') as unsubscribed_at
      from picked p
    )
    update contact_scores s set
      last_activity_at = f.latest,
      unsubscribed_at = coalesce(s.unsubscribed_at, f.unsubscribed_at)
    from facts f
    where s.contact_id = f.contact_id
      and (s.last_activity_at is distinct from f.latest or (s.unsubscribed_at is null and f.unsubscribed_at is not null))`);
}

export type DrainOptions = {
  /** Queue rows (ingest batches) taken per pass. */
  entries?: number;
  /** Contacts refreshed per statement, which bounds how long their rows stay locked. */
  setSize?: number;
};

/**
 * Takes up to `entries` rows of the refresh queue, refreshes each contact they name once, in sets
 * of `setSize`, and only then deletes exactly those rows: a drain that stops halfway leaves its
 * rows for the next one (refreshing is idempotent), and rows queued while it runs are not touched.
 * Returns how many queue rows it drained (fewer than `entries`: the queue is empty).
 */
export async function drainRefreshQueue(db: Database, { entries = 200, setSize = 1000 }: DrainOptions = {}): Promise<number> {
  const taken = rowsOf<{ id: number | string; contact_ids: string[] }>(
    await db.execute(sql`select id, to_jsonb(contact_ids) as contact_ids from contact_refresh_queue order by id limit ${entries}`),
  );
  if (taken.length === 0) return 0;
  const contactIds = [...new Set(taken.flatMap((row) => row.contact_ids))]
  for (let i = 0; i < contactIds.length; i += setSize) await refreshContacts(db, contactIds.slice(i, i + setSize));
  const ids = taken.map((row) => Number(row.id));
  await db.execute(sql`delete from contact_refresh_queue where id in (select value::bigint from jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))`);
  return taken.length;
}

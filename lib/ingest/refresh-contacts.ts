import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Database } from "../../db/client";

/**
 * Drains up to `limit` contacts from the refresh queue and recomputes what their events decide:
 * the latest activity and the first unsubscribe. One statement for the whole set; concurrent
 * drainers skip each other's rows. Returns how many contacts it refreshed.
 */
export async function refreshQueuedContacts(db: Database, { limit = 5000 }: { limit?: number } = {}): Promise<number> {
  const rows = rowsOf<{ n: number }>(
    await db.execute(sql`
      with taken as (
        delete from contact_refresh_queue
        where contact_id in (select contact_id from contact_refresh_queue order by queued_at limit ${limit} for update skip locked)
        returning contact_id
      ), facts as (
        select t.contact_id,
               (select max(e.occurred_at) from engagement_events e where e.contact_id = t.contact_id) as latest,
               (select min(e.occurred_at) from engagement_events e where e.contact_id = t.contact_id and e.type = 'unsubscribe') as unsubscribed_at
        from taken t
      ), updated as (
        update contacts c set
          last_activity_at = f.latest,
          unsubscribed_at = coalesce(c.unsubscribed_at, f.unsubscribed_at),
          updated_at = now()
        from facts f
        where c.id = f.contact_id
          and (c.last_activity_at is distinct from f.latest or (c.unsubscribed_at is null and f.unsubscribed_at is not null))
        returning 1
      )
      select (select count(*)::int from taken) as n`),
  );
  return rows[0]?.n ?? 0;
}

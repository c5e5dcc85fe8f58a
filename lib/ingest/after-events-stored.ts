import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";

export type StoredEvent = { contactId: string; type: string; occurredAt: Date };

/**
 * What follows new timeline events, for the contacts they touched: the latest activity and the
 * unsubscribe stamp, in one statement. This is where rescoring of the affected contacts and MQL
 * designation are triggered.
 */
export async function afterEventsStored(db: Database, events: StoredEvent[]): Promise<void> {
  if (events.length === 0) return;
  const perContact = new Map<string, { latest: number; unsubscribedAt: number | null }>();
  for (const e of events) {
    const t = e.occurredAt.getTime();
    const prev = perContact.get(e.contactId) ?? { latest: t, unsubscribedAt: null };
    prev.latest = Math.max(prev.latest, t);
    if (e.type === "unsubscribe") prev.unsubscribedAt = Math.min(prev.unsubscribedAt ?? t, t);
    perContact.set(e.contactId, prev);
  }
  const rows = [...perContact].map(([id, v]) => ({
    id,
    latest: new Date(v.latest).toISOString(),
    unsubscribed_at: v.unsubscribedAt === null ? null : new Date(v.unsubscribedAt).toISOString(),
  }));
  await db.execute(sql`
    update contacts c set
      last_activity_at = greatest(c.last_activity_at, x.latest),
      unsubscribed_at = coalesce(c.unsubscribed_at, x.unsubscribed_at),
      updated_at = now()
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(id uuid, latest timestamptz, unsubscribed_at timestamptz)
    where c.id = x.id`);
}

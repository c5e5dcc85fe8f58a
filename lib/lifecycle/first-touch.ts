import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";

/**
 * Stamps the first touch of open MQL records from the contacts' timelines: the first call or
 * meeting after the MQL, from any system, or an e-mail a user logged (marketing's automated
 * e-mails are not a rep reaching out). Speed-to-lead is `first_touch_at − mql_at`. Set-based over
 * the given contacts, and idempotent: a stamped record keeps its first touch.
 */
export async function stampFirstTouches(db: Database, contactIds: string[]): Promise<void> {
  if (contactIds.length === 0) return;
  await db.execute(sql`
    update mql_records m set first_touch_at = t.first_touch, updated_at = now()
    from (
      select r.id, min(e.occurred_at) as first_touch
      from mql_records r
      join engagement_events e on e.contact_id = r.contact_id and e.occurred_at >= r.mql_at
      where r.contact_id in (select value::uuid from json_array_elements_text(${JSON.stringify(contactIds)}::json))
        and r.first_touch_at is null and r.status in ('mql', 'sal', 'sql', 'opportunity')
        and (e.type in ('call', 'meeting') or (e.type = 'email_sent' and e.actor_user_id is not null))
      group by r.id
    ) t
    where m.id = t.id`);
}

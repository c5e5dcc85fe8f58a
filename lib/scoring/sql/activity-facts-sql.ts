import { sql, type SQL } from "drizzle-orm";

/**
 * What a contact's events say besides the scores, read from the events themselves (each a probe of
 * an index on `engagement_events`): when they last did anything, and when they first unsubscribed.
 */
export function latestActivitySql(contactId: SQL): SQL {
  return sql`(select max(e.occurred_at) from engagement_events e where e.contact_id = ${contactId})`;
}

export function firstUnsubscribeSql(contactId: SQL): SQL {
  return sql`(select min(e.occurred_at) from engagement_events e where e.contact_id = ${contactId} and e.type = 'unsubscribe')`;
}

/** The contacts waiting in contact_refresh_queue (`contact_id`): their events changed since they were last refreshed. */
export const queuedContactsSql = sql`select distinct unnest(q.contact_ids) as contact_id from contact_refresh_queue q`;

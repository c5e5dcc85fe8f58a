import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Database } from "../../db/client";
import { designateMqls } from "../lifecycle/designate-mqls";
import { qualifyAccounts } from "../lifecycle/qualify-accounts";
import { stampFirstTouches } from "../lifecycle/first-touch";
import { loadPublishedModel, type ScoringModel } from "../scoring/published-model";
import { rescoreContacts } from "../scoring/rescore-contacts";

/**
 * Brings a set of contacts up to date with their events: rescored under the published model (with
 * last activity and first unsubscribe), the ones who now qualify designated as MQLs and routed,
 * their accounts rescored (and qualified as MQAs), and first touches stamped on their open MQL records. Idempotent.
 */
export async function refreshContacts(db: Database, contactIds: string[], { model, at = new Date() }: { model?: ScoringModel; at?: Date } = {}): Promise<void> {
  if (contactIds.length === 0) return;
  const scoring = model ?? (await loadPublishedModel(db));
  const candidates = await rescoreContacts(db, { contactIds, model: scoring, at });
  if (candidates.length) await designateMqls(db, candidates, { model: scoring, at });
  await qualifyAccounts(db, { model: scoring, at, scope: { contactIds } });
  await stampFirstTouches(db, contactIds);
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
  const contactIds = [...new Set(taken.flatMap((row) => row.contact_ids))];
  const model = await loadPublishedModel(db);
  // Each set at its own instant, taken just before it reads the events: a rescoring never writes
  // over a row scored at a later instant (a concurrent drain that saw at least as much).
  for (let i = 0; i < contactIds.length; i += setSize) await refreshContacts(db, contactIds.slice(i, i + setSize), { model, at: new Date() });
  const ids = taken.map((row) => Number(row.id));
  await db.execute(sql`delete from contact_refresh_queue where id in (select value::bigint from jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))`);
  return taken.length;
}

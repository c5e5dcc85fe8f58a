import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Database } from "../../db/client";
import { applyStageChange, type StageChangeActor, type StageChangeOutcome } from "../lifecycle/apply-stage-change";
import { requestNotificationEmails } from "../notifications/email-jobs";
import { upsertContacts } from "./contacts";
import type { StageChangeInput } from "./schemas";

export type StageChangeResult =
  | { index: number; status: "changed"; contactId: string; from: string; to: string; historical: boolean }
  | { index: number; status: "unchanged"; contactId: string; stage: string }
  | { index: number; status: "error"; contactId?: string; error: string };

/**
 * The changes already on record — the same contact, target stage and instant — mapped to the
 * contact's stage now. Replaying CRM history (a re-sent batch, a re-imported file) then reports
 * them unchanged instead of refusing them as moves backwards from where the contact is now.
 */
async function recordedChanges(db: Database, wanted: { contactId: string; to: string; at: Date }[]): Promise<Map<string, string>> {
  const key = (contactId: string, to: string, at: number) => `${contactId}|${to}|${at}`;
  if (wanted.length === 0) return new Map();
  const rows = rowsOf<{ contact_id: string; to_stage: string; at_ms: number | string; stage: string }>(
    await db.execute(sql`
      select st.contact_id, st.to_stage::text, (extract(epoch from st.occurred_at) * 1000)::bigint as at_ms, c.stage::text
      from json_to_recordset(${JSON.stringify(wanted.map((w) => ({ contact_id: w.contactId, to_stage: w.to, occurred_at: w.at.toISOString() })))}::json)
        as w(contact_id uuid, to_stage text, occurred_at timestamptz)
      join stage_transitions st on st.contact_id = w.contact_id and st.to_stage::text = w.to_stage and st.occurred_at = w.occurred_at
      join contacts c on c.id = st.contact_id`),
  );
  return new Map(rows.map((r) => [key(r.contact_id, r.to_stage, Number(r.at_ms)), r.stage]));
}

/**
 * Applies lifecycle changes in the order given (so `mql` then `sql` for one contact works in one
 * batch), each in its own transaction: one illegal move is an error for that item only.
 */
export async function applyStageChanges(
  db: Database,
  items: StageChangeInput[],
  actor: StageChangeActor,
  onChanged?: (outcome: Extract<StageChangeOutcome, { status: "changed" }>, contactId: string) => Promise<void>,
): Promise<StageChangeResult[]> {
  const emails = [...new Set(items.filter((c) => !c.contactId && c.email).map((c) => c.email!))];
  const byEmail = new Map<string, string>();
  if (emails.length) {
    for (const r of await upsertContacts(db, emails.map((email) => ({ email })))) byEmail.set(r.email, r.id);
  }
  const ids = [...new Set(items.filter((c) => c.contactId).map((c) => c.contactId!))];
  const known = new Set(
    ids.length
      ? rowsOf<{ id: string }>(
          await db.execute(sql`select id from contacts where id in (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::uuid)`),
        ).map((r) => r.id)
      : [],
  );

  const contactOf = (change: StageChangeInput) => (change.contactId ? (known.has(change.contactId) ? change.contactId : null) : byEmail.get(change.email!)!);
  const recorded = await recordedChanges(
    db,
    items.flatMap((change) => {
      const contactId = contactOf(change);
      return contactId ? [{ contactId, to: change.to, at: change.at }] : [];
    }),
  );

  const results: StageChangeResult[] = [];
  let routed = false;
  for (const [index, change] of items.entries()) {
    const contactId = contactOf(change);
    if (!contactId) {
      results.push({ index, status: "error", error: `No contact with id ${change.contactId}` });
      continue;
    }
    const stageNow = recorded.get(`${contactId}|${change.to}|${change.at.getTime()}`);
    if (stageNow) {
      results.push({ index, status: "unchanged", contactId, stage: stageNow });
      continue;
    }
    const outcome = await applyStageChange(
      db,
      { contactId, to: change.to, at: change.at, reason: change.reason, note: change.note, ownerEmail: change.owner },
      actor,
    );
    if (outcome.status === "error") results.push({ index, status: "error", contactId, error: outcome.error });
    else if (outcome.status === "unchanged") results.push({ index, status: "unchanged", contactId, stage: outcome.stage });
    else {
      results.push({ index, status: "changed", contactId, from: outcome.fromStage, to: change.to, historical: outcome.historical });
      routed ||= outcome.routedRepId !== null;
      await onChanged?.(outcome, contactId);
    }
  }
  if (routed) await requestNotificationEmails();
  return results;
}

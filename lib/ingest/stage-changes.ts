import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Database } from "../../db/client";
import { applyStageChange, type StageChangeActor, type StageChangeOutcome } from "../lifecycle/apply-stage-change";
import { upsertContacts } from "./contacts";
import type { StageChangeInput } from "./schemas";

export type StageChangeResult =
  | { index: number; status: "changed"; contactId: string; from: string; to: string; historical: boolean }
  | { index: number; status: "unchanged"; contactId: string; stage: string }
  | { index: number; status: "error"; contactId?: string; error: string };

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

  const results: StageChangeResult[] = [];
  for (const [index, change] of items.entries()) {
    const contactId = change.contactId ? (known.has(change.contactId) ? change.contactId : null) : byEmail.get(change.email!)!;
    if (!contactId) {
      results.push({ index, status: "error", error: `No contact with id ${change.contactId}` });
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
      await onChanged?.(outcome, contactId);
    }
  }
  return results;
}

import "server-only";
import { sql } from "drizzle-orm";
import type { ContactSort } from "@/lib/validation/contacts";
import type { KeysetOrder } from "../sql-helpers";
import { contacts, contactScores } from "../schema";

/**
 * The contacts list's four orders, shared by the list and its CSV export. Each reads one index in
 * order: newest on contacts `(created_at, id)`; scores and activity on contact_scores
 * `(value, contact_id)` — so the tie-breaking id is the one of the indexed table.
 */
export const CONTACT_ORDERS = {
  created: { column: contacts.createdAt, id: contacts.id, type: sql`timestamptz` },
  fit: { column: contactScores.fitScore, id: contactScores.contactId, type: sql`real` },
  engagement: { column: contactScores.engagementScore, id: contactScores.contactId, type: sql`real` },
  // Never-active contacts come last.
  activity: { column: contactScores.lastActivityAt, id: contactScores.contactId, type: sql`timestamptz`, nullable: true },
} as const satisfies Record<ContactSort, KeysetOrder>;

import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { accounts, contacts } from "../../db/schema";
import { fullName } from "../format";
import { explainScores, type ScoreExplanation } from "./explain";
import type { ScoringModelDefinition } from "./model-schema";
import { loadPublishedModel } from "./published-model";
import { scoringEventsFor } from "./scoring-events";

export type ScorePreview = {
  contact: { id: string; name: string; title: string | null; company: string | null; stage: string };
  published: { version: number; explanation: ScoreExplanation };
  draft: ScoreExplanation;
};

/**
 * A contact scored now under the published model and under a draft, side by side: what the
 * editor shows while a marketer changes rules, before anything is saved or published.
 */
export async function previewScores(db: Database, { contactId, draft, at = new Date() }: { contactId: string; draft: ScoringModelDefinition; at?: Date }): Promise<ScorePreview | null> {
  const [row] = await db.select({ contact: contacts, account: accounts }).from(contacts).leftJoin(accounts, eq(accounts.id, contacts.accountId)).where(eq(contacts.id, contactId));
  if (!row) return null;
  const published = await loadPublishedModel(db);
  const events = await scoringEventsFor(db, { contactId, models: [published.definition, draft], at });
  const subject = { ...row.contact, account: row.account };
  return {
    contact: { id: row.contact.id, name: fullName(row.contact), title: row.contact.title, company: row.account?.name ?? null, stage: row.contact.stage },
    published: { version: published.version, explanation: explainScores({ subject, events, model: published.definition, at }) },
    draft: explainScores({ subject, events, model: draft, at }),
  };
}

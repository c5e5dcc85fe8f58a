import "server-only";
import { eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { explainScores } from "@/lib/scoring/explain";
import { getDb } from "../client";
import { mqlRecords, users } from "../schema";
import { getContact } from "./contacts";
import { listAccountContacts } from "./accounts";
import { listRejectionReasons } from "./pipeline";
import { getPublishedModel } from "./scoring-models";
import { listScoringEvents } from "./timeline";

const rep = alias(users, "rep");
const salesRep = alias(users, "sales_rep");

/**
 * Everything a rep needs to act on one lead, in one read: the MQL record (with the version an
 * action must send back), the contact and account, the score breakdown now, the account's other
 * contacts and what they did, and the managed rejection reasons.
 */
export async function getLeadDetail({ mqlRecordId, now = new Date() }: { mqlRecordId: string; now?: Date }) {
  const db = await getDb();
  const [row] = await db
    .select({ record: mqlRecords, repName: rep.name, salesOwnerName: salesRep.name })
    .from(mqlRecords)
    .leftJoin(rep, eq(rep.id, mqlRecords.assignedRepId))
    .leftJoin(salesRep, eq(salesRep.id, mqlRecords.salesOwnerId))
    .where(eq(mqlRecords.id, mqlRecordId))
    .limit(1);
  if (!row) return undefined;
  const contactRow = await getContact({ id: row.record.contactId });
  if (!contactRow) return undefined;
  const { contact, account, scores } = contactRow;
  const [model, colleagues, reasons] = await Promise.all([
    getPublishedModel(),
    account ? listAccountContacts({ accountId: account.id, limit: 6 }) : Promise.resolve([]),
    listRejectionReasons(db),
  ]);
  const explanation = model
    ? explainScores({
        subject: { ...contact, account },
        events: await listScoringEvents({ contactId: contact.id, models: [model.definition], at: now }),
        model: model.definition,
        at: now,
      })
    : null;
  return {
    record: row.record,
    repName: row.repName,
    salesOwnerName: row.salesOwnerName,
    contact,
    account,
    scores,
    modelVersion: contactRow.scoresVersion ?? model?.version ?? null,
    explanation,
    colleagues: colleagues.filter((c) => c.id !== contact.id).slice(0, 5),
    rejectionReasons: reasons,
  };
}

export type LeadDetail = NonNullable<Awaited<ReturnType<typeof getLeadDetail>>>;

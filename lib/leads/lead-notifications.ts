import "server-only";
import type { Database } from "../../db/client";
import type { Bant } from "../../db/schema/mql-records";
import { fullName } from "../format";
import { notify } from "../notifications/notify";
import type { LeadContact } from "./run-lead-action";

type Notice = { tx: Database; userId: string; mqlRecordId: string; contact: LeadContact };

const hrefOf = (mqlRecordId: string) => `/queue?lead=${mqlRecordId}`;

/** The sales rep's bell: an SQL waits for them to take it or turn it down. */
export async function notifyHandover({ tx, userId, mqlRecordId, contact, bant }: Notice & { bant: Bant }): Promise<void> {
  await notify(tx, {
    userId,
    kind: "mql.assigned",
    title: `SQL handed to you: ${fullName(contact)}`,
    body: `Budget: ${bant.budget} · Timeline: ${bant.timeline}. Take it or turn it down.`,
    href: hrefOf(mqlRecordId),
    mqlRecordId,
  });
}

/** The SDR's bell: sales sent their SQL back to the queue. */
export async function notifyReturned({ tx, userId, mqlRecordId, contact, reason, note }: Notice & { reason: string; note?: string }): Promise<void> {
  await notify(tx, {
    userId,
    kind: "mql.assigned",
    title: `Sent back by sales: ${fullName(contact)}`,
    body: note ? `${reason}: ${note}` : reason,
    href: hrefOf(mqlRecordId),
    mqlRecordId,
  });
}

/** The new holder's bell after an admin's reassignment. */
export async function notifyReassigned({ tx, userId, mqlRecordId, contact, reason }: Notice & { reason: string }): Promise<void> {
  await notify(tx, {
    userId,
    kind: "mql.assigned",
    title: `Reassigned to you: ${fullName(contact)}`,
    body: reason,
    href: hrefOf(mqlRecordId),
    mqlRecordId,
  });
}

import "server-only";
import type { Database } from "../../db/client";
import { formatDueAt, fullName } from "../format";
import { notify, type NewNotification } from "./notify";

export type NewMqlNotice = {
  repId: string;
  mqlRecordId: string;
  contact: { firstName: string | null; lastName: string | null; email: string; company: string | null };
  fit: number;
  engagement: number;
  /** "crossed the threshold", the qualifying action, or where the MQL came from. */
  why: string;
  slaDueAt: Date | null;
  repTimeZone: string | null;
};

/** The rep's bell (and e-mail) for a lead just put in their queue. */
export async function notifyNewMql(tx: Database, n: NewMqlNotice): Promise<void> {
  await notify(tx, newMqlNotification(n));
}

export function newMqlNotification(n: NewMqlNotice): NewNotification {
  const due = n.slaDueAt ? ` First touch due ${formatDueAt(n.slaDueAt, n.repTimeZone ?? "UTC")}.` : "";
  return {
    userId: n.repId,
    kind: "mql.assigned",
    title: `New MQL: ${fullName(n.contact)}${n.contact.company ? ` (${n.contact.company})` : ""}`,
    body: `Fit ${Math.round(n.fit)} · engagement ${Math.round(n.engagement)} · ${n.why}.${due}`,
    href: `/queue?lead=${n.mqlRecordId}`,
    mqlRecordId: n.mqlRecordId,
  };
}

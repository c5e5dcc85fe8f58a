import "server-only";
import type { Database } from "../../db/client";
import { notifications } from "../../db/schema";
import { env } from "../env";

export type NotificationKind = "mql.assigned" | "mqa.assigned" | "sla.overdue";

export type NewNotification = {
  userId: string;
  kind: NotificationKind;
  title: string;
  body?: string;
  href?: string;
  mqlRecordId?: string;
};

/**
 * Puts a notification in the user's bell and, when e-mail is configured (`SMTP_URL`), marks it for
 * e-mail. Pass the transaction that makes the change: the notification commits with it or not at
 * all. The e-mail worker (lib/notifications/email-jobs.ts) sends what is marked, so an e-mail is
 * never sent for a change that was rolled back, nor lost when the process stops before sending.
 */
export async function notify(tx: Database, notification: NewNotification): Promise<string> {
  const [row] = await tx
    .insert(notifications)
    .values({ ...notification, emailPending: Boolean(env().SMTP_URL) })
    .returning({ id: notifications.id });
  return row!.id;
}

/** Notifications per insert: well within PostgreSQL's 65,535 parameters a statement. */
const PER_INSERT = 1_000;

/** `notify` for many notifications, a thousand an insert, in the caller's transaction. */
export async function notifyAll(tx: Database, list: NewNotification[]): Promise<void> {
  const emailPending = Boolean(env().SMTP_URL);
  for (let i = 0; i < list.length; i += PER_INSERT) {
    await tx.insert(notifications).values(list.slice(i, i + PER_INSERT).map((n) => ({ ...n, emailPending })));
  }
}

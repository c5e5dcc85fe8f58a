import "server-only";
import type { Database } from "../../db/client";
import { insertRows } from "../../db/insert-rows";
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

/** `notify` for many notifications in one insert, in the caller's transaction: a publish can notify thousands. */
export async function notifyAll(tx: Database, list: NewNotification[]): Promise<void> {
  const emailPending = Boolean(env().SMTP_URL);
  await insertRows(tx, notifications, list.map((n) => ({ ...n, emailPending })));
}

import "server-only";
import { eq, sql } from "drizzle-orm";
import nodemailer, { type Transporter } from "nodemailer";
import type PgBoss from "pg-boss";
import { rowsOf, type Database } from "../../db/client";
import { notifications } from "../../db/schema";
import { env } from "../env";
import { getRunningJobQueue } from "../jobs/queue";
import { JOB_QUEUES } from "../jobs/queue-names";

/** An e-mail that keeps failing is given up after this many attempts (the bell still has it). */
const MAX_ATTEMPTS = 5;
const PER_PASS = 50;

type Pending = { id: string; title: string; body: string | null; href: string | null; email: string; name: string; attempts: number };

/**
 * Sends the notifications marked for e-mail, oldest first, each claimed so two workers never send
 * one twice; a failure is retried on the next pass, up to MAX_ATTEMPTS. Returns how many it sent.
 */
export async function sendPendingNotificationEmails(db: Database, { transport = smtpTransport(), baseUrl = env().APP_URL }: { transport?: Transporter | null; baseUrl?: string } = {}): Promise<number> {
  if (!transport) return 0;
  let sent = 0;
  for (;;) {
    const batch = await db.transaction(async (tx) => {
      const pending = rowsOf<Pending>(
        await tx.execute(sql`
          select n.id, n.title, n.body, n.href, u.email, u.name, n.email_attempts as attempts
          from notifications n join users u on u.id = n.user_id
          where n.email_pending and u.deactivated_at is null
          order by n.created_at limit ${PER_PASS}
          for update of n skip locked`),
      );
      for (const n of pending) {
        try {
          await transport.sendMail({
            from: env().SMTP_FROM,
            to: `${n.name} <${n.email}>`,
            subject: n.title,
            text: [n.body, n.href ? new URL(n.href, baseUrl).toString() : null].filter(Boolean).join("\n\n"),
          });
          await tx.update(notifications).set({ emailPending: false, emailedAt: new Date(), emailError: null }).where(eq(notifications.id, n.id));
          sent++;
        } catch (error) {
          const attempts = n.attempts + 1;
          await tx
            .update(notifications)
            .set({ emailAttempts: attempts, emailError: (error as Error).message.slice(0, 500), emailPending: attempts < MAX_ATTEMPTS })
            .where(eq(notifications.id, n.id));
        }
      }
      return pending.length;
    });
    if (batch < PER_PASS) return sent;
  }
}

function smtpTransport(): Transporter | null {
  const url = env().SMTP_URL;
  return url ? nodemailer.createTransport(url) : null;
}

/** Creates the e-mail queue; with `workers`, sends every minute and whenever asked. */
export async function registerNotificationEmailJobs(
  boss: PgBoss,
  { db, workers, pollingIntervalSeconds }: { db: Database; workers: boolean; pollingIntervalSeconds: number },
): Promise<Map<string, string[]>> {
  await boss.createQueue(JOB_QUEUES.notificationEmail, { name: JOB_QUEUES.notificationEmail, policy: "short", retryLimit: 1 });
  if (!workers || !env().SMTP_URL) return new Map();
  const id = await boss.work(JOB_QUEUES.notificationEmail, { pollingIntervalSeconds }, async () => {
    await sendPendingNotificationEmails(db);
  });
  await boss.schedule(JOB_QUEUES.notificationEmail, "* * * * *");
  return new Map([[JOB_QUEUES.notificationEmail, [id]]]);
}

/** Asks for the waiting e-mails to go out now rather than at the next minute. */
export async function requestNotificationEmails(): Promise<void> {
  const queue = getRunningJobQueue();
  if (!queue || !env().SMTP_URL) return;
  await queue.boss.send(JOB_QUEUES.notificationEmail, {});
  queue.wake(JOB_QUEUES.notificationEmail);
}

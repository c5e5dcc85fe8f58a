import { eq } from "drizzle-orm";
import nodemailer, { type SendMailOptions } from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { notifications } from "@/db/schema";
import { createTestDatabase } from "@/db/test-database";
import { insertUser } from "@/db/test-fixtures";
import { sendPendingNotificationEmails } from "./email-jobs";

let handle: DatabaseHandle;
let userId: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  userId = (await insertUser(handle.db, { role: "sdr", name: "Priya Shah", email: "priya@team.test" })).id;
});

afterAll(async () => {
  await handle.close();
});

const pending = (title: string) => handle.db.insert(notifications).values({ userId, kind: "mql.assigned", title, body: "Fit 80", href: "/queue?lead=x", emailPending: true }).returning();

describe("notification e-mails", () => {
  it("sends each pending notification once, with a link into the app", async () => {
    const [n] = await pending("New MQL: Dana Reyes (Northwind)");
    // nodemailer's JSON transport: the message as it would go out, without a server.
    const transport = nodemailer.createTransport({ jsonTransport: true });
    const sent: string[] = [];
    const recording = { sendMail: async (m: SendMailOptions) => { sent.push(JSON.stringify(m)); return transport.sendMail(m); } };
    expect(await sendPendingNotificationEmails(handle.db, { transport: recording as never, baseUrl: "https://handoff.example" })).toBe(1);
    expect(await sendPendingNotificationEmails(handle.db, { transport: recording as never, baseUrl: "https://handoff.example" })).toBe(0);
    expect(sent).toHaveLength(1);
    expect(JSON.parse(sent[0]!)).toMatchObject({ to: "Priya Shah <priya@team.test>", subject: "New MQL: Dana Reyes (Northwind)", text: "Fit 80\n\nhttps://handoff.example/queue?lead=x" });
    const [row] = await handle.db.select().from(notifications).where(eq(notifications.id, n!.id));
    expect(row).toMatchObject({ emailPending: false, emailError: null });
    expect(row!.emailedAt).toBeInstanceOf(Date);
  });

  it("retries a failing send and gives up after five attempts, keeping the reason", async () => {
    const [n] = await pending("Will not go out");
    const failing = { sendMail: async () => { throw new Error("connection refused"); } };
    for (let i = 0; i < 6; i++) await sendPendingNotificationEmails(handle.db, { transport: failing as never, baseUrl: "https://handoff.example" });
    const [row] = await handle.db.select().from(notifications).where(eq(notifications.id, n!.id));
    expect(row).toMatchObject({ emailPending: false, emailAttempts: 5, emailError: "connection refused", emailedAt: null });
  });
});

import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { setDatabaseHandle, type DatabaseHandle } from "@/db/client";
import { notifications } from "@/db/schema";
import { createTestDatabase } from "@/db/test-database";
import { insertUser } from "@/db/test-fixtures";

// The session is the one thing faked: the route handlers, the session checks and the database are real.
const session = vi.hoisted(() => ({ current: null as null | { user: { id: string; role: string } } }));
vi.mock("@/lib/auth", () => ({ auth: async () => session.current }));

const { GET } = await import("./route");
const { POST } = await import("./read/route");

let handle: DatabaseHandle;
let sdr: string;
let marketer: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabaseHandle(handle);
  sdr = (await insertUser(handle.db, { role: "sdr" })).id;
  marketer = (await insertUser(handle.db, { role: "marketer" })).id;
});

afterAll(async () => {
  setDatabaseHandle(undefined);
  await handle.close();
});

beforeEach(async () => {
  session.current = null;
  await handle.db.delete(notifications);
});

const signIn = (id: string, role: string) => {
  session.current = { user: { id, role } };
};

async function insert(userId: string, title: string, createdAt: string) {
  const [row] = await handle.db
    .insert(notifications)
    .values({ userId, kind: "mql.assigned", title, body: "Fit 82 · engagement 64", href: "/contacts/c1", createdAt: new Date(createdAt) })
    .returning();
  return row!;
}

const post = (body: unknown) =>
  POST(new Request("http://test/api/notifications/read", { method: "POST", headers: { "content-type": "application/json" }, body: typeof body === "string" ? body : JSON.stringify(body) }));

describe("GET /api/notifications", () => {
  it("401 without a session", async () => {
    const res = await GET();
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { code: "unauthorized:session", message: "Sign in to continue." } });
  });

  it("returns the signed-in user's notifications, newest first, with the unread count", async () => {
    await insert(sdr, "New MQL: Dana Reyes (Northwind)", "2026-03-02T09:00:00Z");
    const newest = await insert(sdr, "First touch overdue: Lee Park", "2026-03-02T10:00:00Z");
    await insert(marketer, "Someone else's", "2026-03-02T11:00:00Z");
    signIn(sdr, "sdr");

    const res = await GET();
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.unread).toBe(2);
    expect(body.items.map((n: { title: string }) => n.title)).toEqual(["First touch overdue: Lee Park", "New MQL: Dana Reyes (Northwind)"]);
    expect(body.items[0]).toEqual({
      id: newest.id,
      kind: "mql.assigned",
      title: "First touch overdue: Lee Park",
      body: "Fit 82 · engagement 64",
      href: "/contacts/c1",
      createdAt: "2026-03-02T10:00:00.000Z",
      readAt: null,
    });
  });

  it("gives every role its own bell", async () => {
    await insert(marketer, "Import finished", "2026-03-02T09:00:00Z");
    signIn(marketer, "marketer");
    const body = await (await GET()).json();
    expect(body).toMatchObject({ unread: 1, items: [{ title: "Import finished" }] });
  });
});

describe("POST /api/notifications/read", () => {
  it("401 without a session", async () => {
    expect((await post({ all: true })).status).toBe(401);
  });

  it("400 with the error shape for a body that is neither { ids } nor { all: true }", async () => {
    signIn(sdr, "sdr");
    const cases: [unknown, string][] = [
      [{}, 'Send { "ids": [notification ids] } or { "all": true }.'],
      [{ all: false }, 'Send { "ids": [notification ids] } or { "all": true }.'],
      [{ ids: [] }, "List at least one notification id"],
      [{ ids: ["not-a-uuid"] }, "Not a valid notification id"],
      [{ ids: "00000000-0000-4000-8000-000000000000" }, 'Send { "ids": [notification ids] } or { "all": true }.'],
      [{ all: true, ids: ["00000000-0000-4000-8000-000000000000"] }, 'Send { "ids": [notification ids] } or { "all": true }.'],
    ];
    for (const [body, message] of cases) {
      const res = await post(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(await res.json()).toEqual({ error: { code: "bad_request:notifications", message } });
    }
    const malformed = await post("{ids:");
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error.code).toBe("bad_request:json");
  });

  it("marks one notification read and answers the new unread count", async () => {
    const first = await insert(sdr, "One", "2026-03-02T09:00:00Z");
    await insert(sdr, "Two", "2026-03-02T10:00:00Z");
    signIn(sdr, "sdr");

    const res = await post({ ids: [first.id] });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ marked: 1, unread: 1 });
    const body = await (await GET()).json();
    expect(body.items.find((n: { id: string }) => n.id === first.id).readAt).toEqual(expect.any(String));
  });

  it("404 for another user's notification, which stays unread", async () => {
    const others = await insert(marketer, "Not yours", "2026-03-02T09:00:00Z");
    signIn(sdr, "sdr");

    const res = await post({ ids: [others.id] });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: "not_found:notification", message: "No notification with that id." } });
    const [row] = await handle.db.select().from(notifications).where(eq(notifications.id, others.id));
    expect(row!.readAt).toBeNull();
  });

  it("marks all of the user's notifications read, and only theirs", async () => {
    await insert(sdr, "One", "2026-03-02T09:00:00Z");
    await insert(sdr, "Two", "2026-03-02T10:00:00Z");
    await insert(marketer, "Not yours", "2026-03-02T09:00:00Z");
    signIn(sdr, "sdr");

    expect(await (await post({ all: true })).json()).toEqual({ marked: 2, unread: 0 });
    signIn(marketer, "marketer");
    expect((await (await GET()).json()).unread).toBe(1);
  });
});

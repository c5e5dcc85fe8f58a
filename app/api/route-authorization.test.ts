import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { setDatabaseHandle, type DatabaseHandle } from "@/db/client";
import { createTestDatabase } from "@/db/test-database";
import { insertContact, insertEvents, insertUser } from "@/db/test-fixtures";

// The session is the one thing faked: route handlers, the role checks and the database are real.
const session = vi.hoisted(() => ({ current: null as null | { user: { id: string; role: string } } }));
vi.mock("@/lib/auth", () => ({ auth: async () => session.current }));

const { GET: getUsers } = await import("./users/route");
const { GET: getTimeline } = await import("./contacts/[id]/timeline/route");

let handle: DatabaseHandle;
const ids: Record<string, string> = {};
let contactId: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabaseHandle(handle);
  for (const role of ["admin", "marketer", "sdr", "sales"] as const) ids[role] = (await insertUser(handle.db, { role })).id;
  const deactivated = await insertUser(handle.db, { role: "admin", name: "Gone" });
  ids.deactivated = deactivated.id;
  const { users } = await import("@/db/schema");
  const { eq } = await import("drizzle-orm");
  await handle.db.update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, deactivated.id));
  contactId = (await insertContact(handle.db, { email: "lead@test.dev" })).id;
  await insertEvents(handle.db, [{ contactId, type: "page_view", occurredAt: new Date(), properties: { url: "/pricing" } }]);
});

afterAll(async () => {
  setDatabaseHandle(undefined);
  await handle.close();
});

beforeEach(() => {
  session.current = null;
});

function as(role: string) {
  session.current = { user: { id: ids[role]!, role } };
}

const timelineRequest = (id: string, query = "") =>
  getTimeline(new Request(`http://test/api/contacts/${id}/timeline${query}`), { params: Promise.resolve({ id }) });

describe("GET /api/users (admins only)", () => {
  it("401 without a session", async () => {
    const res = await getUsers();
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { code: "unauthorized:session", message: "Sign in to continue." } });
  });

  for (const role of ["marketer", "sdr", "sales"]) {
    it(`403 for ${role}`, async () => {
      as(role);
      const res = await getUsers();
      expect(res.status).toBe(403);
      expect((await res.json()).error.code).toBe("forbidden:settings");
    });
  }

  it("200 for an admin", async () => {
    as("admin");
    const res = await getUsers();
    expect(res.status).toBe(200);
    expect((await res.json()).users).toHaveLength(5);
  });

  it("401 for a deactivated admin whose session cookie is still valid", async () => {
    as("deactivated");
    expect((await getUsers()).status).toBe(401);
  });

  it("uses the role in the database, not the one in the session cookie", async () => {
    session.current = { user: { id: ids.sdr!, role: "admin" } };
    expect((await getUsers()).status).toBe(403);
  });
});

describe("GET /api/contacts/:id/timeline", () => {
  it("401 without a session", async () => {
    expect((await timelineRequest(contactId)).status).toBe(401);
  });

  it("400 for a malformed id or cursor, 404 for an unknown contact", async () => {
    as("sdr");
    expect((await timelineRequest("not-a-uuid")).status).toBe(400);
    const badCursor = await timelineRequest(contactId, "?cursor=garbage");
    expect(badCursor.status).toBe(400);
    expect((await badCursor.json()).error.message).toBe("Invalid cursor");
    expect((await timelineRequest("00000000-0000-4000-8000-000000000000")).status).toBe(404);
  });

  it("returns described events to every role that reads contacts", async () => {
    for (const role of ["admin", "marketer", "sdr", "sales"]) {
      as(role);
      const res = await timelineRequest(contactId);
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body.events).toHaveLength(1);
      expect(body.events[0]).toMatchObject({ type: "page_view", category: "web", description: "Visited /pricing" });
      expect(body.nextCursor).toBeNull();
    }
  });
});

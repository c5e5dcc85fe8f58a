import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { setDatabaseHandle, type DatabaseHandle } from "@/db/client";
import { users } from "@/db/schema";
import { createTestDatabase } from "@/db/test-database";
import { insertUser } from "@/db/test-fixtures";

// The session is the one thing faked: the route handler, the role check and the database are real.
const session = vi.hoisted(() => ({ current: null as null | { user: { id: string; role: string } } }));
vi.mock("@/lib/auth", () => ({ auth: async () => session.current }));

const { GET } = await import("./route");

let handle: DatabaseHandle;
const ids: Record<string, string> = {};

beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabaseHandle(handle);
  for (const role of ["admin", "marketer", "sdr", "sales"] as const) ids[role] = (await insertUser(handle.db, { role, name: `The ${role}` })).id;
  ids.gone = (await insertUser(handle.db, { role: "sales", name: "Gone Rep" })).id;
  await handle.db.update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, ids.gone));
});

afterAll(async () => {
  setDatabaseHandle(undefined);
  await handle.close();
});

beforeEach(() => {
  session.current = null;
});

const as = (role: string) => {
  session.current = { user: { id: ids[role]!, role } };
};

describe("GET /api/sales-reps (whoever works a queue)", () => {
  it("401 without a session", async () => {
    expect((await GET()).status).toBe(401);
  });

  it("403 for a marketer, who hands nothing over", async () => {
    as("marketer");
    const res = await GET();
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe("forbidden:queue");
  });

  for (const role of ["sdr", "sales", "admin"]) {
    it(`lists only the active sales reps for ${role}`, async () => {
      as(role);
      const res = await GET();
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ reps: [{ id: ids.sales, name: "The sales", openPipeline: 0 }] });
    });
  }
});

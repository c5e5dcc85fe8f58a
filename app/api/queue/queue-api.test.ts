import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { setDatabaseHandle, type DatabaseHandle } from "@/db/client";
import { mqlRecords } from "@/db/schema";
import { createTestDatabase } from "@/db/test-database";
import { insertContact, insertUser } from "@/db/test-fixtures";

// The session is the one thing faked: route handlers, the role checks and the database are real.
const session = vi.hoisted(() => ({ current: null as null | { user: { id: string; role: string } } }));
vi.mock("@/lib/auth", () => ({ auth: async () => session.current }));

const { GET: getQueue } = await import("./route");
const { GET: getLead } = await import("./leads/[id]/route");

let handle: DatabaseHandle;
const ids: Record<string, string> = {};
const leads: Record<string, string> = {};

beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabaseHandle(handle);
  for (const role of ["admin", "marketer", "sdr", "sales"] as const) ids[role] = (await insertUser(handle.db, { role })).id;
  ids.otherSdr = (await insertUser(handle.db, { role: "sdr" })).id;
  for (const [owner, email] of [
    ["sdr", "mine@q.test"],
    ["otherSdr", "theirs@q.test"],
  ] as const) {
    const c = await insertContact(handle.db, { email, firstName: owner });
    const [r] = await handle.db
      .insert(mqlRecords)
      .values({ contactId: c.id, status: "mql", assignedRepId: ids[owner], mqlAt: new Date(), fitScore: 70, engagementScore: 50, priorityScore: 60, reason: "threshold" })
      .returning();
    leads[owner] = r!.id;
  }
});

afterAll(async () => {
  setDatabaseHandle(undefined);
  await handle.close();
});

beforeEach(() => {
  session.current = null;
});

const as = (who: string, role = who) => (session.current = { user: { id: ids[who]!, role } });
const queue = (query = "") => getQueue(new Request(`http://test/api/queue${query}`));
const lead = (id: string) => getLead(new Request(`http://test/api/queue/leads/${id}`), { params: Promise.resolve({ id }) });

describe("GET /api/queue", () => {
  it("401 signed out, 403 for a marketer", async () => {
    expect((await queue()).status).toBe(401);
    as("marketer");
    expect((await queue()).status).toBe(403);
  });

  it("gives an SDR their own queue, whatever rep they ask for", async () => {
    as("sdr");
    const body = await (await queue(`?rep=${ids.otherSdr}`)).json();
    expect(body.rows.map((r: { id: string }) => r.id)).toEqual([leads.sdr]);
    expect(body.counts).toEqual({ open: 1, overdue: 0 });
  });

  it("gives an admin everyone's, or one rep's", async () => {
    as("admin");
    expect((await (await queue()).json()).rows).toHaveLength(2);
    expect((await (await queue(`?rep=${ids.otherSdr}`)).json()).rows.map((r: { id: string }) => r.id)).toEqual([leads.otherSdr]);
  });

  it("400 on a forged cursor", async () => {
    as("sdr");
    const res = await queue("?cursor=not-a-cursor");
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe("bad_request:queue");
  });
});

describe("GET /api/queue/leads/:id", () => {
  it("shows an SDR their lead, with the version to act on and no reps to reassign to", async () => {
    as("sdr");
    const body = await (await lead(leads.sdr!)).json();
    expect(body.record).toMatchObject({ id: leads.sdr, version: 0 });
    expect(body.reps).toEqual([]);
    expect(body.rejectionReasons.length).toBeGreaterThan(0);
  });

  it("is a 404 for another SDR's lead, so ids cannot be probed", async () => {
    as("sdr");
    const res = await lead(leads.otherSdr!);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: "not_found:lead", message: "No such lead in your queue." } });
  });

  it("lets an admin read any lead, with the reps to reassign to", async () => {
    as("admin");
    const body = await (await lead(leads.otherSdr!)).json();
    expect(body.record.id).toBe(leads.otherSdr);
    expect(body.reps.map((r: { id: string }) => r.id)).toContain(ids.sdr);
  });

  it("refuses a marketer and a malformed id", async () => {
    as("marketer");
    expect((await lead(leads.sdr!)).status).toBe(403);
    as("sdr");
    expect((await lead("nope")).status).toBe(400);
  });
});

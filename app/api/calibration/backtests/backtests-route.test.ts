import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { rowsOf, setDatabaseHandle, type DatabaseHandle } from "@/db/client";
import { createTestDatabase } from "@/db/test-database";
import { insertUser } from "@/db/test-fixtures";
import { ensureWorkspaceDefaults } from "@/db/seed/defaults";

// The session is the one thing faked: the handlers, the role checks and the database are real.
const session = vi.hoisted(() => ({ current: null as null | { user: { id: string; role: string } } }));
vi.mock("@/lib/auth", () => ({ auth: async () => session.current }));

const { GET: latest, POST: create } = await import("./route");
const { GET: one } = await import("./[id]/route");

let handle: DatabaseHandle;
const ids: Record<string, string> = {};
let draftId: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabaseHandle(handle);
  await ensureWorkspaceDefaults(handle.db);
  for (const role of ["admin", "marketer", "sdr", "sales"] as const) ids[role] = (await insertUser(handle.db, { role })).id;
  const [draft] = rowsOf<{ id: string }>(
    await handle.db.execute(sql`
      insert into scoring_model_versions (version, name, status, definition)
      select max(version) + 1, 'Draft', 'draft', (select definition from scoring_model_versions where status = 'published' limit 1) from scoring_model_versions
      returning id`),
  );
  draftId = draft!.id;
});

afterAll(async () => {
  setDatabaseHandle(undefined);
  await handle.close();
});

beforeEach(() => {
  session.current = null;
});

const as = (role: string) => (session.current = { user: { id: ids[role]!, role } });
const post = (body: unknown) => create(new Request("http://test/api/calibration/backtests", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }));
const count = async () => rowsOf<{ n: number }>(await handle.db.execute(sql`select count(*)::int as n from backtests`))[0]!.n;

describe("the backtest endpoints", () => {
  it("queue a backtest for marketers and admins only, and refuse bad input without writing anything", async () => {
    expect((await post({ draftId, months: 6 })).status).toBe(401);
    as("sdr");
    expect((await post({ draftId, months: 6 })).status).toBe(403);
    as("sales");
    expect((await post({ draftId, months: 6 })).status).toBe(403);
    as("marketer");
    const bad = await post({ draftId, months: 5 });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/months is one of 3, 6, 12, 24/);
    expect((await post({ draftId: "nope", months: 6 })).status).toBe(400);
    const published = rowsOf<{ id: string }>(await handle.db.execute(sql`select id from scoring_model_versions where status = 'published' limit 1`))[0]!.id;
    const notDraft = await post({ draftId: published, months: 6 });
    expect(notDraft.status).toBe(400);
    expect((await notDraft.json()).error.message).toMatch(/not a draft/);
    expect(await count()).toBe(0);

    const queued = await post({ draftId, months: 12 });
    expect(queued.status).toBe(202);
    const body = await queued.json();
    expect(body).toMatchObject({ draftVersionId: draftId, months: 12, status: "queued" });
    expect(await count()).toBe(1);

    as("admin");
    expect((await post({ draftId, months: 3 })).status).toBe(202);
  });

  it("show a backtest to those who may calibrate", async () => {
    const [row] = rowsOf<{ id: string }>(await handle.db.execute(sql`select id from backtests order by created_at desc limit 1`));
    const byId = (id: string) => one(new Request(`http://test/api/calibration/backtests/${id}`), { params: Promise.resolve({ id }) });
    const forDraft = (id: string) => latest(new Request(`http://test/api/calibration/backtests?draftId=${id}`));
    as("sales");
    expect((await byId(row!.id)).status).toBe(403);
    expect((await forDraft(draftId)).status).toBe(403);
    as("marketer");
    expect((await byId(row!.id)).status).toBe(200);
    expect((await byId("00000000-0000-0000-0000-000000000000")).status).toBe(404);
    expect((await byId("x")).status).toBe(400);
    expect(await (await forDraft(draftId)).json()).toMatchObject({ id: row!.id, months: 3 });
    expect(await (await forDraft("00000000-0000-0000-0000-000000000000")).json()).toBeNull();
  });
});

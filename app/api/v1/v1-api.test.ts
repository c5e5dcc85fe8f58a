import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, rowsOf, setDatabaseHandle, type DatabaseHandle } from "@/db/client";
import { contacts, contactScores, engagementEvents, mqlRecords, stageTransitions, webhookDeliveries, webhooks } from "@/db/schema";
import { createTestDatabase } from "@/db/test-database";
import { createApiKey, revokeApiKey } from "@/lib/api-keys/store";
import { resetRateLimits } from "@/lib/api/rate-limit";
import { drainRefreshQueue } from "@/lib/ingest/refresh-contacts";
import { sql } from "drizzle-orm";
import { POST as postContacts } from "./contacts/route";
import { GET as getContact } from "./contacts/[ref]/route";
import { POST as postEvents } from "./events/route";
import { POST as postStageChanges } from "./stage-changes/route";

let handle: DatabaseHandle;
const keys: Record<string, string> = {};

beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabaseHandle(handle);
  keys.ingest = (await createApiKey(handle.db, { name: "ingest", scopes: ["ingest"] })).key;
  keys.read = (await createApiKey(handle.db, { name: "read", scopes: ["read"] })).key;
  keys.admin = (await createApiKey(handle.db, { name: "admin", scopes: ["admin"] })).key;
  const revoked = await createApiKey(handle.db, { name: "revoked", scopes: ["ingest", "read"] });
  await revokeApiKey(handle.db, revoked.apiKey.id);
  keys.revoked = revoked.key;
});

afterAll(async () => {
  setDatabaseHandle(undefined);
  await handle.close();
});

beforeEach(() => resetRateLimits());

const noParams = { params: Promise.resolve({}) };

function post(handler: typeof postContacts, body: unknown, key: string | null = keys.ingest!, raw?: string) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (key) headers.authorization = `Bearer ${key}`;
  return handler(new Request("http://test/api/v1", { method: "POST", headers, body: raw ?? JSON.stringify(body) }), noParams);
}

function get(ref: string, key: string | null = keys.read!) {
  const headers: Record<string, string> = key ? { authorization: `Bearer ${key}` } : {};
  return getContact(new Request(`http://test/api/v1/contacts/${ref}`, { headers }), { params: Promise.resolve({ ref }) });
}

const event = (id: string, email: string, type: string, occurredAt: string, properties?: object) => ({ id, source: "test", type, email, occurredAt, properties });

describe("authentication, scopes and limits", () => {
  it("401 without a key, with a wrong key and with a revoked key", async () => {
    for (const key of [null, "hk_nope", keys.revoked!]) {
      const res = await post(postContacts, { contacts: [{ email: "a@b.co" }] }, key);
      expect(res.status).toBe(401);
      expect((await res.json()).error.code).toBe("unauthorized:api_key");
    }
  });

  it("stops accepting a key the moment it is revoked, even one it just accepted", async () => {
    const { key, apiKey } = await createApiKey(handle.db, { name: "short-lived", scopes: ["read"] });
    expect((await get("nobody@nowhere.test", key)).status).toBe(404);
    await revokeApiKey(handle.db, apiKey.id);
    expect((await get("nobody@nowhere.test", key)).status).toBe(401);
  });

  it("403 without the scope; admin implies every scope", async () => {
    const res = await post(postEvents, { events: [] }, keys.read!);
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: { code: "forbidden:ingest", message: 'This API key lacks the "ingest" scope.' } });
    expect((await get("someone@nowhere.test", keys.ingest!)).status).toBe(403);
    expect((await post(postContacts, { contacts: [{ email: "admin-made@x.test" }] }, keys.admin!)).status).toBe(200);
  });

  it("413 beyond 1,000 items or 5 MB, before touching the database", async () => {
    const many = Array.from({ length: 1001 }, (_, i) => ({ email: `p${i}@big.test` }));
    const res = await post(postContacts, { contacts: many });
    expect(res.status).toBe(413);
    expect((await res.json()).error.message).toBe("At most 1000 contacts per request; this one has 1001.");
    const huge = await post(postContacts, null, keys.ingest!, JSON.stringify({ contacts: [{ email: "x@y.z", properties: { blob: "x".repeat(6 * 1024 * 1024) } }] }));
    expect(huge.status).toBe(413);
    const [row] = rowsOf<{ n: number }>(await handle.db.execute(sql`select count(*)::int as n from contacts where email like '%@big.test'`));
    expect(row!.n).toBe(0);
  });

  it("400 for malformed JSON, saying where", async () => {
    const res = await post(postContacts, null, keys.ingest!, '{"contacts": [\n  {"email": "a@b.co",}\n]}');
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe("bad_request:json");
    expect(body.error.message).toMatch(/^Malformed JSON at line 2, column \d+/);
  });

  it("400 for a body that is not the expected envelope", async () => {
    const res = await post(postEvents, { contacts: [] });
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/^events: /);
  });

  it("429 with Retry-After past the per-key rate limit", async () => {
    process.env.API_RATE_LIMIT_PER_MINUTE = "30"; // bursts of 3
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await get("nobody@nowhere.test")).status);
      expect(statuses.slice(0, 3)).toEqual([404, 404, 404]);
      const limited = await get("nobody@nowhere.test");
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    } finally {
      delete process.env.API_RATE_LIMIT_PER_MINUTE;
    }
  });
});

describe("POST /api/v1/contacts", () => {
  it("upserts by email case-insensitively and finds or creates the account by domain", async () => {
    const first = await post(postContacts, {
      contacts: [
        { email: "Dana.Lee@Acme-Analytics.io", firstName: "Dana", title: "VP Marketing", account: { name: "Acme Analytics", employees: 800 } },
        { email: "not-an-email" },
        { email: "sam@gmail.com", firstName: "Sam" },
      ],
    });
    expect(first.status).toBe(200);
    const { results } = await first.json();
    expect(results.map((r: { status: string }) => r.status)).toEqual(["created", "error", "created"]);
    expect(results[1]).toMatchObject({ index: 1, error: "email: Not a valid email address" });

    const again = await (await post(postContacts, { contacts: [{ email: "dana.lee@acme-analytics.io", lastName: "Lee" }] })).json();
    expect(again.results[0]).toMatchObject({ status: "updated", id: results[0].id });

    const dana = await (await get("DANA.LEE@acme-analytics.io")).json();
    expect(dana).toMatchObject({ firstName: "Dana", lastName: "Lee", title: "VP Marketing", account: { domain: "acme-analytics.io", name: "Acme Analytics", employees: 800 } });
    const sam = await (await get(results[2].id)).json();
    expect(sam.account).toBeNull(); // free-mail domains make no account
  });
});

describe("POST /api/v1/events", () => {
  const batch = [
    event("e-1", "riley@globex.test", "page_view", "2026-03-02T10:00:00Z", { url: "/pricing" }),
    event("e-2", "riley@globex.test", "email_open", "2026-03-01T09:00:00Z", { subject: "Hello" }),
    { id: "e-3", source: "test", type: "Page View", email: "riley@globex.test", occurredAt: "2026-03-03T10:00:00Z" },
    event("e-1", "riley@globex.test", "page_view", "2026-03-02T10:00:00Z", { url: "/pricing" }),
    event("e-4", "riley@globex.test", "form_submit", "yesterday"),
    event("e-5", "riley@globex.test", "form_submit", "2025-02-30T10:00:00Z"),
    { ...event("e-6", "riley@globex.test", "note", "2026-03-04T10:00:00Z"), properties: ["not", "an", "object"] },
  ];

  it("stores good items next to per-item errors, and an unknown email creates the contact", async () => {
    const body = await (await post(postEvents, { events: batch })).json();
    expect(body).toMatchObject({ stored: 2, duplicates: 1, errors: 4 });
    expect(body.results.map((r: { status: string }) => r.status)).toEqual(["stored", "stored", "error", "duplicate", "error", "error", "error"]);
    expect(body.results[2].error).toMatch(/^type: Event types are lower-case/);
    expect(body.results[4].error).toMatch(/^occurredAt: Use an ISO 8601/);
    // Date.parse would roll it over to March 2; an impossible date is a mistake to report.
    expect(body.results[5].error).toBe("occurredAt: “2025-02-30T10:00:00Z” is not a date on the calendar");
    expect(body.results[6].error).toBe("properties: Properties must be a JSON object");
    const riley = await (await get("riley@globex.test")).json();
    expect(riley.account).toMatchObject({ domain: "globex.test", name: "Globex" });
  });

  it("stores a batch sent three times once", async () => {
    const replay = [event("r-1", "replay@globex.test", "email_click", "2026-03-05T10:00:00Z"), event("r-2", "replay@globex.test", "webinar_attended", "2026-03-06T10:00:00Z")];
    const outcomes = [];
    for (let i = 0; i < 3; i++) outcomes.push(await (await post(postEvents, { events: replay })).json());
    expect(outcomes.map((o) => [o.stored, o.duplicates])).toEqual([[2, 0], [0, 2], [0, 2]]);
    const [row] = rowsOf<{ n: number }>(await handle.db.execute(sql`select count(*)::int as n from engagement_events where external_id like 'r-%'`));
    expect(row!.n).toBe(2);
  });

  it("accepts late, out-of-order events and keeps the timeline and last activity right", async () => {
    await post(postEvents, { events: [event("o-2", "order@globex.test", "page_view", "2026-04-10T10:00:00Z")] });
    await post(postEvents, { events: [event("o-1", "order@globex.test", "page_view", "2026-04-01T10:00:00Z"), event("o-3", "order@globex.test", "unsubscribe", "2026-04-05T10:00:00Z")] });
    // Derived fields are refreshed by the background job that drains the queue ingest fills.
    const queued = rowsOf<{ n: number }>(await handle.db.execute(sql`select count(*)::int as n from contact_refresh_queue`))[0]!.n;
    expect(queued).toBeGreaterThan(0);
    expect(await drainRefreshQueue(handle.db)).toBe(queued);
    expect(rowsOf<{ n: number }>(await handle.db.execute(sql`select count(*)::int as n from contact_refresh_queue`))[0]!.n).toBe(0);
    const [stamped] = await handle.db
      .select({ unsubscribedAt: contactScores.unsubscribedAt })
      .from(contacts)
      .innerJoin(contactScores, eq(contactScores.contactId, contacts.id))
      .where(eq(contacts.email, "order@globex.test"));
    expect(stamped!.unsubscribedAt?.toISOString()).toBe("2026-04-05T10:00:00.000Z");
    const profile = await (await get("order@globex.test")).json();
    expect(profile.recentEvents.map((e: { externalId: string }) => e.externalId)).toEqual(["o-2", "o-3", "o-1"]);
    expect(new Date(profile.lastActivityAt).toISOString()).toBe("2026-04-10T10:00:00.000Z");
  });

  it("refuses an unknown contactId per item", async () => {
    const body = await (await post(postEvents, { events: [{ id: "x-1", source: "test", type: "note", contactId: "00000000-0000-4000-8000-000000000000", occurredAt: "2026-03-01T00:00:00Z" }] })).json();
    expect(body.results[0]).toEqual({ index: 0, status: "error", error: "No contact with id 00000000-0000-4000-8000-000000000000" });
  });

  it("works on the very first request of a fresh connection", async () => {
    if (handle.kind !== "postgres") return;
    const url = new URL(process.env.DATABASE_URL!);
    const name = (await handle.client`select current_database() as db`)[0]!.db as string;
    url.pathname = `/${name}`;
    const cold = await openDatabase({ url: url.toString(), max: 1 });
    setDatabaseHandle(cold);
    try {
      const body = await (await post(postEvents, { events: [event("cold-1", "cold@globex.test", "page_view", "2026-03-01T00:00:00Z")] })).json();
      expect(body.stored).toBe(1);
    } finally {
      setDatabaseHandle(handle);
      await cold.close();
    }
  });
});

describe("POST /api/v1/stage-changes", () => {
  it("records history with its own dates: mql opens a record, later stages stamp it, forward jumps count", async () => {
    const body = await (
      await post(postStageChanges, {
        changes: [
          { email: "hist@initech.test", to: "mql", at: "2025-01-10T09:00:00Z" },
          { email: "hist@initech.test", to: "customer", at: "2025-03-01T09:00:00Z", reason: "Closed won" },
        ],
      })
    ).json();
    expect(body.results.map((r: { status: string; historical?: boolean }) => [r.status, r.historical])).toEqual([
      ["changed", true],
      ["changed", true],
    ]);
    const contactId = body.results[0].contactId;
    const [record] = await handle.db.select().from(mqlRecords).where(eq(mqlRecords.contactId, contactId));
    expect(record).toMatchObject({ status: "customer", reason: "import" });
    expect(record!.mqlAt.toISOString()).toBe("2025-01-10T09:00:00.000Z");
    // The jump passed SAL, SQL and opportunity on its way to customer.
    for (const stamp of [record!.acceptedAt, record!.sqlAt, record!.opportunityAt, record!.wonAt]) {
      expect(stamp?.toISOString()).toBe("2025-03-01T09:00:00.000Z");
    }
    const transitions = await handle.db.select().from(stageTransitions).where(eq(stageTransitions.contactId, contactId));
    expect(transitions.map((t) => `${t.fromStage}→${t.toStage}`).sort()).toEqual(["lead→mql", "mql→customer"]);
    expect(transitions.every((t) => t.actorType === "api_key")).toBe(true);
  });

  it("refuses backwards moves per item, naming the current stage, and changes nothing", async () => {
    await post(postStageChanges, { changes: [{ email: "back@initech.test", to: "sql", at: "2025-05-01T09:00:00Z" }] });
    const body = await (
      await post(postStageChanges, {
        changes: [
          { email: "back@initech.test", to: "mql", at: "2025-05-02T09:00:00Z" },
          { email: "back@initech.test", to: "sql", at: "2025-05-02T09:00:00Z" },
          { email: "back@initech.test", to: "purple", at: "2025-05-02T09:00:00Z" },
        ],
      })
    ).json();
    expect(body.results[0]).toMatchObject({ status: "error", error: "Cannot move a contact from SQL to MQL: that would go backwards (the contact is SQL)." });
    expect(body.results[1]).toMatchObject({ status: "unchanged", stage: "sql" });
    expect(body.results[2].error).toMatch(/^to: Stage must be one of/);
    const [c] = await handle.db.select().from(contacts).where(eq(contacts.email, "back@initech.test"));
    expect(c!.stage).toBe("sql");
  });

  it("reports a replayed history as unchanged and records nothing twice", async () => {
    const history = {
      changes: [
        { email: "replay-history@initech.test", to: "mql", at: "2025-03-01T09:00:00Z" },
        { email: "replay-history@initech.test", to: "sql", at: "2025-03-08T09:00:00Z" },
        { email: "replay-history@initech.test", to: "customer", at: "2025-04-20T09:00:00Z" },
      ],
    };
    const first = await (await post(postStageChanges, history)).json();
    expect(first.results.map((r: { status: string }) => r.status)).toEqual(["changed", "changed", "changed"]);
    const again = await (await post(postStageChanges, history)).json();
    expect(again.results).toEqual([0, 1, 2].map((index) => expect.objectContaining({ index, status: "unchanged", stage: "customer" })));
    const [c] = await handle.db.select().from(contacts).where(eq(contacts.email, "replay-history@initech.test"));
    expect(await handle.db.select().from(stageTransitions).where(eq(stageTransitions.contactId, c!.id))).toHaveLength(3);
    expect(await handle.db.select().from(mqlRecords).where(eq(mqlRecords.contactId, c!.id))).toHaveLength(1);
  });

  it("a recycled contact that qualifies again opens a second record", async () => {
    await post(postStageChanges, {
      changes: [
        { email: "twice@initech.test", to: "mql", at: "2025-01-01T00:00:00Z" },
        { email: "twice@initech.test", to: "rejected", at: "2025-01-05T00:00:00Z", reason: "no_budget" },
        { email: "twice@initech.test", to: "mql", at: "2025-06-01T00:00:00Z" },
      ],
    });
    const [c] = await handle.db.select().from(contacts).where(eq(contacts.email, "twice@initech.test"));
    const records = await handle.db.select().from(mqlRecords).where(eq(mqlRecords.contactId, c!.id)).orderBy(mqlRecords.mqlAt);
    expect(records.map((r) => [r.status, r.rejectionReason])).toEqual([
      ["rejected", "no_budget"],
      ["mql", null],
    ]);
    expect(c!.stage).toBe("mql");
  });

  it("announces live changes to subscribed webhooks and keeps history quiet", async () => {
    const [hook] = await handle.db
      .insert(webhooks)
      .values({ url: "http://127.0.0.1:9/hook", secret: "s".repeat(32), eventTypes: ["mql.created", "stage.changed", "lead.accepted"] })
      .returning();
    await post(postStageChanges, { changes: [{ email: "old@initech.test", to: "mql", at: "2024-01-01T00:00:00Z" }] });
    expect(await handle.db.select().from(webhookDeliveries)).toHaveLength(0);
    const now = new Date().toISOString();
    await post(postStageChanges, {
      changes: [
        { email: "live@initech.test", to: "mql", at: now },
        { email: "live@initech.test", to: "sal", at: now },
      ],
    });
    const deliveries = await handle.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.webhookId, hook!.id));
    expect(deliveries.map((d) => d.eventType).sort()).toEqual(["lead.accepted", "mql.created", "stage.changed", "stage.changed"]);
    expect(deliveries.find((d) => d.eventType === "lead.accepted")!.payload).toMatchObject({ type: "lead.accepted", data: { email: "live@initech.test", from: "mql", to: "sal" } });
  });

  it("refuses a change dated in the future and an unknown owner", async () => {
    const body = await (
      await post(postStageChanges, {
        changes: [
          { email: "future@initech.test", to: "mql", at: new Date(Date.now() + 86_400_000).toISOString() },
          { email: "future@initech.test", to: "mql", at: "2025-01-01T00:00:00Z", owner: "ghost@nowhere.test" },
        ],
      })
    ).json();
    expect(body.results.map((r: { error: string }) => r.error)).toEqual([
      "The change is dated in the future.",
      "No Handoff user with the email ghost@nowhere.test.",
    ]);
  });
});

describe("GET /api/v1/contacts/:ref", () => {
  it("returns scores with their breakdown and the latest events", async () => {
    await post(postEvents, { events: [event("g-1", "profile@umbrella.test", "demo_request", new Date().toISOString())] });
    await drainRefreshQueue(handle.db);
    const res = await get("profile@umbrella.test");
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.recentEvents[0]).toMatchObject({ type: "demo_request", description: "Requested a demo" });
    // Stored by the rescoring that followed the event, under the default model (version 1).
    expect(body.scores).toMatchObject({ engagement: expect.closeTo(30, 3), modelVersion: 1 });
    expect(body.scores.breakdown.engagement.contributions).toEqual([
      expect.objectContaining({ ruleId: "demo", label: "Requested a demo", points: expect.closeTo(30, 3) }),
    ]);
    expect(body.scores.breakdown.engagement.score).toBeCloseTo(body.scores.engagement, 3);
  });

  it("400 for a malformed reference, 404 for an unknown contact", async () => {
    expect((await get("not a ref")).status).toBe(400);
    expect((await get("00000000-0000-4000-8000-000000000000")).status).toBe(404);
  });
});

it("stores events for the contacts it names and no others", async () => {
  const [n] = rowsOf<{ n: number }>(await handle.db.execute(sql`select count(*)::int as n from ${engagementEvents} e left join ${contacts} c on c.id = e.contact_id where c.id is null`));
  expect(n!.n).toBe(0);
});

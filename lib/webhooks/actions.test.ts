import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { setDatabaseHandle, type DatabaseHandle } from "@/db/client";
import { webhookDeliveries, webhooks } from "@/db/schema";
import { createTestDatabase } from "@/db/test-database";
import { insertUser } from "@/db/test-fixtures";
import { createWebhook, listWebhooks } from "./manage-webhooks";

// The session is the one thing faked: the actions, the role checks and the database are real.
const session = vi.hoisted(() => ({ current: null as null | { user: { id: string; role: string } } }));
vi.mock("@/lib/auth", () => ({ auth: async () => session.current }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
// As next.config.ts's `authInterrupts` does in the app: forbidden() throws its 403 marker.
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";

const { createWebhookAction, deleteWebhookAction, sendTestWebhookAction, setWebhookEnabledAction } = await import("./actions");
const { GET: getDeliveries } = await import("@/app/api/webhooks/[id]/deliveries/route");

let handle: DatabaseHandle;
const ids: Record<string, string> = {};

beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabaseHandle(handle);
  for (const role of ["admin", "marketer", "sdr", "sales"] as const) ids[role] = (await insertUser(handle.db, { role })).id;
});

afterAll(async () => {
  setDatabaseHandle(undefined);
  await handle.close();
});

beforeEach(async () => {
  session.current = null;
  await handle.db.delete(webhooks);
});

const as = (role: string) => (session.current = { user: { id: ids[role]!, role } });

function form(fields: Record<string, string | string[]>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) data.append(key, v);
  return data;
}

const validForm = () => form({ url: "https://crm.example.com/hooks/handoff", eventTypes: ["mql.created", "lead.accepted"], description: "CRM sync", secret: "" });
const FORBIDDEN = "NEXT_HTTP_ERROR_FALLBACK;403";
const deliveriesOf = (id: string) => getDeliveries(new Request(`http://test/api/webhooks/${id}/deliveries`), { params: Promise.resolve({ id }) });

describe("webhook settings refuse everyone but admins", () => {
  for (const role of ["marketer", "sdr", "sales"]) {
    it(`${role}: every action is forbidden and changes nothing`, async () => {
      const existing = await createWebhook(handle.db, { url: "https://a.example.com/h", eventTypes: ["mql.created"] });
      as(role);
      await expect(createWebhookAction(undefined, validForm())).rejects.toThrow(FORBIDDEN);
      await expect(setWebhookEnabledAction(existing.id, false)).rejects.toThrow(FORBIDDEN);
      await expect(sendTestWebhookAction(existing.id)).rejects.toThrow(FORBIDDEN);
      await expect(deleteWebhookAction(existing.id)).rejects.toThrow(FORBIDDEN);
      expect((await deliveriesOf(existing.id)).status).toBe(403);

      const rows = await handle.db.select().from(webhooks);
      expect(rows).toHaveLength(1);
      expect(rows[0]!.disabledAt).toBeNull();
      expect(await handle.db.select().from(webhookDeliveries)).toHaveLength(0);
    });
  }

  it("signed out: actions send to sign-in, the log answers 401", async () => {
    const existing = await createWebhook(handle.db, { url: "https://a.example.com/h", eventTypes: ["mql.created"] });
    await expect(createWebhookAction(undefined, validForm())).rejects.toThrow("NEXT_REDIRECT");
    await expect(deleteWebhookAction(existing.id)).rejects.toThrow("NEXT_REDIRECT");
    expect((await deliveriesOf(existing.id)).status).toBe(401);
    expect(await handle.db.select().from(webhooks)).toHaveLength(1);
  });
});

describe("webhook settings for an admin", () => {
  it("creates a webhook and returns a generated secret once", async () => {
    as("admin");
    const state = await createWebhookAction(undefined, validForm());
    expect(state?.created?.secret).toMatch(/^whsec_[\w-]{43}$/);
    const [row] = await handle.db.select().from(webhooks);
    expect(row).toMatchObject({ url: "https://crm.example.com/hooks/handoff", eventTypes: ["mql.created", "lead.accepted"], description: "CRM sync", createdById: ids.admin });
    expect(row!.secret).toBe(state?.created?.secret);
  });

  it("keeps a secret the admin pastes, if it is long enough", async () => {
    as("admin");
    const short = await createWebhookAction(undefined, form({ url: "https://x.example.com/h", eventTypes: "mql.created", secret: "too-short" }));
    expect(short?.fieldErrors?.secret).toBe("Use a secret of at least 16 characters, or leave it empty to generate one.");
    const own = await createWebhookAction(undefined, form({ url: "https://x.example.com/h", eventTypes: "mql.created", secret: "  my-own-secret-of-24-chars " }));
    expect(own?.created?.secret).toBe("my-own-secret-of-24-chars");
  });

  it("refuses URLs that are not http(s), carry credentials or are malformed, and empty event lists", async () => {
    as("admin");
    const cases: [Record<string, string | string[]>, string, string][] = [
      [{ url: "ftp://files.example.com/in", eventTypes: "mql.created" }, "url", "Only http:// and https:// URLs can receive webhooks."],
      [{ url: "https://user:pass@crm.example.com/h", eventTypes: "mql.created" }, "url", "Remove the user name and password from the URL: receivers check the signature instead."],
      [{ url: "crm.example.com/h", eventTypes: "mql.created" }, "url", "Enter a full URL, such as https://example.com/hooks/handoff."],
      [{ url: "", eventTypes: "mql.created" }, "url", "Enter the URL that receives the events."],
      [{ url: "https://crm.example.com/h" }, "eventTypes", "Choose at least one event."],
      [{ url: "https://crm.example.com/h", eventTypes: "contact.deleted" }, "eventTypes", "Unknown event type."],
    ];
    for (const [fields, field, message] of cases) {
      const state = await createWebhookAction(undefined, form(fields));
      expect(state?.fieldErrors?.[field as "url"], JSON.stringify(fields)).toBe(message);
    }
    expect(await handle.db.select().from(webhooks)).toHaveLength(0);
  });

  it("disables, enables, sends a test, deletes — with clear errors for bad ids", async () => {
    as("admin");
    const { id } = await createWebhook(handle.db, { url: "https://a.example.com/h", eventTypes: ["lead.rejected"] });
    expect(await setWebhookEnabledAction(id, false)).toEqual({ ok: true });
    expect(await sendTestWebhookAction(id)).toEqual({ ok: false, error: "Enable the webhook before sending a test event." });
    expect(await setWebhookEnabledAction(id, true)).toEqual({ ok: true });
    expect(await sendTestWebhookAction(id)).toMatchObject({ ok: true });

    const res = await deliveriesOf(id);
    expect(res.status).toBe(200);
    expect((await res.json()).deliveries).toEqual([expect.objectContaining({ eventType: "ping", status: "pending", attempts: 0 })]);
    const [listed] = await listWebhooks(handle.db);
    expect(listed).toMatchObject({ id, url: "https://a.example.com/h", eventTypes: ["lead.rejected"], disabledAt: null, lastDelivery: { status: "pending", attempts: 0 } });
    expect(listed!.lastDelivery!.createdAt).toBeInstanceOf(Date);
    expect(listed).not.toHaveProperty("secret");

    expect(await setWebhookEnabledAction("not-an-id", true)).toEqual({ ok: false, error: "Not a valid webhook id." });
    expect(await deleteWebhookAction(id)).toEqual({ ok: true });
    expect(await deleteWebhookAction(id)).toEqual({ ok: false, error: "That webhook was already deleted." });
    expect(await handle.db.select().from(webhookDeliveries)).toHaveLength(0);
  });
});

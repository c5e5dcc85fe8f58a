import Papa from "papaparse";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { setDatabaseHandle, type DatabaseHandle } from "@/db/client";
import { createTestDatabase } from "@/db/test-database";
import { insertAccount, insertContact, insertUser } from "@/db/test-fixtures";

const session = vi.hoisted(() => ({ current: null as null | { user: { id: string; role: string } } }));
vi.mock("@/lib/auth", () => ({ auth: async () => session.current }));

const { GET: exportContacts } = await import("./route");

let handle: DatabaseHandle;
const ids: Record<string, string> = {};
const BULK = 2_345;

beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabaseHandle(handle);
  for (const role of ["admin", "marketer", "sdr", "sales"] as const) ids[role] = (await insertUser(handle.db, { role })).id;
  const acme = await insertAccount(handle.db, { name: "Acme, \"The\" Company", domain: "acme.test", employees: 250 });
  await insertContact(handle.db, {
    email: "eve@acme.test",
    firstName: "=HYPERLINK(\"http://evil.test\")",
    lastName: "O'Brien, Jr.",
    title: "Head of\nGrowth",
    phone: "+1 (555) 010-0199",
    stage: "mql",
    fitScore: 81.25,
    accountId: acme.id,
    ownerId: ids.sdr,
  });
  await insertContact(handle.db, { email: "zoë@acme.test", firstName: "Zoë", stage: "customer", accountId: acme.id });
  // Many contacts sharing one creation instant and one fractional score: the export's keyset walk
  // must return each exactly once across pages, in both orders.
  await handle.db.execute(sql`
    insert into contacts (email, first_name, stage, created_at)
    select 'bulk' || g || '@bulk.test', 'Bulk ' || g, 'lead', '2025-06-01T10:00:00.123456Z'::timestamptz
    from generate_series(1, ${BULK}) g`);
  await handle.db.execute(sql`update contact_scores set fit_score = 33.3 where contact_id in (select id from contacts where email like '%@bulk.test')`);
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

async function download(query = "") {
  const res = await exportContacts(new Request(`http://test/api/contacts/export${query}`));
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await res.arrayBuffer());
  return { res, text, rows: Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data };
}

describe("GET /api/contacts/export", () => {
  it("streams the filtered contacts as an attachment with escaped cells", async () => {
    as("marketer");
    const { res, text, rows } = await download("?stage=mql&cursor=ignored&page=3");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="contacts-mql-\d{4}-\d{2}-\d{2}\.csv"/);
    expect(text.startsWith("\uFEFFEmail,First Name,Last Name,Job Title,")).toBe(true);
    const [header, eve, ...rest] = rows;
    expect(rest).toEqual([]);
    const cell = (name: string) => eve![header!.indexOf(name)];
    expect(cell("Email")).toBe("eve@acme.test");
    // A formula is neutralised for spreadsheets; a phone number with "+" is left alone.
    expect(cell("First Name")).toBe(`'=HYPERLINK("http://evil.test")`);
    expect(cell("Last Name")).toBe("O'Brien, Jr.");
    expect(cell("Job Title")).toBe("Head of\nGrowth");
    expect(cell("Phone Number")).toBe("+1 (555) 010-0199");
    expect(cell("Company Name")).toBe('Acme, "The" Company');
    expect(cell("Number of Employees")).toBe("250");
    expect(cell("Lifecycle Stage")).toBe("mql");
    expect(cell("Fit Score")).toBe("81.3");
    expect(cell("Owner Email")).toMatch(/^sdr-/);
    expect(text).toContain('"Head of\nGrowth"');
  });

  it("exports every matching contact exactly once across pages, whatever the order", async () => {
    as("admin");
    for (const sort of ["created", "fit"]) {
      const { rows } = await download(`?sort=${sort}`);
      const emails = rows.slice(1).map((r) => r[0]);
      expect(emails, sort).toHaveLength(BULK + 2);
      expect(new Set(emails).size, sort).toBe(BULK + 2);
    }
    const { rows } = await download("?q=zo%C3%AB");
    expect(rows.slice(1).map((r) => r[0])).toEqual(["zoë@acme.test"]);
  });

  it("400 for filters that do not work together", async () => {
    as("marketer");
    const res = await exportContacts(new Request("http://test/api/contacts/export?fitMin=90&fitMax=10"));
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toBe("The minimum fit is above the maximum");
  });

  it("401 signed out, 403 for roles without contacts:export", async () => {
    expect((await exportContacts(new Request("http://test/api/contacts/export"))).status).toBe(401);
    for (const role of ["sdr", "sales"]) {
      as(role);
      const res = await exportContacts(new Request("http://test/api/contacts/export"));
      expect(res.status, role).toBe(403);
      expect((await res.json()).error.code).toBe("forbidden:contacts");
    }
  });
});

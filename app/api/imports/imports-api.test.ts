import { existsSync, readdirSync } from "node:fs";
import Papa from "papaparse";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { setDatabaseHandle, type DatabaseHandle } from "@/db/client";
import { createTestDatabase } from "@/db/test-database";
import { insertUser } from "@/db/test-fixtures";

// The session is the one thing faked: route handlers, the role checks and the database are real.
const session = vi.hoisted(() => ({ current: null as null | { user: { id: string; role: string } } }));
vi.mock("@/lib/auth", () => ({ auth: async () => session.current }));
const dataDir = vi.hoisted(() => {
  const dir = `${process.env.TMPDIR ?? "/tmp"}/handoff-import-api-${process.pid}-${Date.now()}`;
  process.env.DATA_DIR = dir;
  return dir;
});

const { GET: listImports, POST: uploadImport } = await import("./route");
const { GET: getImport } = await import("./[id]/route");
const { GET: getFailedRows } = await import("./[id]/failed-rows/route");
const { POST: lookupSavedMapping } = await import("./saved-mapping/route");
const { importSettled } = await import("@/lib/import/import-queue");
const { countRows, csvText } = await import("@/lib/import/import-test-helpers");
const { startImport } = await import("@/lib/import/start-import");

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

beforeEach(() => {
  session.current = null;
});

function as(role: string) {
  session.current = { user: { id: ids[role]!, role } };
}

const HEADERS = ["Email", "First Name", "Company Name", "Create Date", "Notes"];
const CSV = csvText([
  HEADERS,
  ["ada@analytical.test", "Ada", "Analytical Engines", "2025-01-10", ""],
  ["grace@cobol.test", "Grace", "Cobol, Ltd.", "2025-01-11", ""],
  ["nope", "Bad, \"Email\"", "", "", "=HYPERLINK(\"http://x\")"],
  ["linus@kernel.test", "Linus", "", "2025-02-30", "line one\nline two"],
]);
const MAPPING = { Email: "email", "First Name": "firstName", "Company Name": "account.name", "Create Date": "createdAt" };

function uploadRequest({ csv = CSV, kind = "contacts", mapping = MAPPING as unknown, fileName = "hubspot-contacts.csv", headers = {} as Record<string, string> } = {}) {
  const query = new URLSearchParams({ kind, fileName, delimiter: ",", dateFormat: "iso", mapping: typeof mapping === "string" ? mapping : JSON.stringify(mapping) });
  return new Request(`http://test/api/imports?${query}`, {
    method: "POST",
    headers: { "content-type": "text/csv", ...headers },
    // A stream, as a browser sends a File: the handler must not need the body as one string.
    body: new Response(csv).body,
    duplex: "half",
  } as RequestInit);
}

const params = (id: string) => ({ params: Promise.resolve({ id }) });

describe("POST /api/imports → GET /api/imports/:id → failed rows", () => {
  let jobId: string;

  it("accepts the upload, imports in the background and reports exact counts", async () => {
    as("marketer");
    const res = await uploadRequest();
    const accepted = await uploadImport(res);
    expect(accepted.status).toBe(202);
    const { import: started } = await accepted.json();
    expect(started).toMatchObject({ kind: "contacts", fileName: "hubspot-contacts.csv", totalBytes: Buffer.byteLength(CSV) });
    expect(["queued", "running"]).toContain(started.status);
    jobId = started.id;
    await importSettled(jobId);

    const polled = await getImport(new Request(`http://test/api/imports/${jobId}`), params(jobId));
    expect(polled.status).toBe(200);
    const { import: done } = await polled.json();
    expect(done).toMatchObject({
      status: "completed",
      rowsProcessed: 4,
      processedBytes: Buffer.byteLength(CSV),
      counts: { created: 2, updated: 0, failed: 2 },
      createdByName: "marketer user",
      failedRowsUrl: `/api/imports/${jobId}/failed-rows`,
    });
  });

  it("serves the failed rows as CSV: row and reason first, then the original cells, properly escaped", async () => {
    as("admin");
    const res = await getFailedRows(new Request(`http://test/api/imports/${jobId}/failed-rows`), params(jobId));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toContain('filename="hubspot-contacts-failed-rows.csv"');
    // Read as bytes: Response.text() would drop the byte-order mark that Excel needs.
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await res.arrayBuffer());
    expect(text.startsWith("\uFEFFrow,error,Email,First Name,Company Name,Create Date,Notes\r\n")).toBe(true);
    const parsed = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
    expect(parsed).toEqual([
      ["row", "error", ...HEADERS],
      ["4", "Email: Not a valid email address", "nope", 'Bad, "Email"', "", "", `'=HYPERLINK("http://x")`],
      ["5", "Create Date: “2025-02-30” is not a date on the calendar.", "linus@kernel.test", "Linus", "", "2025-02-30", "line one\nline two"],
    ]);
  });

  it("re-importing the same file creates no contact", async () => {
    as("marketer");
    const before = await countRows(handle.db, "contacts");
    const { import: started } = await (await uploadImport(uploadRequest())).json();
    await importSettled(started.id);
    const { import: done } = await (await getImport(new Request("http://test"), params(started.id))).json();
    expect(done.counts).toMatchObject({ created: 0, updated: 2, failed: 2 });
    expect(await countRows(handle.db, "contacts")).toBe(before);
  });

  it("lists recent imports newest first", async () => {
    as("admin");
    const body = await (await listImports(new Request("http://test/api/imports?limit=5"))).json();
    expect(body.imports).toHaveLength(2);
    expect(body.imports[1].id).toBe(jobId);
    expect(body.imports.every((j: { status: string }) => j.status === "completed")).toBe(true);
  });

  it("remembers the mapping for the same kind and headers", async () => {
    as("marketer");
    const lookup = (body: unknown) => lookupSavedMapping(new Request("http://test/api/imports/saved-mapping", { method: "POST", body: JSON.stringify(body) }));
    const saved = await (await lookup({ kind: "contacts", headers: HEADERS })).json();
    expect(saved.saved).toMatchObject({ mapping: MAPPING, dateFormat: "iso" });
    expect((await (await lookup({ kind: "events", headers: HEADERS })).json()).saved).toBeNull();
    expect((await (await lookup({ kind: "contacts", headers: [...HEADERS, "Extra"] })).json()).saved).toBeNull();
    expect((await lookup({ kind: "contacts", headers: "Email" })).status).toBe(400);
  });
});

describe("bad input changes nothing", () => {
  async function expectRefused(request: Request, status: number, message: RegExp) {
    as("marketer");
    const jobsBefore = (await (await listImports(new Request("http://test/api/imports"))).json()).imports.length;
    const res = await uploadImport(request);
    expect(res.status).toBe(status);
    expect((await res.json()).error.message).toMatch(message);
    expect((await (await listImports(new Request("http://test/api/imports"))).json()).imports.length).toBe(jobsBefore);
    expect(existsSync(`${dataDir}/imports`) ? readdirSync(`${dataDir}/imports`) : []).toEqual([]);
  }

  it("400 for an unknown kind or a mapping that is not JSON", async () => {
    await expectRefused(uploadRequest({ kind: "deals" }), 400, /Choose contacts, events or stage_changes/);
    await expectRefused(uploadRequest({ mapping: "{oops" }), 400, /not valid JSON/);
  });

  it("400 when the file lacks a mapped column, has no header, or nothing feeds a required field", async () => {
    await expectRefused(uploadRequest({ csv: "Mail,Name\r\nx@y.test,X\r\n" }), 400, /The file has no column “Email”, “First Name”, “Company Name”, “Create Date”/);
    await expectRefused(uploadRequest({ csv: "\r\n\r\n" }), 400, /no header row/);
    await expectRefused(uploadRequest({ mapping: { "First Name": "firstName" } }), 400, /Map a column to Email/);
    await expectRefused(uploadRequest({ mapping: { Email: "email", Notes: "stageDate.mql" } }), 400, /not a field of contacts/);
    await expectRefused(uploadRequest({ csv: "" }), 400, /The file is empty/);
  });

  it("413 for a declared size over the limit, before reading the body", async () => {
    await expectRefused(uploadRequest({ headers: { "content-length": String(501 * 1024 * 1024) } }), 413, /larger than 500 MB/);
  });

  it("413 as soon as a streamed body passes the limit, leaving no partial file", async () => {
    const big = csvText([["Email"], ...Array.from({ length: 2000 }, (_, i) => [`p${i}@big.test`])]);
    await expect(
      startImport({
        params: { kind: "contacts", fileName: "big.csv", delimiter: ",", dateFormat: "iso", mapping: { Email: "email" } },
        body: new Response(big).body,
        contentLength: null,
        userId: ids.marketer!,
        maxBytes: 10_000,
      }),
    ).rejects.toMatchObject({ code: "payload_too_large:import" });
    expect(readdirSync(`${dataDir}/imports`)).toEqual([]);
  });
});

describe("who may import", () => {
  it("401 without a session", async () => {
    expect((await uploadImport(uploadRequest())).status).toBe(401);
    expect((await listImports(new Request("http://test/api/imports"))).status).toBe(401);
  });

  for (const role of ["sdr", "sales"]) {
    it(`403 for ${role} on every import handler`, async () => {
      as(role);
      const any = "00000000-0000-4000-8000-000000000000";
      const responses = [
        await uploadImport(uploadRequest()),
        await listImports(new Request("http://test/api/imports")),
        await getImport(new Request("http://test"), params(any)),
        await getFailedRows(new Request("http://test"), params(any)),
        await lookupSavedMapping(new Request("http://test", { method: "POST", body: JSON.stringify({ kind: "contacts", headers: ["Email"] }) })),
      ];
      for (const res of responses) {
        expect(res.status).toBe(403);
        expect((await res.json()).error.code).toBe("forbidden:data");
      }
    });
  }

  it("404 for an unknown import, 400 for a malformed id", async () => {
    as("marketer");
    expect((await getImport(new Request("http://test"), params("00000000-0000-4000-8000-000000000000"))).status).toBe(404);
    expect((await getFailedRows(new Request("http://test"), params("nope"))).status).toBe(400);
  });
});

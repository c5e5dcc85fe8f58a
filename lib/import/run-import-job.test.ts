import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { rowsOf, setDatabaseHandle, type DatabaseHandle } from "@/db/client";
import { getImportJob, insertImportJob } from "@/db/queries/imports";
import { contacts, importJobs } from "@/db/schema";
import { createTestDatabase } from "@/db/test-database";
import { insertUser } from "@/db/test-fixtures";

const dataDir = vi.hoisted(() => {
  const dir = `${process.env.TMPDIR ?? "/tmp"}/handoff-import-run-${process.pid}-${Date.now()}`;
  process.env.DATA_DIR = dir;
  return dir;
});
const { countRows, csvText, importCsv } = await import("./import-test-helpers");
const { sweepInterruptedImports } = await import("./import-queue");
const { recordBytes } = await import("./run-import-job");
const { existsSync, readdirSync } = await import("node:fs");

let handle: DatabaseHandle;
let userId: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabaseHandle(handle);
  userId = (await insertUser(handle.db, { role: "marketer" })).id;
});

afterAll(async () => {
  setDatabaseHandle(undefined);
  await handle.close();
});

describe("contacts import", () => {
  const header = ["First Name", "Last Name", "Email", "Job Title", "Company Name", "Number of Employees", "Create Date", "Favourite Colour"];
  const csv = csvText([
    header,
    ["Dana", "Lee", "dana@acme-analytics.io", "VP Marketing", "Acme Analytics", "1,200", "2025-01-10", "teal"],
    ["Sam", "Ortiz", "sam@acme-analytics.io", "Engineer", "Acme Analytics", "1200", "2025-01-11 09:30", ""],
    ["Bad", "Email", "not-an-email", "", "", "", "", ""],
    ["Riley", "Stone", "riley@globex.test", "CFO", "Globex, Inc.", "", "", ""],
    [],
    ["Kim", "Bad-Date", "kim@globex.test", "", "", "", "last tuesday", ""],
    ["Ana", "Bad-Size", "ana@globex.test", "", "", "lots", "", ""],
    ["Too", "Many", "too@many.test", "", "", "", "", "", "surprise"],
    ["Dana", "Lee-Again", "DANA@acme-analytics.io", "", "", "", "", ""],
    ["Quote \"Q\"", "O'Neil", "q@initech.test", "Line one\nline two", "Initech", "50", "2025-02-01T10:00:00+02:00", ""],
  ]);
  const mapping = { "First Name": "firstName", "Last Name": "lastName", Email: "email", "Job Title": "title", "Company Name": "account.name", "Number of Employees": "account.employees", "Create Date": "createdAt" };

  it("imports the good rows, counts exactly and records each failed row with its reason", async () => {
    const before = await countRows(handle.db, "contacts");
    const { job, failures } = await importCsv({ kind: "contacts", csv, mapping, userId });
    expect(job).toMatchObject({ status: "completed", rowsProcessed: 9, createdCount: 4, updatedCount: 1, failedCount: 4, error: null });
    expect(job.processedBytes).toBe(job.totalBytes);
    expect(await countRows(handle.db, "contacts")).toBe(before + 4);
    expect(failures.map((f) => [f.rowNumber, f.reason])).toEqual([
      [4, "Email: Not a valid email address"],
      [7, "Create Date: Use an ISO 8601 date-time with a time zone, e.g. 2026-03-01T09:30:00Z"],
      [8, "Number of Employees: “lots” is not a number."],
      [9, "This row has 9 values but the header has 8 columns (is a comma inside a value that is not in quotes?)."],
    ]);
    expect(failures[0]!.cells).toEqual(["Bad", "Email", "not-an-email", "", "", "", "", ""]);

    const [dana] = await handle.db.select().from(contacts).where(eq(contacts.email, "dana@acme-analytics.io"));
    expect(dana).toMatchObject({ firstName: "Dana", lastName: "Lee-Again", title: "VP Marketing" });
    expect(dana!.createdAt.toISOString()).toBe("2025-01-10T00:00:00.000Z");
    const [quoted] = await handle.db.select().from(contacts).where(eq(contacts.email, "q@initech.test"));
    expect(quoted).toMatchObject({ firstName: 'Quote "Q"', title: "Line one\nline two" });
    const [acme] = rowsOf<{ n: number; employees: number }>(await handle.db.execute(sql`select count(*)::int as n, max(employees) as employees from accounts where domain = 'acme-analytics.io'`));
    expect(acme).toEqual({ n: 1, employees: 1200 });
    // The upload is removed once imported; the failed rows live on in the database.
    expect(existsSync(`${dataDir}/imports/${job.id}.csv`)).toBe(false);
  });

  it("re-importing the same file creates nothing: every good row is an update", async () => {
    const before = { contacts: await countRows(handle.db, "contacts"), accounts: await countRows(handle.db, "accounts") };
    const { job } = await importCsv({ kind: "contacts", csv, mapping, userId });
    expect(job).toMatchObject({ status: "completed", createdCount: 0, updatedCount: 5, failedCount: 4 });
    expect({ contacts: await countRows(handle.db, "contacts"), accounts: await countRows(handle.db, "accounts") }).toEqual(before);
  });
});

describe("events import", () => {
  const csv = csvText([
    ["Email", "Activity Type", "Activity Date", "Page URL"],
    ["riley@globex.test", "Page View", "2026-03-02 10:00", "/pricing"],
    ["riley@globex.test", "Email Opened", "2026-03-01T09:00:00Z", ""],
    ["new.person@hooli.test", "Filled Out Form", "2026-03-03", ""],
    ["riley@globex.test", "Page View", "2026-03-02 10:00", "/pricing"],
    ["riley@globex.test", "page_view", "", "/docs"],
  ]);
  const mapping = { Email: "email", "Activity Type": "type", "Activity Date": "occurredAt", "Page URL": "properties.url" };

  it("stores each event once, even without an id column, and creates unknown contacts", async () => {
    const { job, failures } = await importCsv({ kind: "events", csv, mapping, userId });
    expect(job).toMatchObject({ status: "completed", storedCount: 3, duplicateCount: 1, failedCount: 1 });
    expect(failures.map((f) => f.reason)).toEqual(["Activity Date is empty"]);
    const stored = rowsOf<{ source: string; type: string; external_id: string }>(
      await handle.db.execute(sql`select source, type, external_id from engagement_events order by occurred_at`),
    );
    expect(stored.map((e) => [e.source, e.type])).toEqual([["csv", "email_open"], ["csv", "page_view"], ["csv", "form_submit"]]);
    expect(new Set(stored.map((e) => e.external_id)).size).toBe(3);
    const [hooli] = await handle.db.select().from(contacts).where(eq(contacts.email, "new.person@hooli.test"));
    expect(hooli).toBeDefined();
  });

  it("re-importing stores nothing: every event is a duplicate", async () => {
    const before = await countRows(handle.db, "engagement_events");
    const { job } = await importCsv({ kind: "events", csv, mapping, userId });
    expect(job).toMatchObject({ storedCount: 0, duplicateCount: 4, failedCount: 1 });
    expect(await countRows(handle.db, "engagement_events")).toBe(before);
  });
});

describe("stage-changes import (HubSpot lifecycle columns)", () => {
  const csv = csvText([
    ["Email", "Lifecycle Stage", "Became a Customer Date", "Became a Sales Qualified Lead Date", "Became a Marketing Qualified Lead Date"],
    ["won@initech.test", "customer", "2025-03-01", "2025-02-01", "2025-01-10"],
    ["mql@initech.test", "marketingqualifiedlead", "", "", "2025-02-15 08:00"],
    ["lead@initech.test", "Lead", "", "", ""],
    ["bad@initech.test", "salesqualifiedlead", "", "2025-02-30", "2025-01-01"],
    ["future@initech.test", "marketingqualifiedlead", "", "", "2099-01-01"],
  ]);
  const mapping = {
    Email: "email",
    "Lifecycle Stage": "to",
    "Became a Customer Date": "stageDate.customer",
    "Became a Sales Qualified Lead Date": "stageDate.sql",
    "Became a Marketing Qualified Lead Date": "stageDate.mql",
  };

  it("applies each row's dated stages in date order, with their real dates", async () => {
    const { job, failures } = await importCsv({ kind: "stage_changes", csv, mapping, userId });
    expect(job).toMatchObject({ status: "completed", changedCount: 4, unchangedCount: 1, failedCount: 2 });
    expect(failures.map((f) => [f.rowNumber, f.reason])).toEqual([
      [5, "Became a Sales Qualified Lead Date: “2025-02-30” is not a date on the calendar."],
      [6, "mql on 2099-01-01: The change is dated in the future."],
    ]);
    const history = rowsOf<{ from_stage: string; to_stage: string; occurred_at: Date | string; actor_type: string; actor_user_id: string }>(
      await handle.db.execute(sql`
        select st.from_stage, st.to_stage, st.occurred_at, st.actor_type, st.actor_user_id
        from stage_transitions st join contacts c on c.id = st.contact_id
        where c.email = 'won@initech.test' order by st.occurred_at`),
    );
    expect(history.map((h) => [h.from_stage, h.to_stage, new Date(h.occurred_at).toISOString().slice(0, 10), h.actor_type])).toEqual([
      ["lead", "mql", "2025-01-10", "import"],
      ["mql", "sql", "2025-02-01", "import"],
      ["sql", "customer", "2025-03-01", "import"],
    ]);
    expect(history[0]!.actor_user_id).toBe(userId);
    const [won] = await handle.db.select().from(contacts).where(eq(contacts.email, "won@initech.test"));
    expect(won!.stage).toBe("customer");
  });

  it("re-importing records no transition twice: the changes are unchanged", async () => {
    const before = { transitions: await countRows(handle.db, "stage_transitions"), records: await countRows(handle.db, "mql_records") };
    const { job } = await importCsv({ kind: "stage_changes", csv, mapping, userId });
    expect(job).toMatchObject({ changedCount: 0, unchangedCount: 5, failedCount: 2 });
    expect({ transitions: await countRows(handle.db, "stage_transitions"), records: await countRows(handle.db, "mql_records") }).toEqual(before);
  });
});

describe("progress", () => {
  it("measures rows as the file wrote them, so the bar follows the rows done rather than the parser's read-ahead", () => {
    const rows = [["Email", "Name, with comma", 'Say "hi"', "Zoë"], ["a@b.test", "", "", ""]];
    expect(rows.map(recordBytes).reduce((a, b) => a + b, 0)).toBe(Buffer.byteLength(csvText(rows)));
  });
});

describe("interrupted imports", () => {
  it("marks a job whose server went silent as interrupted, and leaves a live one alone", async () => {
    const base = { kind: "contacts" as const, fileName: "x.csv", headers: ["Email"], mapping: { Email: "email" }, totalBytes: 10, status: "running" as const };
    const dead = await insertImportJob({ job: { ...base, id: crypto.randomUUID(), runnerId: "gone", heartbeatAt: new Date(Date.now() - 60_000) } });
    const live = await insertImportJob({ job: { ...base, id: crypto.randomUUID(), runnerId: "other-live-process", heartbeatAt: new Date() } });
    await sweepInterruptedImports();
    expect(await getImportJob({ id: dead.id })).toMatchObject({ status: "interrupted", error: expect.stringMatching(/^The server stopped while this import was running/) });
    expect((await getImportJob({ id: live.id }))!.status).toBe("running");
    await handle.db.delete(importJobs).where(eq(importJobs.id, live.id));
  });

  it("leaves no partial uploads behind", () => {
    expect(readdirSync(`${dataDir}/imports`).filter((f) => f.endsWith(".part"))).toEqual([]);
  });
});

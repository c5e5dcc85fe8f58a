import { describe, expect, it } from "vitest";
import { detectDateFormat, readDateCell, readNumberCell, readStageCell, readEventTypeCell } from "./cell-values";
import { alignCells } from "./csv-headers";
import { createRowMapper } from "./row-mapping";

describe("cell values", () => {
  it("reads ISO dates, zone-less times as UTC, and slashed dates in the chosen order", () => {
    expect(readDateCell("2026-03-15", "iso")).toEqual({ value: "2026-03-15" });
    expect(readDateCell("2026-03-15 09:30", "iso")).toEqual({ value: "2026-03-15T09:30Z" });
    expect(readDateCell("2026/03/15", "iso")).toEqual({ value: "2026-03-15" });
    expect(readDateCell("03/15/2026 9:05 PM", "mdy")).toEqual({ value: "2026-03-15T21:05:00Z" });
    expect(readDateCell("15.03.2026", "dmy")).toEqual({ value: "2026-03-15T00:00:00Z" });
    expect(readDateCell("02/30/2026", "mdy")).toEqual({ error: "“02/30/2026” is not a date in the MM/DD/YYYY form." });
    expect(readDateCell("03/15/2026", "iso")).toMatchObject({ error: expect.stringMatching(/not an ISO date/) });
    expect(detectDateFormat(["3/4/2026", "25/04/2026"])).toBe("dmy");
    expect(detectDateFormat(["3/4/2026", "04/25/2026"])).toBe("mdy");
    expect(detectDateFormat(["2026-04-25"])).toBe("iso");
  });

  it("reads numbers as CRMs write them", () => {
    expect(readNumberCell("1,200")).toEqual({ value: 1200 });
    expect(readNumberCell("$ 5,000,000.50")).toEqual({ value: 5000000.5 });
    expect(readNumberCell("2.5M")).toEqual({ value: 2500000 });
    expect(readNumberCell("51-200")).toEqual({ error: "“51-200” is not a number." });
  });

  it("recognises lifecycle stages in HubSpot's internal and display spellings", () => {
    const stages = ["marketingqualifiedlead", "Sales Qualified Lead", "opportunity", "Customer", "Lead", "subscriber", "Closed Lost", "SAL"].map(readStageCell);
    expect(stages).toEqual([{ value: "mql" }, { value: "sql" }, { value: "opportunity" }, { value: "customer" }, { value: null }, { value: null }, { value: "lost" }, { value: "sal" }]);
    expect(readStageCell("prospect")).toMatchObject({ error: expect.stringMatching(/not a lifecycle stage/) });
  });

  it("turns activity names into event types", () => {
    expect(["Page View", "Email Opened", "Filled Out Form", "Webinar: attended"].map((t) => readEventTypeCell(t))).toEqual([
      { value: "page_view" },
      { value: "email_open" },
      { value: "form_submit" },
      { value: "webinar_attended" },
    ]);
  });

  it("pads short rows and refuses rows whose extra cells hold values", () => {
    expect(alignCells(["a"], 3)).toEqual({ cells: ["a", "", ""] });
    expect(alignCells(["a", "b", "c", ""], 3)).toEqual({ cells: ["a", "b", "c"] });
    expect(alignCells(["a", "b", "c", "d"], 3)).toMatchObject({ error: expect.stringMatching(/4 values but the header has 3/) });
  });
});

describe("contacts rows", () => {
  const headers = ["Email", "First Name", "Company Name", "Number of Employees", "Create Date", "Record ID"];
  const mapRow = createRowMapper({
    kind: "contacts",
    headers,
    mapping: { Email: "email", "First Name": "firstName", "Company Name": "account.name", "Number of Employees": "account.employees", "Create Date": "createdAt", "Record ID": "property" },
    dateFormat: "iso",
  });

  it("builds the API's contact input, nested account and kept properties included", () => {
    expect(mapRow(["Dana@Acme.io", "Dana", "Acme", "1,200", "2025-01-10 08:00", "901"])).toEqual({
      ok: true,
      items: [{ email: "dana@acme.io", firstName: "Dana", account: { name: "Acme", employees: 1200 }, createdAt: new Date("2025-01-10T08:00:00Z"), properties: { "Record ID": "901" } }],
    });
  });

  it("explains a bad row in the file's own column names", () => {
    expect(mapRow(["not-an-email", "", "", "", "", ""])).toEqual({ ok: false, error: "Email: Not a valid email address" });
    expect(mapRow(["", "Dana", "", "", "", ""])).toEqual({ ok: false, error: "Email is empty" });
    expect(mapRow(["d@acme.io", "", "", "many", "yesterday", ""])).toEqual({ ok: false, error: "Number of Employees: “many” is not a number." });
    expect(mapRow(["d@acme.io", "", "", "many", "03/15/2025", ""])).toEqual({
      ok: false,
      error: "Number of Employees: “many” is not a number; Create Date: “03/15/2025” is not an ISO date: choose the file's date format (month or day first) above the preview.",
    });
    expect(mapRow(["d@acme.io", "", "", "12.5", "yesterday", ""])).toEqual({
      ok: false,
      error: "Create Date: Use an ISO 8601 date-time with a time zone, e.g. 2026-03-01T09:30:00Z; Number of Employees: must be a whole number",
    });
  });
});

describe("event rows", () => {
  const headers = ["Email", "Activity Type", "Activity Date", "Page URL"];
  const options = { kind: "events" as const, headers, mapping: { Email: "email", "Activity Type": "type", "Activity Date": "occurredAt", "Page URL": "properties.url" }, dateFormat: "iso" as const };

  it("defaults the source to csv and names the event with the given id function", () => {
    const mapRow = createRowMapper({ ...options, eventId: (e) => `id-of-${e.type}` });
    expect(mapRow(["r@globex.test", "Page View", "2026-03-02T10:00:00Z", "/pricing"])).toEqual({
      ok: true,
      items: [{ id: "id-of-page_view", source: "csv", type: "page_view", email: "r@globex.test", occurredAt: new Date("2026-03-02T10:00:00Z"), properties: { url: "/pricing" } }],
    });
  });

  it("refuses a row without a date", () => {
    expect(createRowMapper(options)(["r@globex.test", "page_view", "", ""])).toEqual({ ok: false, error: "Activity Date is empty" });
  });
});

describe("stage-change rows", () => {
  const headers = ["Email", "Lifecycle Stage", "Became a Customer Date", "Became a Marketing Qualified Lead Date", "Became a Sales Qualified Lead Date"];
  const mapRow = createRowMapper({
    kind: "stage_changes",
    headers,
    mapping: { Email: "email", "Lifecycle Stage": "to", "Became a Customer Date": "stageDate.customer", "Became a Marketing Qualified Lead Date": "stageDate.mql", "Became a Sales Qualified Lead Date": "stageDate.sql" },
    dateFormat: "iso",
  });

  it("turns HubSpot's 'Became a … Date' columns into changes in date order", () => {
    const result = mapRow(["kim@initech.test", "customer", "2025-03-01", "2025-01-10", "2025-02-01"]);
    expect(result.ok && result.items.map((c) => [c.to, c.at.toISOString().slice(0, 10)])).toEqual([
      ["mql", "2025-01-10"],
      ["sql", "2025-02-01"],
      ["customer", "2025-03-01"],
    ]);
  });

  it("takes a lead as no change, and refuses a stage with no date", () => {
    expect(mapRow(["lee@initech.test", "Lead", "", "", ""])).toEqual({ ok: true, items: [] });
    expect(mapRow(["lee@initech.test", "salesqualifiedlead", "", "2025-01-10", ""])).toEqual({
      ok: false,
      error: "Lifecycle Stage is “sql” but the row has no date for that stage.",
    });
    expect(mapRow(["lee@initech.test", "mql", "", "2025-13-10", ""])).toEqual({ ok: false, error: "Became a Marketing Qualified Lead Date: “2025-13-10” is not a date on the calendar." });
    expect(mapRow(["lee@initech.test", "mql", "", "10 Jan 2025", ""])).toMatchObject({ ok: false, error: expect.stringMatching(/^Became a Marketing Qualified Lead Date: Use an ISO 8601/) });
  });
});

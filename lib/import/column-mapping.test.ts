import { describe, expect, it } from "vitest";
import { hasStageHistoryColumns, headerKey, recognizeHeader, sanitizeMapping, suggestMapping } from "./column-mapping";
import { normalizeHeaders } from "./csv-headers";
import { missingRequiredFields } from "./import-fields";

const HUBSPOT_CONTACTS = [
  "Record ID", "First Name", "Last Name", "Email", "Phone Number", "Job Title", "Company Name", "Company Domain Name",
  "Website URL", "Industry", "Number of Employees", "Annual Revenue", "Country/Region", "State/Region", "Lifecycle Stage",
  "Original Source", "Create Date", "Became a Marketing Qualified Lead Date", "Became a Sales Qualified Lead Date",
  "Became an Opportunity Date", "Became a Customer Date", "Contact owner",
];

const SALESFORCE_LEADS_REPORT = ["First Name", "Last Name", "Title", "Company / Account", "Email", "Lead Source", "Industry", "Annual Revenue", "No. of Employees", "Phone", "Country", "Created Date", "Lead Owner"];
const SALESFORCE_DATA_LOADER = ["Id", "FirstName", "LastName", "Email", "Company", "Title", "LeadSource", "Industry", "AnnualRevenue", "NumberOfEmployees", "Website", "CreatedDate"];
const MARKETO = ["Id", "Email Address", "First Name", "Last Name", "Job Title", "Company Name", "Num Employees", "Phone Number", "Acquisition Program", "Person Source", "Created At"];

describe("header recognition", () => {
  it("maps a HubSpot contacts export onto the contact fields", () => {
    expect(suggestMapping("contacts", HUBSPOT_CONTACTS)).toEqual({
      "First Name": "firstName",
      "Last Name": "lastName",
      Email: "email",
      "Phone Number": "phone",
      "Job Title": "title",
      "Company Name": "account.name",
      // The first of two domain columns wins; a field is fed by one column only.
      "Company Domain Name": "account.domain",
      Industry: "account.industry",
      "Number of Employees": "account.employees",
      "Annual Revenue": "account.annualRevenue",
      "Country/Region": "country",
      "Original Source": "source",
      "Create Date": "createdAt",
    });
  });

  it("maps the same HubSpot export's lifecycle columns for a stage-changes import", () => {
    expect(suggestMapping("stage_changes", HUBSPOT_CONTACTS)).toEqual({
      Email: "email",
      "Lifecycle Stage": "to",
      "Became a Marketing Qualified Lead Date": "stageDate.mql",
      "Became a Sales Qualified Lead Date": "stageDate.sql",
      "Became an Opportunity Date": "stageDate.opportunity",
      "Became a Customer Date": "stageDate.customer",
    });
    expect(hasStageHistoryColumns(HUBSPOT_CONTACTS)).toBe(true);
    expect(hasStageHistoryColumns(MARKETO)).toBe(false);
  });

  it("maps Salesforce report labels and Data Loader API names alike", () => {
    expect(suggestMapping("contacts", SALESFORCE_LEADS_REPORT)).toMatchObject({
      Title: "title",
      "Company / Account": "account.name",
      "Lead Source": "source",
      "No. of Employees": "account.employees",
      Phone: "phone",
      "Created Date": "createdAt",
    });
    expect(suggestMapping("contacts", SALESFORCE_DATA_LOADER)).toEqual({
      FirstName: "firstName",
      LastName: "lastName",
      Email: "email",
      Company: "account.name",
      Title: "title",
      LeadSource: "source",
      Industry: "account.industry",
      AnnualRevenue: "account.annualRevenue",
      NumberOfEmployees: "account.employees",
      Website: "account.domain",
      CreatedDate: "createdAt",
    });
  });

  it("maps a Marketo export, ignoring columns it does not know", () => {
    const mapping = suggestMapping("contacts", MARKETO);
    expect(mapping).toMatchObject({ "Email Address": "email", "Num Employees": "account.employees", "Acquisition Program": "campaign", "Person Source": "source", "Created At": "createdAt" });
    expect(mapping).not.toHaveProperty("Id");
  });

  it("recognises spellings that differ only in case, spaces and punctuation", () => {
    expect(headerKey("Country/Region")).toBe(headerKey("country_region"));
    for (const h of ["EMAIL", "email_address", "E-mail", "Work Email"]) expect(recognizeHeader("contacts", h)).toBe("email");
    expect(recognizeHeader("events", "Activity Type")).toBe("type");
    expect(recognizeHeader("events", "Page URL")).toBe("properties.url");
    expect(recognizeHeader("stage_changes", "MQL Date")).toBe("stageDate.mql");
  });
});

describe("mappings kept honest", () => {
  it("drops columns the file lacks, targets the kind lacks and second claims on a field", () => {
    const headers = ["Email", "Work Email", "Notes"];
    expect(sanitizeMapping("contacts", headers, { Email: "email", "Work Email": "email", Gone: "firstName", Notes: "stageDate.mql" })).toEqual({ Email: "email" });
    expect(sanitizeMapping("contacts", headers, { Notes: "property" })).toEqual({ Notes: "property" });
    expect(sanitizeMapping("stage_changes", headers, { Notes: "property" })).toEqual({});
  });

  it("says which required columns are missing", () => {
    expect(missingRequiredFields("contacts", {})).toEqual(["Map a column to Email: contacts are matched by email."]);
    expect(missingRequiredFields("events", { E: "email", T: "type" })).toEqual(["Map a column to Occurred at."]);
    expect(missingRequiredFields("stage_changes", { E: "email", S: "to" })).toHaveLength(1);
    expect(missingRequiredFields("stage_changes", { E: "email", D: "stageDate.customer" })).toEqual([]);
  });

  it("names blank and repeated headers so a mapping is never ambiguous", () => {
    expect(normalizeHeaders(["\uFEFFEmail", " Email ", "", "Email (2)", "Email"])).toEqual(["Email", "Email (2)", "Column 3", "Email (2) (2)", "Email (3)"]);
  });
});

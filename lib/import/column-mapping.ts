import type { ColumnMapping } from "../../db/schema/imports";
import { IMPORT_FIELDS, IGNORE_COLUMN, isMappingTarget, type ImportKind } from "./import-fields";

/**
 * Column headers of common CRM and marketing-automation exports (HubSpot, Salesforce reports and
 * Data Loader API names, Marketo, Pardot, Apollo/ZoomInfo lists), per field. Headers are compared
 * after `headerKey`, so "Email Address", "email_address" and "EmailAddress" are one synonym.
 */
const CONTACT_SYNONYMS: Record<string, string[]> = {
  email: ["Email", "Email Address", "E-mail", "E-mail Address", "Work Email", "Business Email", "Primary Email", "Contact Email", "Lead Email"],
  firstName: ["First Name", "Firstname", "Given Name", "Contact First Name", "Lead First Name"],
  lastName: ["Last Name", "Lastname", "Surname", "Family Name", "Contact Last Name", "Lead Last Name"],
  title: ["Job Title", "Title", "Position", "Job Position", "Contact Title"],
  seniority: ["Seniority", "Seniority Level", "Job Level", "Management Level"],
  function: ["Job Function", "Function", "Department", "Job Role", "Role"],
  phone: ["Phone", "Phone Number", "Business Phone", "Work Phone", "Direct Phone", "Mobile", "Mobile Phone", "Mobile Phone Number"],
  country: ["Country", "Country/Region", "Country Name", "Mailing Country", "Person Country"],
  region: ["Region", "Sales Region", "Geo", "Territory"],
  source: ["Original Source", "Lead Source", "Source", "Person Source", "LeadSource", "Original Source Type", "Contact Source"],
  campaign: ["Campaign", "Campaign Name", "Acquisition Program", "UTM Campaign", "Original Campaign"],
  createdAt: ["Create Date", "Created Date", "Created At", "Date Created", "CreatedDate", "Creation Date"],
  "account.name": ["Company Name", "Company", "Account Name", "Company / Account", "Organization", "Organisation", "Associated Company", "Employer"],
  "account.domain": ["Company Domain Name", "Company Domain", "Domain", "Website URL", "Website", "Company Website", "Web Site", "Email Domain"],
  "account.industry": ["Industry", "Company Industry", "Sector"],
  "account.employees": ["Number of Employees", "No. of Employees", "Employees", "NumberOfEmployees", "Num Employees", "# Employees", "Employee Count", "Company Size", "Company Employees"],
  "account.annualRevenue": ["Annual Revenue", "AnnualRevenue", "Revenue", "Company Revenue", "Company Annual Revenue"],
  "account.country": ["Company Country", "Company Country/Region", "Billing Country", "Account Country"],
  "account.region": ["Company Region", "Account Region"],
};

const EVENT_SYNONYMS: Record<string, string[]> = {
  email: ["Email", "Email Address", "Contact Email", "Lead Email", "Recipient", "Recipient Email", "E-mail"],
  contactId: ["contactId", "Handoff Contact ID", "Handoff ID"],
  type: ["Type", "Event Type", "Activity Type", "Activity", "Event", "Engagement Type", "Action"],
  occurredAt: ["Occurred At", "Date", "Timestamp", "Activity Date", "Event Date", "Date/Time", "Time", "Activity Timestamp", "Engagement Date"],
  id: ["ID", "Event ID", "Activity ID", "External ID", "Engagement ID"],
  source: ["Source", "Source System", "System", "Origin"],
  "properties.url": ["URL", "Page URL", "Web Page", "Page", "Link", "Clicked URL"],
  "properties.subject": ["Subject", "Email Subject", "Email Name"],
  "properties.campaign": ["Campaign", "Campaign Name", "Program", "Program Name", "UTM Campaign"],
  "properties.form": ["Form", "Form Name"],
  "properties.asset": ["Asset", "Asset Name", "Content", "Content Name", "Document"],
  "properties.webinar": ["Webinar", "Webinar Name", "Event Name"],
  "properties.title": ["Meeting Title", "Call Title", "Meeting Name"],
  "properties.outcome": ["Outcome", "Call Outcome", "Meeting Outcome", "Disposition"],
  "properties.durationMin": ["Duration", "Duration (min)", "Duration (minutes)", "Duration Minutes", "Call Duration"],
  "properties.text": ["Note", "Notes", "Body", "Description", "Comment", "Comments"],
};

const STAGE_CHANGE_SYNONYMS: Record<string, string[]> = {
  email: ["Email", "Email Address", "Contact Email", "Lead Email", "E-mail"],
  contactId: ["contactId", "Handoff Contact ID", "Handoff ID"],
  to: ["Lifecycle Stage", "Stage", "Lifecycle", "Lifecycle Status", "Funnel Stage", "Revenue Stage", "New Stage", "To Stage", "New Value"],
  at: ["Date", "Stage Date", "Changed At", "Date Changed", "Changed Date", "Timestamp", "Edit Date", "Occurred At", "At"],
  "stageDate.mql": [
    "Became a Marketing Qualified Lead Date",
    "Marketing Qualified Lead Date",
    "MQL Date",
    "Date Became MQL",
    "Became MQL Date",
    "Became MQL",
  ],
  "stageDate.sal": ["Became a Sales Accepted Lead Date", "Sales Accepted Lead Date", "SAL Date", "Date Became SAL", "Became SAL Date", "Accepted Date"],
  "stageDate.sql": [
    "Became a Sales Qualified Lead Date",
    "Sales Qualified Lead Date",
    "SQL Date",
    "Date Became SQL",
    "Became SQL Date",
    "Became SQL",
  ],
  "stageDate.opportunity": ["Became an Opportunity Date", "Opportunity Date", "Date Became Opportunity", "Became Opportunity Date", "Opportunity Created Date", "Converted Date"],
  "stageDate.customer": ["Became a Customer Date", "Customer Date", "Date Became Customer", "Became Customer Date", "Closed Won Date", "Won Date"],
  "stageDate.lost": ["Closed Lost Date", "Lost Date", "Date Lost"],
  "stageDate.recycled": ["Recycled Date", "Date Recycled", "Nurture Date"],
  reason: ["Reason", "Stage Reason", "Lost Reason", "Closed Lost Reason", "Disqualification Reason", "Rejection Reason"],
  note: ["Note", "Notes", "Comment", "Comments"],
  owner: ["Owner Email", "Contact Owner Email", "Lead Owner Email", "Sales Owner Email"],
};

const SYNONYMS: Record<ImportKind, Record<string, string[]>> = {
  contacts: CONTACT_SYNONYMS,
  events: EVENT_SYNONYMS,
  stage_changes: STAGE_CHANGE_SYNONYMS,
};

/** "Country/Region" → "countryregion", "Email_Address" → "emailaddress": what two spellings of one header share. */
export function headerKey(header: string): string {
  return header
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9#]/g, "");
}

const LOOKUP: Record<ImportKind, Map<string, string>> = Object.fromEntries(
  Object.entries(SYNONYMS).map(([kind, byField]) => {
    const map = new Map<string, string>();
    for (const [field, names] of Object.entries(byField)) {
      for (const name of names) if (!map.has(headerKey(name))) map.set(headerKey(name), field);
    }
    // A field's own id and label always match too ("firstName", "Job function").
    for (const f of IMPORT_FIELDS[kind as ImportKind]) {
      for (const name of [f.id, f.label]) if (!map.has(headerKey(name))) map.set(headerKey(name), f.id);
    }
    return [kind, map];
  }),
) as Record<ImportKind, Map<string, string>>;

/** The field a header most likely holds for this kind of import, if it is a known one. */
export function recognizeHeader(kind: ImportKind, header: string): string | undefined {
  return LOOKUP[kind].get(headerKey(header));
}

/**
 * Suggested mapping for a file's headers: each recognised header to its field, each field fed by
 * at most one column (the first that names it), unknown headers left out (not imported).
 */
export function suggestMapping(kind: ImportKind, headers: string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const used = new Set<string>();
  for (const header of headers) {
    const field = recognizeHeader(kind, header);
    if (!field || used.has(field)) continue;
    mapping[header] = field;
    used.add(field);
  }
  return mapping;
}

/**
 * A saved or submitted mapping, kept to the columns the file really has and the targets the kind
 * accepts; a field claimed by two columns keeps the first.
 */
export function sanitizeMapping(kind: ImportKind, headers: string[], mapping: ColumnMapping): ColumnMapping {
  const out: ColumnMapping = {};
  const used = new Set<string>();
  for (const header of headers) {
    const target = mapping[header];
    if (target === undefined || target === IGNORE_COLUMN || !isMappingTarget(kind, target)) continue;
    if (target !== "property" && used.has(target)) continue;
    out[header] = target;
    used.add(target);
  }
  return out;
}

/** A contacts file that also carries stage history ("Lifecycle Stage", "Became a … Date"). */
export function hasStageHistoryColumns(headers: string[]): boolean {
  return headers.some((h) => {
    const field = recognizeHeader("stage_changes", h);
    return field === "to" || field?.startsWith("stageDate.");
  });
}

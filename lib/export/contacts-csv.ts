import "server-only";
import { contactExportPages } from "../../db/queries/contacts-export";
import type { ContactListFilters } from "../validation/contacts";

type Row = typeof contactExportPages extends (...args: never[]) => AsyncGenerator<(infer R)[]> ? R : never;

const iso = (d: Date | null) => (d ? d.toISOString() : "");
const score = (n: number) => Math.round(n * 10) / 10;

/**
 * The columns of a contacts export. Headers use the CRM spellings the importer recognises, so an
 * exported file can be edited and imported back without mapping anything by hand.
 */
const COLUMNS: [header: string, value: (r: Row) => unknown][] = [
  ["Email", (r) => r.email],
  ["First Name", (r) => r.firstName],
  ["Last Name", (r) => r.lastName],
  ["Job Title", (r) => r.title],
  ["Seniority", (r) => r.seniority],
  ["Job Function", (r) => r.jobFunction],
  ["Phone Number", (r) => r.phone],
  ["Country", (r) => r.country],
  ["Region", (r) => r.region],
  ["Company Name", (r) => r.accountName],
  ["Company Domain Name", (r) => r.accountDomain],
  ["Industry", (r) => r.industry],
  ["Number of Employees", (r) => r.employees],
  ["Annual Revenue", (r) => r.annualRevenue],
  ["Lifecycle Stage", (r) => r.stage],
  ["Fit Score", (r) => score(r.fitScore)],
  ["Engagement Score", (r) => score(r.engagementScore)],
  ["Owner Email", (r) => r.ownerEmail],
  ["Original Source", (r) => r.source],
  ["Campaign", (r) => r.campaign],
  ["Last Activity Date", (r) => iso(r.lastActivityAt)],
  ["Stage Changed Date", (r) => iso(r.stageChangedAt)],
  ["Create Date", (r) => iso(r.createdAt)],
  ["Handoff ID", (r) => r.id],
];

export const CONTACT_EXPORT_HEADER = COLUMNS.map(([header]) => header);

export async function* contactExportRows(filters: ContactListFilters): AsyncGenerator<unknown[][]> {
  for await (const page of contactExportPages({ filters })) {
    yield page.map((row) => COLUMNS.map(([, value]) => value(row) ?? ""));
  }
}

/** "contacts-mql-2026-05-01.csv": what was exported and when. */
export function contactExportFileName(filters: ContactListFilters, now = new Date()): string {
  const parts = ["contacts"];
  if (filters.stage) parts.push(filters.stage);
  if (filters.q) parts.push("search");
  return `${parts.join("-")}-${now.toISOString().slice(0, 10)}.csv`;
}

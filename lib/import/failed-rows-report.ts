import "server-only";
import { listImportRowErrors } from "../../db/queries/imports";

const PAGE = 1000;

/**
 * The failed-rows report: the row's number in the original file and the reason first (visible
 * without scrolling across a wide CRM export), then the original cells under their own headers,
 * so the file can be fixed and imported again with the same mapping.
 */
export function failedRowsHeader(headers: string[]): string[] {
  const taken = new Set(headers);
  const name = (base: string) => (taken.has(base) ? `import ${base}` : base);
  return [name("row"), name("error"), ...headers];
}

export async function* failedRowPages(jobId: string): AsyncGenerator<unknown[][]> {
  let afterRow = 0;
  for (;;) {
    const page = await listImportRowErrors({ jobId, afterRow, limit: PAGE });
    if (page.length === 0) return;
    yield page.map((r) => [r.rowNumber, r.reason, ...r.cells]);
    afterRow = page.at(-1)!.rowNumber;
    if (page.length < PAGE) return;
  }
}

/** "hubspot-contacts.csv" → "hubspot-contacts-failed-rows.csv". */
export function failedRowsFileName(fileName: string): string {
  const base = fileName.replace(/\.(csv|txt|tsv)$/i, "") || "import";
  return `${base}-failed-rows.csv`;
}

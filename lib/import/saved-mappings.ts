import "server-only";
import { createHash } from "node:crypto";
import { getSavedMapping, saveMapping, type SavedMapping } from "../../db/queries/imports";
import type { ColumnMapping, ImportDateFormat } from "../../db/schema/imports";
import { sanitizeMapping } from "./column-mapping";
import type { ImportKind } from "./import-fields";

/**
 * The mapping chosen for a file is remembered per kind and exact header set (`app_settings`), so
 * next month's export from the same CRM report is mapped the same way without asking again.
 */
export function savedMappingKey(kind: ImportKind, headers: string[]): string {
  const hash = createHash("sha256").update(JSON.stringify(headers)).digest("hex").slice(0, 32);
  return `import-mapping:${kind}:${hash}`;
}

export async function findSavedMapping(kind: ImportKind, headers: string[]): Promise<SavedMapping | undefined> {
  const saved = await getSavedMapping({ key: savedMappingKey(kind, headers) });
  if (!saved) return undefined;
  return { ...saved, mapping: sanitizeMapping(kind, headers, saved.mapping) };
}

export async function rememberMapping(kind: ImportKind, headers: string[], mapping: ColumnMapping, dateFormat: ImportDateFormat): Promise<void> {
  await saveMapping({ key: savedMappingKey(kind, headers), value: { mapping, dateFormat, savedAt: new Date().toISOString() } });
}

import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Papa from "papaparse";
import { sql } from "drizzle-orm";
import { rowsOf, type Database } from "../../db/client";
import { getImportJob, listImportRowErrors } from "../../db/queries/imports";
import type { ColumnMapping, ImportDateFormat } from "../../db/schema/imports";
import type { ImportKind } from "./import-fields";
import { importSettled } from "./import-queue";
import { startImport } from "./start-import";

/** Test-only helpers for the import's integration tests (not imported by the application). */

/** A fresh DATA_DIR for one test file; set before lib/env is first read. */
export function useTemporaryDataDir(): string {
  const dir = path.join(os.tmpdir(), `handoff-import-test-${randomUUID()}`);
  mkdirSync(dir, { recursive: true });
  process.env.DATA_DIR = dir;
  return dir;
}

export function csvText(rows: unknown[][]): string {
  return `${Papa.unparse(rows, { newline: "\r\n" })}\r\n`;
}

export function bodyOf(text: string): ReadableStream<Uint8Array> {
  return new Response(text).body!;
}

/** Uploads a CSV the way the route handler does and waits for its import to finish. */
export async function importCsv({
  kind,
  csv,
  mapping,
  userId,
  dateFormat = "iso",
  fileName = `${kind}.csv`,
}: {
  kind: ImportKind;
  csv: string;
  mapping: ColumnMapping;
  userId: string;
  dateFormat?: ImportDateFormat;
  fileName?: string;
}) {
  const job = await startImport({
    params: { kind, fileName, delimiter: ",", dateFormat, mapping },
    body: bodyOf(csv),
    contentLength: Buffer.byteLength(csv),
    userId,
  });
  await importSettled(job.id);
  const done = (await getImportJob({ id: job.id }))!;
  const failures = await listImportRowErrors({ jobId: job.id, afterRow: 0, limit: 10_000 });
  return { job: done, failures };
}

export async function countRows(db: Database, table: "contacts" | "engagement_events" | "stage_transitions" | "mql_records" | "accounts") {
  const [row] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from ${sql.identifier(table)}`));
  return row!.n;
}

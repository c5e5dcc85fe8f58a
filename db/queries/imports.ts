import "server-only";
import { and, asc, desc, eq, gt, inArray, isNull, lt, ne, or, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { ImportCounts } from "@/lib/import/import-job-view";
import { getDb, rowsOf } from "../client";
import { appSettings, importJobs, importRowErrors, users, type ColumnMapping, type ImportDateFormat, type NewImportJob } from "../schema";

const ACTIVE = ["queued", "running"] as const;

export async function insertImportJob({ job }: { job: NewImportJob }) {
  const db = await getDb();
  const [row] = await db.insert(importJobs).values(job).returning();
  return row!;
}

const jobWithCreator = { job: importJobs, createdByName: users.name };

export async function getImportJob({ id }: { id: string }) {
  const db = await getDb();
  const [row] = await db.select(jobWithCreator).from(importJobs).leftJoin(users, eq(users.id, importJobs.createdBy)).where(eq(importJobs.id, id)).limit(1);
  return row ? { ...row.job, createdByName: row.createdByName } : undefined;
}

export async function listRecentImportJobs({ limit }: { limit: number }) {
  const db = await getDb();
  const rows = await db
    .select(jobWithCreator)
    .from(importJobs)
    .leftJoin(users, eq(users.id, importJobs.createdBy))
    .orderBy(desc(importJobs.createdAt), desc(importJobs.id))
    .limit(limit);
  return rows.map((r) => ({ ...r.job, createdByName: r.createdByName }));
}

/** Takes a queued job for this server process; false when another process or run has it. */
export async function claimImportJob({ id, runnerId }: { id: string; runnerId: string }): Promise<boolean> {
  const db = await getDb();
  const claimed = await db
    .update(importJobs)
    .set({ status: "running", runnerId, startedAt: new Date(), heartbeatAt: new Date() })
    .where(and(eq(importJobs.id, id), eq(importJobs.status, "queued")))
    .returning({ id: importJobs.id });
  return claimed.length === 1;
}

export type RowFailure = { rowNumber: number; reason: string; cells: string[] };

/**
 * After each chunk: its failed rows, the added counts and the progress, in one transaction so
 * the counts always agree with the failed rows on record.
 */
export async function recordImportChunk({
  id,
  processedBytes,
  rows,
  counts,
  failures,
}: {
  id: string;
  processedBytes: number;
  rows: number;
  counts: Partial<ImportCounts>;
  failures: RowFailure[];
}) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    if (failures.length) {
      await tx
        .insert(importRowErrors)
        .values(failures.map((f) => ({ jobId: id, rowNumber: f.rowNumber, reason: f.reason.slice(0, 2000), cells: f.cells })))
        .onConflictDoNothing();
    }
    const add = (column: AnyPgColumn, n = 0) => sql`${column} + ${n}`;
    await tx
      .update(importJobs)
      .set({
        processedBytes,
        rowsProcessed: add(importJobs.rowsProcessed, rows),
        createdCount: add(importJobs.createdCount, counts.created),
        updatedCount: add(importJobs.updatedCount, counts.updated),
        storedCount: add(importJobs.storedCount, counts.stored),
        duplicateCount: add(importJobs.duplicateCount, counts.duplicates),
        changedCount: add(importJobs.changedCount, counts.changed),
        unchangedCount: add(importJobs.unchangedCount, counts.unchanged),
        failedCount: add(importJobs.failedCount, counts.failed),
        heartbeatAt: new Date(),
      })
      .where(eq(importJobs.id, id));
  });
}

export async function finishImportJob({ id, status, error, processedBytes }: { id: string; status: "completed" | "failed"; error?: string; processedBytes?: number }) {
  const db = await getDb();
  await db
    .update(importJobs)
    .set({ status, error: error ?? null, finishedAt: new Date(), heartbeatAt: new Date(), ...(processedBytes !== undefined ? { processedBytes } : {}) })
    .where(eq(importJobs.id, id));
}

/** The runner's "still alive" for every job it holds, so no other process takes them for dead. */
export async function touchImportJobs({ runnerId }: { runnerId: string }) {
  const db = await getDb();
  await db
    .update(importJobs)
    .set({ heartbeatAt: new Date() })
    .where(and(eq(importJobs.runnerId, runnerId), inArray(importJobs.status, [...ACTIVE])));
}

export const INTERRUPTED_MESSAGE =
  "The server stopped while this import was running. Import the same file again to finish it: rows already imported are recognised and not duplicated.";

/**
 * Jobs left queued or running by a server process that is gone (another runner, silent for
 * `staleAfterMs`) are marked interrupted; returns their ids so their files can be removed.
 */
export async function markInterruptedImportJobs({ runnerId, staleAfterMs }: { runnerId: string; staleAfterMs: number }): Promise<string[]> {
  const db = await getDb();
  const staleBefore = new Date(Date.now() - staleAfterMs);
  const rows = await db
    .update(importJobs)
    .set({ status: "interrupted", error: INTERRUPTED_MESSAGE, finishedAt: new Date() })
    .where(
      and(
        inArray(importJobs.status, [...ACTIVE]),
        or(isNull(importJobs.runnerId), ne(importJobs.runnerId, runnerId)),
        lt(importJobs.heartbeatAt, staleBefore),
      ),
    )
    .returning({ id: importJobs.id });
  return rows.map((r) => r.id);
}

/** One page of a job's failed rows in row order (keyset on the row number). */
export async function listImportRowErrors({ jobId, afterRow, limit }: { jobId: string; afterRow: number; limit: number }) {
  const db = await getDb();
  return db
    .select({ rowNumber: importRowErrors.rowNumber, reason: importRowErrors.reason, cells: importRowErrors.cells })
    .from(importRowErrors)
    .where(and(eq(importRowErrors.jobId, jobId), gt(importRowErrors.rowNumber, afterRow)))
    .orderBy(asc(importRowErrors.rowNumber))
    .limit(limit);
}

export type SavedMapping = { mapping: ColumnMapping; dateFormat: ImportDateFormat; savedAt: string };

export async function getSavedMapping({ key }: { key: string }): Promise<SavedMapping | undefined> {
  const db = await getDb();
  const [row] = await db.select({ value: appSettings.value }).from(appSettings).where(eq(appSettings.key, key)).limit(1);
  return row?.value as SavedMapping | undefined;
}

export async function saveMapping({ key, value }: { key: string; value: SavedMapping }) {
  const db = await getDb();
  await db
    .insert(appSettings)
    .values({ key, value })
    .onConflictDoUpdate({ target: appSettings.key, set: { value, updatedAt: new Date() } });
}

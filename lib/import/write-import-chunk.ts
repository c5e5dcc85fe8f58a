import "server-only";
import type { Database } from "../../db/client";
import type { RowFailure } from "../../db/queries/imports";
import { upsertContacts } from "../ingest/contacts";
import { appendEvents } from "../ingest/events";
import type { StageChangeInput } from "../ingest/schemas";
import { applyStageChanges } from "../ingest/stage-changes";
import type { StageChangeActor } from "../lifecycle/apply-stage-change";
import type { ImportKind } from "./import-fields";
import type { ImportCounts } from "./import-job-view";
import { joinReasons, type ImportItem, type RowResult } from "./row-mapping";

/** A row of the file after mapping and validation, ready to be written. */
export type PreparedRow<K extends ImportKind> = { rowNumber: number; cells: string[]; result: RowResult<K> };
export type ChunkOutcome = { counts: ImportCounts; failures: RowFailure[] };

const STORAGE_REFUSED = "This row could not be saved: the database refused one of its values.";

function emptyOutcome(): ChunkOutcome {
  return { counts: { created: 0, updated: 0, stored: 0, duplicates: 0, changed: 0, unchanged: 0, failed: 0 }, failures: [] };
}

function fail(outcome: ChunkOutcome, row: { rowNumber: number; cells: string[] }, reason: string) {
  outcome.counts.failed++;
  outcome.failures.push({ rowNumber: row.rowNumber, reason, cells: row.cells });
}

type ValidRow<K extends ImportKind> = { rowNumber: number; cells: string[]; items: ImportItem[K][] };

/**
 * Writes one chunk with a set-based ingest call. Should the database refuse the batch (a value
 * no schema foresaw), the rows are written one by one so only the offending row fails.
 */
async function writeWithFallback<K extends ImportKind>(
  rows: ValidRow<K>[],
  outcome: ChunkOutcome,
  write: (rows: ValidRow<K>[], outcome: ChunkOutcome) => Promise<void>,
) {
  if (rows.length === 0) return;
  try {
    const attempt = emptyOutcome();
    await write(rows, attempt);
    merge(outcome, attempt);
  } catch (error) {
    if (rows.length === 1) {
      console.error("import: row refused by the database", error);
      fail(outcome, rows[0]!, STORAGE_REFUSED);
      return;
    }
    for (const row of rows) await writeWithFallback([row], outcome, write);
  }
}

function merge(into: ChunkOutcome, from: ChunkOutcome) {
  for (const key of Object.keys(into.counts) as (keyof ImportCounts)[]) into.counts[key] += from.counts[key];
  into.failures.push(...from.failures);
}

async function writeContacts(db: Database, rows: ValidRow<"contacts">[], outcome: ChunkOutcome) {
  const results = await upsertContacts(db, rows.map((r) => r.items[0]!));
  for (const r of results) outcome.counts[r.status === "created" ? "created" : "updated"]++;
}

async function writeEvents(db: Database, rows: ValidRow<"events">[], outcome: ChunkOutcome) {
  const results = await appendEvents(db, rows.map((r) => r.items[0]!));
  for (const r of results) {
    if (r.status === "stored") outcome.counts.stored++;
    else if (r.status === "duplicate") outcome.counts.duplicates++;
    else fail(outcome, rows[r.index]!, r.error ?? "The event could not be stored.");
  }
}

const describeChange = (c: StageChangeInput) => `${c.to} on ${c.at.toISOString().slice(0, 10)}`;

/**
 * Applies the rows' stage changes oldest first; one row's changes may succeed while a later one is
 * refused. Changes already on record (the same file imported again) come back unchanged.
 */
async function writeStageChanges(db: Database, rows: ValidRow<"stage_changes">[], outcome: ChunkOutcome, actor: StageChangeActor) {
  const pending: { row: number; change: StageChangeInput }[] = [];
  rows.forEach((row, i) => {
    if (row.items.length === 0) outcome.counts.unchanged++;
    for (const change of row.items) pending.push({ row: i, change });
  });
  // Stable: changes at the same instant keep the file's order.
  pending.sort((a, b) => a.change.at.getTime() - b.change.at.getTime());
  const results = await applyStageChanges(db, pending.map((p) => p.change), actor);
  const problems = new Map<number, string[]>();
  for (const result of results) {
    const { row, change } = pending[result.index]!;
    if (result.status === "changed") outcome.counts.changed++;
    else if (result.status === "unchanged") outcome.counts.unchanged++;
    else problems.set(row, [...(problems.get(row) ?? []), `${describeChange(change)}: ${result.error}`]);
  }
  for (const [row, reasons] of problems) fail(outcome, rows[row]!, joinReasons(reasons));
}

export async function writeImportChunk<K extends ImportKind>({
  db,
  kind,
  rows,
  actor,
}: {
  db: Database;
  kind: K;
  rows: PreparedRow<K>[];
  actor: StageChangeActor;
}): Promise<ChunkOutcome> {
  const outcome = emptyOutcome();
  const valid: ValidRow<ImportKind>[] = [];
  for (const row of rows) {
    if (row.result.ok) valid.push({ rowNumber: row.rowNumber, cells: row.cells, items: row.result.items });
    else fail(outcome, row, row.result.error);
  }
  if (kind === "contacts") await writeWithFallback(valid as ValidRow<"contacts">[], outcome, (r, o) => writeContacts(db, r, o));
  else if (kind === "events") await writeWithFallback(valid as ValidRow<"events">[], outcome, (r, o) => writeEvents(db, r, o));
  else await writeWithFallback(valid as ValidRow<"stage_changes">[], outcome, (r, o) => writeStageChanges(db, r, o, actor));
  outcome.failures.sort((a, b) => a.rowNumber - b.rowNumber);
  return outcome;
}

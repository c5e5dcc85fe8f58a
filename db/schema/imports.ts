import { bigint, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/** What a CSV import loads: contacts, timeline events, or lifecycle stage changes. */
export const importKind = pgEnum("import_kind", ["contacts", "events", "stage_changes"]);

/**
 * `interrupted`: the server stopped while the import was queued or running. Imports are
 * idempotent, so running the same file again finishes the job without duplicating anything.
 */
export const importStatus = pgEnum("import_status", ["queued", "running", "completed", "failed", "interrupted"]);

export type ImportKind = (typeof importKind.enumValues)[number];
export type ImportStatus = (typeof importStatus.enumValues)[number];

/** Which CSV column feeds which field: `{ "Email Address": "email", "Company Name": "account.name" }`. */
export type ColumnMapping = Record<string, string>;

/** How dates without an ISO form are read: `03/15/2026` month first (`mdy`) or day first (`dmy`). */
export type ImportDateFormat = "iso" | "mdy" | "dmy";

/** One uploaded CSV file and how far its import has gone. */
export const importJobs = pgTable(
  "import_jobs",
  {
    /** Also names the uploaded file on disk (`<DATA_DIR>/imports/<id>.csv`). */
    id: uuid("id").primaryKey(),
    kind: importKind("kind").notNull(),
    fileName: text("file_name").notNull(),
    /** The file's header row, de-duplicated: the columns of the failed-rows report. */
    headers: jsonb("headers").$type<string[]>().notNull(),
    mapping: jsonb("mapping").$type<ColumnMapping>().notNull(),
    delimiter: text("delimiter").notNull().default(","),
    dateFormat: text("date_format").$type<ImportDateFormat>().notNull().default("iso"),
    status: importStatus("status").notNull().default("queued"),
    /** Why the job failed or was interrupted, in words for the person who started it. */
    error: text("error"),
    totalBytes: bigint("total_bytes", { mode: "number" }).notNull(),
    processedBytes: bigint("processed_bytes", { mode: "number" }).notNull().default(0),
    rowsProcessed: integer("rows_processed").notNull().default(0),
    createdCount: integer("created_count").notNull().default(0),
    updatedCount: integer("updated_count").notNull().default(0),
    storedCount: integer("stored_count").notNull().default(0),
    duplicateCount: integer("duplicate_count").notNull().default(0),
    changedCount: integer("changed_count").notNull().default(0),
    unchangedCount: integer("unchanged_count").notNull().default(0),
    failedCount: integer("failed_count").notNull().default(0),
    /** The server process running the job, and when it last said it was alive. */
    runnerId: text("runner_id"),
    heartbeatAt: timestamp("heartbeat_at", { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    // The import page lists the most recent jobs.
    index("import_jobs_created_idx").on(t.createdAt.desc(), t.id.desc()),
  ],
);
export type ImportJob = typeof importJobs.$inferSelect;
export type NewImportJob = typeof importJobs.$inferInsert;

/** A row that was not imported, with the reason and its original cells (for the failed-rows CSV). */
export const importRowErrors = pgTable(
  "import_row_errors",
  {
    jobId: uuid("job_id")
      .notNull()
      .references(() => importJobs.id, { onDelete: "cascade" }),
    /** Spreadsheet row number: the header is row 1. */
    rowNumber: integer("row_number").notNull(),
    reason: text("reason").notNull(),
    cells: jsonb("cells").$type<string[]>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.rowNumber] })],
);
export type ImportRowError = typeof importRowErrors.$inferSelect;

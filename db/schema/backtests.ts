import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { BacktestResult } from "../../lib/analytics/backtest/backtest-result";
import { scoringModelVersions } from "./scoring-models";
import { users } from "./users";

export const backtestStatus = pgEnum("backtest_status", ["queued", "running", "completed", "failed"]);

/**
 * A replay of a draft model next to the published one over the last months of events: which
 * contacts each would have qualified, and how those contacts really turned out. Worked through
 * contact by contact range (`chunksDone` of `chunksTotal`), which is what its progress bar shows.
 */
export const backtests = pgTable(
  "backtests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    draftVersionId: uuid("draft_version_id")
      .notNull()
      .references(() => scoringModelVersions.id, { onDelete: "cascade" }),
    baselineVersionId: uuid("baseline_version_id")
      .notNull()
      .references(() => scoringModelVersions.id),
    months: integer("months").notNull(),
    /** The replayed window: [from, until). */
    from: timestamp("from", { withTimezone: true }).notNull(),
    until: timestamp("until", { withTimezone: true }).notNull(),
    status: backtestStatus("status").notNull().default("queued"),
    chunksDone: integer("chunks_done").notNull().default(0),
    chunksTotal: integer("chunks_total").notNull(),
    result: jsonb("result").$type<BacktestResult>(),
    error: text("error"),
    requestedById: uuid("requested_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [index("backtests_draft_idx").on(t.draftVersionId, t.createdAt.desc())],
);
export type Backtest = typeof backtests.$inferSelect;

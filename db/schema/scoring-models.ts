import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { ScoringModelDefinition } from "../../lib/scoring/model-schema";
import { modelStatus } from "./enums";
import { users } from "./users";

/**
 * A version of the scoring model: fit rules, engagement rules, thresholds, segment overrides and
 * qualifying actions, as one validated JSON definition. Draft → published; a published version is
 * never edited again (a new draft is cloned from it instead).
 */
export const scoringModelVersions = pgTable(
  "scoring_model_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    version: integer("version").notNull(),
    name: text("name").notNull(),
    status: modelStatus("status").notNull().default("draft"),
    definition: jsonb("definition").$type<ScoringModelDefinition>().notNull(),
    notes: text("notes"),
    basedOnId: uuid("based_on_id"),
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    publishedById: uuid("published_by_id").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    uniqueIndex("scoring_model_versions_version_idx").on(t.version),
    index("scoring_model_versions_published_idx").on(t.publishedAt.desc()).where(sql`${t.status} = 'published'`),
  ],
);
export type ScoringModelVersion = typeof scoringModelVersions.$inferSelect;
export type NewScoringModelVersion = typeof scoringModelVersions.$inferInsert;

export const scoringRunReason = pgEnum("scoring_run_reason", ["publish", "daily", "manual"]);
export const scoringRunStatus = pgEnum("scoring_run_status", ["queued", "running", "completed", "failed"]);
/** computing: one pass over the events; writing: the new scores table, swapped in; designating: new MQLs. */
export const scoringRunPhase = pgEnum("scoring_run_phase", ["computing", "writing", "designating"]);

/**
 * One rescoring of every contact under a model version: after a publish, every day (decay), or
 * on request. Its phase and counts are what the scoring page's progress bar shows.
 */
export const scoringRuns = pgTable(
  "scoring_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    modelVersionId: uuid("model_version_id")
      .notNull()
      .references(() => scoringModelVersions.id),
    reason: scoringRunReason("reason").notNull(),
    status: scoringRunStatus("status").notNull().default("queued"),
    phase: scoringRunPhase("phase"),
    /** The instant the scores are computed at. */
    scoredAt: timestamp("scored_at", { withTimezone: true }),
    totalContacts: integer("total_contacts"),
    changedContacts: integer("changed_contacts").notNull().default(0),
    /** Contacts the model qualifies who may become MQLs, and how many of them were handled so far. */
    candidateMqls: integer("candidate_mqls"),
    processedCandidates: integer("processed_candidates").notNull().default(0),
    designatedMqls: integer("designated_mqls").notNull().default(0),
    error: text("error"),
    requestedById: uuid("requested_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [index("scoring_runs_created_idx").on(t.createdAt.desc())],
);
export type ScoringRun = typeof scoringRuns.$inferSelect;

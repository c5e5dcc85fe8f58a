import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
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

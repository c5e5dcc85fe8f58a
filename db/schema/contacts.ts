import { sql, type SQL } from "drizzle-orm";
import { bigint, doublePrecision, index, integer, jsonb, pgTable, real, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { campaigns } from "./campaigns";
import { lifecycleStage } from "./enums";
import { scoringModelVersions } from "./scoring-models";
import { users } from "./users";

/** People. The email is stored lower-cased, which makes it unique case-insensitively. */
export const contacts = pgTable(
  "contacts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    firstName: text("first_name"),
    lastName: text("last_name"),
    title: text("title"),
    /** c_level, vp, director, manager, individual_contributor, student, other */
    seniority: text("seniority"),
    /** marketing, sales, engineering, it, finance, operations, hr, executive, other */
    jobFunction: text("job_function"),
    phone: text("phone"),
    country: text("country"),
    region: text("region"),
    source: text("source"),
    campaignId: uuid("campaign_id").references(() => campaigns.id, { onDelete: "set null" }),
    accountId: uuid("account_id").references(() => accounts.id, { onDelete: "set null" }),
    ownerId: uuid("owner_id").references(() => users.id, { onDelete: "set null" }),
    stage: lifecycleStage("stage").notNull().default("lead"),
    stageChangedAt: timestamp("stage_changed_at", { withTimezone: true }).notNull().defaultNow(),
    properties: jsonb("properties").$type<Record<string, unknown>>().notNull().default({}),
    /** Optimistic concurrency: every lifecycle change bumps it and checks the old value. */
    version: integer("version").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    /** Lower-cased name and email, for the trigram search of the contacts list. */
    searchText: text("search_text").generatedAlwaysAs(
      (): SQL =>
        sql`lower(coalesce(${contacts.firstName}, '') || ' ' || coalesce(${contacts.lastName}, '') || ' ' || ${contacts.email})`,
    ),
  },
  (t) => [
    uniqueIndex("contacts_email_idx").on(t.email),
    index("contacts_account_idx").on(t.accountId),
    // Owner filter in the default (newest) order: a rep owns 100k of a million contacts.
    index("contacts_owner_idx").on(t.ownerId, t.createdAt.desc(), t.id.desc()),
    // Contacts list: one index per sort order, each ending in id for keyset pagination (the score
    // and activity orders are on contact_scores).
    index("contacts_created_idx").on(t.createdAt.desc(), t.id.desc()),
    index("contacts_stage_idx").on(t.stage, t.createdAt.desc(), t.id.desc()),
    index("contacts_search_trgm_idx").using("gin", sql`${t.searchText} gin_trgm_ops`),
  ],
);
export type Contact = typeof contacts.$inferSelect;
export type NewContact = typeof contacts.$inferInsert;

/**
 * What a contact's timeline and the scoring model say of them: fit, engagement, the model version
 * that scored them, last activity and first unsubscribe. Exactly one row per contact, created with
 * it by a trigger (migration 0006).
 *
 * Kept apart from the contact because it is rewritten after every ingest batch that touches the
 * contact and for everyone when a model is published: this narrow row with its three sort indexes
 * costs a fraction of rewriting the wide contact row with its ten.
 */
export const contactScores = pgTable(
  "contact_scores",
  {
    contactId: uuid("contact_id")
      .primaryKey()
      .references(() => contacts.id, { onDelete: "cascade" }),
    fitScore: real("fit_score").notNull().default(0),
    engagementScore: real("engagement_score").notNull().default(0),
    modelVersionId: uuid("model_version_id").references(() => scoringModelVersions.id),
    scoredAt: timestamp("scored_at", { withTimezone: true }),
    lastActivityAt: timestamp("last_activity_at", { withTimezone: true }),
    unsubscribedAt: timestamp("unsubscribed_at", { withTimezone: true }),
    // What the contact's events added up to at `sumsAt` under the rules of `sumsVersionId`, so
    // that a later run scores them again without reading the events (lib/scoring/sql/carried-engagement-sql.ts):
    // per engagement rule the decayed occurrences (before points), per qualifying action when it
    // was last performed, and the oldest event counted. Their own instant and version, not the
    // scores', so that a write of the scores alone cannot make them seem newer than they are; no
    // foreign key, because a version they do not match is simply not carried from. Null until
    // first scored from events.
    sumsVersionId: uuid("sums_version_id"),
    sumsAt: timestamp("sums_at", { withTimezone: true }),
    ruleOccurrences: doublePrecision("rule_occurrences").array(),
    actionLastAt: timestamp("action_last_at", { withTimezone: true }).array(),
    earliestCountedAt: timestamp("earliest_counted_at", { withTimezone: true }),
  },
  (t) => [
    // The contacts list's score and activity orders, each ending in the contact id for keyset pagination.
    index("contact_scores_fit_idx").on(t.fitScore.desc(), t.contactId.desc()),
    index("contact_scores_engagement_idx").on(t.engagementScore.desc(), t.contactId.desc()),
    index("contact_scores_activity_idx").on(t.lastActivityAt.desc().nullsLast(), t.contactId.desc()),
  ],
);
export type ContactScores = typeof contactScores.$inferSelect;

/**
 * Contacts whose events changed since their derived fields (last activity, unsubscribe, scores)
 * were last computed. Ingest only appends here — updating a wide, heavily indexed contact row per
 * event would cost more than storing the event — and a background job drains it in sets.
 *
 * One row per ingest batch, holding the batch's distinct contacts: appending costs a batch one
 * row, and the drain takes many rows at once, refreshing each contact once however many batches
 * named it. Append-only, so ingest never waits for a drain in progress; no foreign key, because a
 * deleted contact simply has nothing to refresh.
 */
export const contactRefreshQueue = pgTable("contact_refresh_queue", {
  id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
  contactIds: uuid("contact_ids").array().notNull(),
  queuedAt: timestamp("queued_at", { withTimezone: true }).notNull().defaultNow(),
});

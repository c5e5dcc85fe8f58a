import { bigint, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { apiKeys } from "./api-keys";
import { contacts } from "./contacts";
import { actorType } from "./enums";
import { mqlRecords } from "./mql-records";
import { scoringModelVersions } from "./scoring-models";
import { users } from "./users";

/**
 * Audit log of every lifecycle change. Append-only: the application never updates or deletes
 * rows here (contacts deleted by an admin take their history with them).
 */
export const stageTransitions = pgTable(
  "stage_transitions",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    contactId: uuid("contact_id")
      .notNull()
      .references(() => contacts.id, { onDelete: "cascade" }),
    mqlRecordId: uuid("mql_record_id").references(() => mqlRecords.id, { onDelete: "set null" }),
    /** Stage names, plus `rejected` for a rejected MQL record. Null `fromStage` = created. */
    fromStage: text("from_stage"),
    toStage: text("to_stage").notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    actorType: actorType("actor_type").notNull(),
    actorUserId: uuid("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    actorApiKeyId: uuid("actor_api_key_id").references(() => apiKeys.id, { onDelete: "set null" }),
    modelVersionId: uuid("model_version_id").references(() => scoringModelVersions.id),
    reason: text("reason"),
    note: text("note"),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("stage_transitions_contact_idx").on(t.contactId, t.occurredAt.desc()),
    index("stage_transitions_mql_record_idx").on(t.mqlRecordId),
  ],
);
export type StageTransition = typeof stageTransitions.$inferSelect;
export type NewStageTransition = typeof stageTransitions.$inferInsert;

import { sql } from "drizzle-orm";
import { bigint, boolean, index, integer, jsonb, pgTable, real, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { contacts } from "./contacts";
import { mqlReason, mqlStatus } from "./enums";
import { routingRules } from "./routing";
import { scoringModelVersions } from "./scoring-models";
import { users } from "./users";

export type Bant = { budget?: string; authority?: string; need?: string; timeline?: string };

/** What a sales rep did with a handed-over SQL they rejected. */
export const SALES_REJECTION_OUTCOMES = ["back_to_sdr", "recycle"] as const;
export type SalesRejectionOutcome = (typeof SALES_REJECTION_OUTCOMES)[number];

/**
 * The handoff (PRODUCT.md §3): one row each time a contact qualifies. A recycled contact that
 * qualifies again opens a new record. Queues and cohort analytics read these rows.
 */
export const mqlRecords = pgTable(
  "mql_records",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    contactId: uuid("contact_id")
      .notNull()
      .references(() => contacts.id, { onDelete: "cascade" }),
    accountId: uuid("account_id").references(() => accounts.id, { onDelete: "set null" }),
    status: mqlStatus("status").notNull().default("mql"),
    mqlAt: timestamp("mql_at", { withTimezone: true }).notNull(),
    // Scores and model at the moment of qualification.
    fitScore: real("fit_score").notNull(),
    engagementScore: real("engagement_score").notNull(),
    /** Queue order: the higher, the hotter. */
    priorityScore: real("priority_score").notNull(),
    modelVersionId: uuid("model_version_id").references(() => scoringModelVersions.id),
    reason: mqlReason("reason").notNull(),
    /** e.g. the qualifying action's event type, or the segment whose threshold applied. */
    reasonDetail: text("reason_detail"),
    /** Part of the exploration sample: routed although just below the threshold. */
    isExploration: boolean("is_exploration").notNull().default(false),
    /**
     * The exploration share in force when an exploration record was picked (0–1): below the
     * threshold each such record stands for 1/share contacts in the threshold sweep. Null otherwise.
     */
    explorationShare: real("exploration_share"),
    segment: text("segment"),
    /** The contact's region when it qualified, for breakdowns that should not join contacts. */
    region: text("region"),
    source: text("source"),
    campaignId: uuid("campaign_id"),
    // Routing.
    assignedRepId: uuid("assigned_rep_id").references(() => users.id, { onDelete: "set null" }),
    assignedAt: timestamp("assigned_at", { withTimezone: true }),
    routingRuleId: uuid("routing_rule_id").references(() => routingRules.id, { onDelete: "set null" }),
    routingReason: text("routing_reason"),
    slaDueAt: timestamp("sla_due_at", { withTimezone: true }),
    // What followed.
    firstTouchAt: timestamp("first_touch_at", { withTimezone: true }),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    sqlAt: timestamp("sql_at", { withTimezone: true }),
    bant: jsonb("bant").$type<Bant>(),
    /** Who qualified it (→ SQL): a sales rep's "back to the SDR" returns it to them. */
    qualifiedById: uuid("qualified_by_id").references(() => users.id, { onDelete: "set null" }),
    /** The sales rep it was handed to; the handover waits for them until `salesAcceptedAt`. */
    salesOwnerId: uuid("sales_owner_id").references(() => users.id, { onDelete: "set null" }),
    salesAcceptedAt: timestamp("sales_accepted_at", { withTimezone: true }),
    // The last time sales turned the SQL down, and why (kept for the rejection analytics; every
    // refusal is also in stage_transitions).
    salesRejectedAt: timestamp("sales_rejected_at", { withTimezone: true }),
    salesRejectedById: uuid("sales_rejected_by_id").references(() => users.id, { onDelete: "set null" }),
    salesRejectionReason: text("sales_rejection_reason"),
    salesRejectionNote: text("sales_rejection_note"),
    salesRejectionOutcome: text("sales_rejection_outcome").$type<SalesRejectionOutcome>(),
    opportunityAt: timestamp("opportunity_at", { withTimezone: true }),
    wonAt: timestamp("won_at", { withTimezone: true }),
    lostAt: timestamp("lost_at", { withTimezone: true }),
    lostReason: text("lost_reason"),
    rejectedAt: timestamp("rejected_at", { withTimezone: true }),
    rejectedById: uuid("rejected_by_id").references(() => users.id, { onDelete: "set null" }),
    rejectionReason: text("rejection_reason"),
    rejectionNote: text("rejection_note"),
    recycledAt: timestamp("recycled_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    /** Optimistic concurrency for accept/reject races. */
    version: integer("version").notNull().default(0),
    // Who made the last change through Handoff and what it was, for "this lead was just updated
    // by …". Written with `updatedAt`; a change made elsewhere (a CRM, scoring) leaves them older.
    lastActionById: uuid("last_action_by_id").references(() => users.id, { onDelete: "set null" }),
    lastAction: text("last_action"),
    lastActionAt: timestamp("last_action_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // A rep's open queue, hottest first: partial, so it only holds the few open records.
    index("mql_records_queue_idx")
      .on(t.assignedRepId, t.priorityScore.desc(), t.id.desc())
      .where(sql`${t.status} in ('mql', 'sal')`),
    // Every rep's open queue, hottest first (admins).
    index("mql_records_open_priority_idx")
      .on(t.priorityScore.desc(), t.id.desc())
      .where(sql`${t.status} in ('mql', 'sal')`),
    // A rep's open queue by SLA urgency: untouched first, earliest due first, no SLA last.
    index("mql_records_queue_sla_idx")
      .on(t.assignedRepId, sql`((${t.firstTouchAt} is not null)::int)`, sql`coalesce(${t.slaDueAt}, 'infinity'::timestamptz)`, t.id)
      .where(sql`${t.status} in ('mql', 'sal')`),
    // SLA urgency order and the overdue scan.
    index("mql_records_sla_idx")
      .on(t.assignedRepId, t.slaDueAt, t.id)
      .where(sql`${t.status} = 'mql' and ${t.firstTouchAt} is null`),
    // A sales rep's pipeline.
    index("mql_records_pipeline_idx")
      .on(t.salesOwnerId, t.status)
      .where(sql`${t.status} in ('sql', 'opportunity')`),
    // Funnel date ranges, and every funnel breakdown, cohort, speed-to-lead and campaign-cost
    // read as an index-only scan: a record's stamps and groups are a quarter of its heap row. The
    // columns after mql_at are only there to cover those reads (drizzle cannot declare INCLUDE).
    index("mql_records_funnel_idx").on(
      t.mqlAt,
      t.status,
      t.acceptedAt,
      t.sqlAt,
      t.opportunityAt,
      t.wonAt,
      t.lostAt,
      t.rejectedAt,
      t.firstTouchAt,
      t.source,
      t.region,
      t.segment,
      t.campaignId,
      t.assignedRepId,
      t.modelVersionId,
    ),
    // The threshold sweep and the fit × engagement grid (db/queries/threshold-sweep.ts) as an
    // index-only scan: scores at qualification, region, exploration weight and the outcome stamps.
    index("mql_records_calibration_idx").on(t.mqlAt, t.fitScore, t.engagementScore, t.region, t.isExploration, t.explorationShare, t.sqlAt, t.opportunityAt, t.wonAt),
    index("mql_records_contact_idx").on(t.contactId, t.mqlAt.desc()),
    index("mql_records_account_idx").on(t.accountId),
  ],
);
export type MqlRecord = typeof mqlRecords.$inferSelect;
export type NewMqlRecord = typeof mqlRecords.$inferInsert;

/** Who moved a lead to another rep's queue or pipeline, from whom, and why. Append-only. */
export const mqlReassignments = pgTable(
  "mql_reassignments",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    mqlRecordId: uuid("mql_record_id")
      .notNull()
      .references(() => mqlRecords.id, { onDelete: "cascade" }),
    /** `assigned_rep` (the queue: MQL/SAL) or `sales_owner` (the pipeline: SQL/opportunity). */
    field: text("field").$type<"assigned_rep" | "sales_owner">().notNull(),
    fromUserId: uuid("from_user_id").references(() => users.id, { onDelete: "set null" }),
    toUserId: uuid("to_user_id").references(() => users.id, { onDelete: "set null" }),
    reassignedById: uuid("reassigned_by_id").references(() => users.id, { onDelete: "set null" }),
    reason: text("reason").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("mql_reassignments_record_idx").on(t.mqlRecordId, t.at)],
);
export type MqlReassignment = typeof mqlReassignments.$inferSelect;

/** The managed list of reasons an SDR or AE may reject a lead with. */
export const rejectionReasons = pgTable("rejection_reasons", {
  code: text("code").primaryKey(),
  label: text("label").notNull(),
  requiresNote: boolean("requires_note").notNull().default(false),
  position: integer("position").notNull().default(0),
  archivedAt: timestamp("archived_at", { withTimezone: true }),
});
export type RejectionReason = typeof rejectionReasons.$inferSelect;

/** Account-level qualification (MQA, PRODUCT.md §7). */
export const mqaRecords = pgTable(
  "mqa_records",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    mqaAt: timestamp("mqa_at", { withTimezone: true }).notNull(),
    accountScore: real("account_score").notNull(),
    /** Breakdown at qualification: fit, engagement, coverage. */
    components: jsonb("components").$type<Record<string, number>>().notNull().default({}),
    modelVersionId: uuid("model_version_id").references(() => scoringModelVersions.id),
    assignedRepId: uuid("assigned_rep_id").references(() => users.id, { onDelete: "set null" }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("mqa_records_account_idx").on(t.accountId, t.mqaAt.desc()),
    index("mqa_records_mqa_at_idx").on(t.mqaAt),
    // At most one open MQA per account, however many rescorings race.
    uniqueIndex("mqa_records_open_idx").on(t.accountId).where(sql`${t.closedAt} is null`),
  ],
);
export type MqaRecord = typeof mqaRecords.$inferSelect;

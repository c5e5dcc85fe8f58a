import { sql } from "drizzle-orm";
import { bigint, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { contacts } from "./contacts";
import { users } from "./users";

/**
 * Built-in engagement event types (PRODUCT.md §3). The column is free text so that any system
 * can send its own custom types too.
 */
export const EVENT_TYPES = [
  "email_sent",
  "email_open",
  "email_click",
  "email_reply",
  "email_bounce",
  "unsubscribe",
  "page_view",
  "form_submit",
  "content_download",
  "webinar_registered",
  "webinar_attended",
  "demo_request",
  "call",
  "meeting",
  "note",
] as const;
export type BuiltInEventType = (typeof EVENT_TYPES)[number];

/** The unified timeline: every touch from every system, one row each. */
export const engagementEvents = pgTable(
  "engagement_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    contactId: uuid("contact_id")
      .notNull()
      .references(() => contacts.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    /** System of origin: hubspot, marketo, salesforce, web, handoff… */
    source: text("source").notNull(),
    /** The id in the system of origin; `(source, externalId)` is stored once. */
    externalId: text("external_id").notNull(),
    actorUserId: uuid("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    properties: jsonb("properties").$type<Record<string, unknown>>().notNull().default({}),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("engagement_events_source_external_idx").on(t.source, t.externalId),
    // The timeline: a contact's events newest first, keyset-paginated on (occurredAt, id).
    index("engagement_events_timeline_idx").on(t.contactId, t.occurredAt.desc(), t.id.desc()),
    // A contact's first unsubscribe, looked up on every refresh: a probe instead of reading all their events.
    index("engagement_events_unsubscribe_idx").on(t.contactId, t.occurredAt).where(sql`${t.type} = 'unsubscribe'`),
  ],
);
export type EngagementEvent = typeof engagementEvents.$inferSelect;
export type NewEngagementEvent = typeof engagementEvents.$inferInsert;

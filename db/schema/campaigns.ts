import { bigint, date, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

/** Marketing campaigns; contacts and events name them, analytics divides spend by their MQLs. */
export const campaigns = pgTable(
  "campaigns",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    /** Channel/source family: paid_search, paid_social, events, content, outbound, partner… */
    channel: text("channel").notNull(),
    startsOn: date("starts_on"),
    endsOn: date("ends_on"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("campaigns_name_idx").on(t.name), index("campaigns_channel_idx").on(t.channel)],
);
export type Campaign = typeof campaigns.$inferSelect;

/** Spend per campaign per month, so cost per MQL can be computed for any period. */
export const campaignSpend = pgTable(
  "campaign_spend",
  {
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    month: date("month").notNull(),
    /** In the smallest currency unit (cents). */
    amountCents: bigint("amount_cents", { mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.month] })],
);
export type CampaignSpend = typeof campaignSpend.$inferSelect;

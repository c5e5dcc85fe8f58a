import { sql } from "drizzle-orm";
import { bigint, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/** Companies. Contacts are matched to them by email domain. */
export const accounts = pgTable(
  "accounts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Lower-case, without `www.`; unique. */
    domain: text("domain").notNull(),
    name: text("name").notNull(),
    industry: text("industry"),
    employees: integer("employees"),
    annualRevenue: bigint("annual_revenue", { mode: "number" }),
    country: text("country"),
    region: text("region"),
    technologies: text("technologies").array().notNull().default(sql`'{}'::text[]`),
    ownerId: uuid("owner_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("accounts_domain_idx").on(t.domain),
    // Accounts list sorted by name with keyset pagination.
    index("accounts_name_idx").on(t.name, t.id),
    index("accounts_owner_idx").on(t.ownerId),
    // Contains-search on the company name from the contacts and accounts lists.
    index("accounts_name_trgm_idx").using("gin", sql`lower(${t.name}) gin_trgm_ops`),
  ],
);
export type Account = typeof accounts.$inferSelect;
export type NewAccount = typeof accounts.$inferInsert;

/**
 * The account-level (MQA) score, PRODUCT.md §7, rounded as shown: a narrow row per scored account,
 * kept apart from the wide, many-indexed accounts row so that rescoring every account rewrites
 * little (as contact_scores does for contacts).
 */
export const accountScores = pgTable("account_scores", {
  accountId: uuid("account_id")
    .primaryKey()
    .references(() => accounts.id, { onDelete: "cascade" }),
  score: integer("score").notNull(),
});

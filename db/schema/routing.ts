import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/** First touch due within N business hours (PRODUCT.md §6), counted in the rep's time zone. */
export const slaPolicies = pgTable("sla_policies", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  firstTouchHours: integer("first_touch_hours").notNull(),
  /** Working day, in hours of the rep's local clock: [start, end). */
  workdayStartHour: integer("workday_start_hour").notNull().default(9),
  workdayEndHour: integer("workday_end_hour").notNull().default(17),
  /** ISO weekdays that count (1 = Monday … 7 = Sunday). */
  workingDays: integer("working_days").array().notNull().default([1, 2, 3, 4, 5]),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
export type SlaPolicy = typeof slaPolicies.$inferSelect;

/** A team of reps that shares a round-robin, e.g. "EMEA SDRs". */
export const territories = pgTable("territories", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  description: text("description"),
  slaPolicyId: uuid("sla_policy_id").references(() => slaPolicies.id, { onDelete: "set null" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
export type Territory = typeof territories.$inferSelect;

/** Reps of a territory, with the round-robin's memory of whom it served last. */
export const territoryMembers = pgTable(
  "territory_members",
  {
    territoryId: uuid("territory_id")
      .notNull()
      .references(() => territories.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    lastAssignedAt: timestamp("last_assigned_at", { withTimezone: true }),
    assignedCount: integer("assigned_count").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.territoryId, t.userId] }), index("territory_members_user_idx").on(t.userId)],
);
export type TerritoryMember = typeof territoryMembers.$inferSelect;

/** Conditions a contact must meet for a routing rule; every listed condition must hold. */
export type RoutingConditions = {
  regions?: string[];
  countries?: string[];
  industries?: string[];
  minEmployees?: number;
  maxEmployees?: number;
};

/** Ordered rules: the first whose conditions match decides the territory (or a single rep). */
export const routingRules = pgTable(
  "routing_rules",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    priority: integer("priority").notNull(),
    conditions: jsonb("conditions").$type<RoutingConditions>().notNull().default({}),
    territoryId: uuid("territory_id").references(() => territories.id, { onDelete: "cascade" }),
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    isActive: boolean("is_active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("routing_rules_priority_idx").on(t.priority)],
);
export type RoutingRule = typeof routingRules.$inferSelect;

import { jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Workspace-wide settings as key → JSON (e.g. the exploration sample share, saved CSV mappings). */
export const appSettings = pgTable("app_settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

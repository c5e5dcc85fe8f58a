import { pgEnum } from "drizzle-orm/pg-core";

/** Roles from PRODUCT.md §1. `admin` can do everything the others can. */
export const userRole = pgEnum("user_role", ["marketer", "sdr", "sales", "admin"]);

/**
 * Lifecycle stages from PRODUCT.md §4. `rejected` is not a contact stage: a rejected MQL
 * record sends its contact to `recycled`, so rejection is a stamp on the MQL record.
 */
export const lifecycleStage = pgEnum("lifecycle_stage", [
  "lead",
  "mql",
  "sal",
  "sql",
  "opportunity",
  "customer",
  "lost",
  "recycled",
]);

/** Where an MQL record stands. Mirrors the contact's stage while the record is the current one. */
export const mqlStatus = pgEnum("mql_status", [
  "mql",
  "sal",
  "sql",
  "opportunity",
  "customer",
  "lost",
  "rejected",
  "recycled",
]);

/** Why a contact became an MQL. */
export const mqlReason = pgEnum("mql_reason", [
  "threshold",
  "qualifying_action",
  "manual",
  "import",
  "exploration",
]);

/** Who made a stage change. */
export const actorType = pgEnum("actor_type", ["user", "api_key", "system", "import"]);

export const modelStatus = pgEnum("model_status", ["draft", "published", "archived"]);

export const deliveryStatus = pgEnum("delivery_status", ["pending", "succeeded", "failed"]);

export type UserRole = (typeof userRole.enumValues)[number];
export type LifecycleStage = (typeof lifecycleStage.enumValues)[number];
export type MqlStatus = (typeof mqlStatus.enumValues)[number];
export type MqlReason = (typeof mqlReason.enumValues)[number];
export type ActorType = (typeof actorType.enumValues)[number];
export type ModelStatus = (typeof modelStatus.enumValues)[number];

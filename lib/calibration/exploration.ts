import { createHash } from "node:crypto";
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";

/**
 * The exploration sample (PRODUCT.md §9, "honest about what was never observed"): a small random
 * share of the contacts just below the MQL thresholds is routed to sales anyway, flagged, so that
 * conversion below the threshold in force is observed instead of guessed. The draw is a hash of
 * the contact and the month, not a random number: rescoring the same contact in the same month
 * gives the same answer, so a nightly run never re-rolls a contact into the sample.
 */
export const EXPLORATION_SETTING_KEY = "exploration_sample";

/** Past a fifth of the near misses it stops being a sample and becomes a lower threshold. */
export const MAX_EXPLORATION_SHARE = 0.2;
export const MAX_EXPLORATION_BAND = 30;

/** Shares are set in steps of 0.01 % (4 decimals as a fraction), and read back at that precision. */
export const SHARE_DECIMALS = 4;

export const explorationSettingsSchema = z.object({
  /** The share (0–0.2) of contacts within the band who are routed; 0 turns the sample off. */
  share: z
    .number({ message: "The share is a number" })
    .min(0, { message: "The share is at least 0%" })
    .max(MAX_EXPLORATION_SHARE, { message: "The share is at most 20%" })
    .refine((s) => Math.abs(s * 10 ** SHARE_DECIMALS - Math.round(s * 10 ** SHARE_DECIMALS)) < 1e-9, { message: "The share is set in steps of 0.01%" }),
  /** How many points below each threshold a contact may be and still be drawn. */
  bandPoints: z
    .number({ message: "The band is a number of points" })
    .int({ message: "The band is a whole number of points" })
    .min(1, { message: "The band is at least 1 point" })
    .max(MAX_EXPLORATION_BAND, { message: `The band is at most ${MAX_EXPLORATION_BAND} points` }),
});
export type ExplorationSettings = z.infer<typeof explorationSettingsSchema>;

export const DEFAULT_EXPLORATION: ExplorationSettings = { share: 0, bandPoints: 10 };

/** The month a draw belongs to, in UTC: `2026-03`. */
export function explorationMonth(at: Date): string {
  return at.toISOString().slice(0, 7);
}

/** A number in [0, 1) fixed for a contact within a month: the first 32 bits of md5("<id>:<month>"). */
export function explorationDraw(contactId: string, month: string): number {
  const hex = createHash("md5").update(`${contactId}:${month}`).digest("hex").slice(0, 8);
  return Number.parseInt(hex, 16) / 2 ** 32;
}

export type NearMissInput = { fit: number; engagement: number; fitThreshold: number; engagementThreshold: number };

/** Misses the thresholds, but by at most `bandPoints` on each dimension (a dimension it passes is within). */
export function inExplorationBand(c: NearMissInput, bandPoints: number): boolean {
  const meets = c.fit >= c.fitThreshold && c.engagement >= c.engagementThreshold;
  return !meets && c.fit >= c.fitThreshold - bandPoints && c.engagement >= c.engagementThreshold - bandPoints;
}

/** Whether a contact is drawn into the exploration sample at `at` — the reference for `explorationPickSql`. */
export function pickedForExploration(c: NearMissInput & { contactId: string }, settings: ExplorationSettings, at: Date): boolean {
  return settings.share > 0 && inExplorationBand(c, settings.bandPoints) && explorationDraw(c.contactId, explorationMonth(at)) < settings.share;
}

/**
 * `pickedForExploration` in SQL over a scored row aliased `x` (contact_id, fit, engagement,
 * fit_threshold, engagement_threshold — `scoreContactsSql`'s columns). With the sample off it is
 * `false`, which the planner folds away.
 */
export function explorationPickSql(settings: ExplorationSettings, at: Date, alias = "x"): SQL {
  if (settings.share <= 0) return sql`false`;
  const x = (column: string) => sql.raw(`${alias}.${column}`);
  const band = settings.bandPoints;
  return sql`(not (${x("fit")} >= ${x("fit_threshold")} and ${x("engagement")} >= ${x("engagement_threshold")})
    and ${x("fit")} >= ${x("fit_threshold")} - ${band}::float8 and ${x("engagement")} >= ${x("engagement_threshold")} - ${band}::float8
    and ('x' || substr(md5(${x("contact_id")}::text || ':' || ${explorationMonth(at)}::text), 1, 8))::bit(32)::bigint / 4294967296.0 < ${settings.share}::float8)`;
}

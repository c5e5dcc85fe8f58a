import "server-only";
import { eq } from "drizzle-orm";
import { DEFAULT_EXPLORATION, EXPLORATION_SETTING_KEY, explorationSettingsSchema, type ExplorationSettings } from "@/lib/calibration/exploration";
import type { Database } from "../client";
import { appSettings } from "../schema";

/** The exploration sample in force; off (share 0) until someone sets it, or if the stored value no longer parses. */
export async function getExplorationSettings(db: Database): Promise<ExplorationSettings> {
  const [row] = await db.select({ value: appSettings.value }).from(appSettings).where(eq(appSettings.key, EXPLORATION_SETTING_KEY)).limit(1);
  const parsed = explorationSettingsSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : DEFAULT_EXPLORATION;
}

export async function saveExplorationSettings(db: Database, settings: ExplorationSettings): Promise<ExplorationSettings> {
  const value = explorationSettingsSchema.parse(settings);
  await db
    .insert(appSettings)
    .values({ key: EXPLORATION_SETTING_KEY, value })
    .onConflictDoUpdate({ target: appSettings.key, set: { value, updatedAt: new Date() } });
  return value;
}

"use server";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { saveExplorationSettings } from "@/db/queries/exploration-settings";
import { can } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/auth/session";
import { explorationSettingsSchema, type ExplorationSettings } from "@/lib/calibration/exploration";

export type ExplorationActionResult = { ok: true; settings: ExplorationSettings } | { ok: false; error: string };

/**
 * Sets the exploration sample. Whoever may edit the scoring model (marketers, admins) may set it:
 * it decides, like the thresholds, which contacts reach sales. It applies from the next rescoring.
 */
export async function saveExplorationAction(input: unknown): Promise<ExplorationActionResult> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, error: "Sign in to continue." };
  if (!can(user.role, "model:edit")) return { ok: false, error: "Your role does not allow changing the exploration sample." };
  const parsed = explorationSettingsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]!.message };
  const settings = await saveExplorationSettings(await getDb(), parsed.data);
  revalidatePath("/calibration");
  return { ok: true, settings };
}

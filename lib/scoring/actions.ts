"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/session";
import { AppError } from "@/lib/http/errors";
import { createDraft, deleteDraft, publishDraft, updateDraft } from "./model-versions";

/**
 * The model editor's writes: thin — validate, check the role, call model-versions, revalidate.
 * Each returns a plain result the editor shows; nothing is thrown at the page.
 */

export type ActionResult<T = object> = ({ ok: true } & T) | { ok: false; error: string; issues?: { path: (string | number)[]; message: string }[] };

const idSchema = z.uuid("Not a valid model version id");

async function attempt<T extends object>(work: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, ...(await work()) };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.message };
    throw error;
  }
}

export async function createDraftAction(fromId?: string): Promise<ActionResult<{ id: string }>> {
  const user = await requirePermission("model:edit");
  const from = fromId === undefined ? undefined : idSchema.safeParse(fromId);
  if (from && !from.success) return { ok: false, error: "Not a valid model version id." };
  return attempt(async () => {
    const draft = await createDraft(await getDb(), { fromId: from?.data, userId: user.id });
    revalidatePath("/scoring");
    return { id: draft.id };
  });
}

const saveSchema = z.object({
  id: idSchema,
  name: z.string().trim().min(1, "Give the version a name").max(120, "Keep the name under 120 characters"),
  notes: z.string().trim().max(2000, "Keep the notes under 2,000 characters").nullable(),
  definition: z.unknown(),
});

/** Saves the draft, or returns the mistakes (each with its path in the model) and saves nothing. */
export async function saveDraftAction(
  input: z.input<typeof saveSchema>,
): Promise<ActionResult<{ savedAt: string | null; issues: { path: (string | number)[]; message: string }[] }>> {
  await requirePermission("model:edit");
  const parsed = saveSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]!.message, issues: parsed.error.issues.map((i) => ({ path: i.path as (string | number)[], message: i.message })) };
  return attempt(async () => {
    const saved = await updateDraft(await getDb(), parsed.data);
    if (!saved.ok) return { savedAt: null, issues: saved.issues };
    revalidatePath("/scoring");
    return { savedAt: new Date().toISOString(), issues: [] };
  });
}

export async function publishDraftAction(id: string): Promise<ActionResult<{ runId: string; version: number }>> {
  const user = await requirePermission("model:edit");
  const parsed = idSchema.safeParse(id);
  if (!parsed.success) return { ok: false, error: "Not a valid model version id." };
  return attempt(async () => {
    const { version, run } = await publishDraft(await getDb(), { id: parsed.data, userId: user.id });
    revalidatePath("/scoring");
    revalidatePath("/contacts");
    return { runId: run.id, version: version.version };
  });
}

export async function deleteDraftAction(id: string): Promise<ActionResult> {
  await requirePermission("model:edit");
  const parsed = idSchema.safeParse(id);
  if (!parsed.success) return { ok: false, error: "Not a valid model version id." };
  return attempt(async () => {
    await deleteDraft(await getDb(), { id: parsed.data });
    revalidatePath("/scoring");
    return {};
  });
}

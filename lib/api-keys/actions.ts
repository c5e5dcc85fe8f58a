"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { API_KEY_SCOPES } from "@/db/schema";
import { requirePermission } from "@/lib/auth/session";
import { createApiKey, revokeApiKey } from "./store";

export type CreateKeyState = { error?: string; key?: string; name?: string } | undefined;

const createSchema = z.object({
  name: z.string().trim().min(1, "Give the key a name, e.g. the system that will use it").max(100, "Keep the name under 100 characters"),
  scopes: z.array(z.enum(API_KEY_SCOPES)).min(1, "Choose at least one scope"),
});

export async function createApiKeyAction(_: CreateKeyState, form: FormData): Promise<CreateKeyState> {
  const user = await requirePermission("settings:manage");
  const parsed = createSchema.safeParse({ name: form.get("name"), scopes: form.getAll("scopes") });
  if (!parsed.success) return { error: parsed.error.issues[0]?.message };
  const { key, apiKey } = await createApiKey(await getDb(), { ...parsed.data, createdById: user.id });
  revalidatePath("/settings/api-keys");
  return { key, name: apiKey.name };
}

export async function revokeApiKeyAction(id: string): Promise<{ error?: string }> {
  await requirePermission("settings:manage");
  const parsed = z.uuid().safeParse(id);
  if (!parsed.success) return { error: "Not a valid key id." };
  const revoked = await revokeApiKey(await getDb(), parsed.data);
  revalidatePath("/settings/api-keys");
  return revoked ? {} : { error: "That key was already revoked." };
}

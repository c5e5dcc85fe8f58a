"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/session";
import { createWebhook, deleteWebhook, queueTestDelivery, setWebhookEnabled } from "./manage-webhooks";
import { createWebhookSchema } from "./webhook-input";

const PAGE = "/settings/webhooks";

type WebhookFieldErrors = Partial<Record<"url" | "description" | "eventTypes" | "secret", string>>;

export type CreateWebhookState =
  | { error?: string; fieldErrors?: WebhookFieldErrors; created?: undefined }
  | { created: { id: string; url: string; secret: string }; error?: undefined; fieldErrors?: undefined }
  | undefined;

export type WebhookActionResult = { ok: true; message?: string } | { ok: false; error: string };

const webhookIdSchema = z.uuid("Not a valid webhook id.");

/** Admins only; the secret is returned once, for the form to show, and never again. */
export async function createWebhookAction(_: CreateWebhookState, form: FormData): Promise<CreateWebhookState> {
  const user = await requirePermission("settings:manage");
  const parsed = createWebhookSchema.safeParse({
    url: form.get("url") ?? "",
    description: form.get("description") ?? undefined,
    eventTypes: form.getAll("eventTypes"),
    secret: form.get("secret") ?? undefined,
  });
  if (!parsed.success) {
    const fieldErrors: WebhookFieldErrors = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0]) as keyof WebhookFieldErrors] ??= issue.message;
    return { error: "Check the highlighted fields.", fieldErrors };
  }
  const { id, secret } = await createWebhook(await getDb(), { ...parsed.data, createdById: user.id });
  revalidatePath(PAGE);
  return { created: { id, url: parsed.data.url, secret } };
}

export async function setWebhookEnabledAction(webhookId: string, enabled: boolean): Promise<WebhookActionResult> {
  await requirePermission("settings:manage");
  const parsed = z.object({ webhookId: webhookIdSchema, enabled: z.boolean() }).safeParse({ webhookId, enabled });
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]!.message };
  const found = await setWebhookEnabled(await getDb(), { id: parsed.data.webhookId, enabled: parsed.data.enabled });
  revalidatePath(PAGE);
  return found ? { ok: true } : { ok: false, error: "That webhook no longer exists." };
}

export async function deleteWebhookAction(webhookId: string): Promise<WebhookActionResult> {
  await requirePermission("settings:manage");
  const parsed = webhookIdSchema.safeParse(webhookId);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]!.message };
  const found = await deleteWebhook(await getDb(), { id: parsed.data });
  revalidatePath(PAGE);
  return found ? { ok: true } : { ok: false, error: "That webhook was already deleted." };
}

export async function sendTestWebhookAction(webhookId: string): Promise<WebhookActionResult> {
  await requirePermission("settings:manage");
  const parsed = webhookIdSchema.safeParse(webhookId);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]!.message };
  const result = await queueTestDelivery(await getDb(), { webhookId: parsed.data });
  revalidatePath(PAGE);
  if (result.status === "not_found") return { ok: false, error: "That webhook no longer exists." };
  if (result.status === "disabled") return { ok: false, error: "Enable the webhook before sending a test event." };
  return { ok: true, message: "Test event queued: it shows in the deliveries below within seconds." };
}

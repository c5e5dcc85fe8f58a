import { randomBytes } from "node:crypto";
import { z } from "zod";
import { WEBHOOK_EVENT_TYPES } from "../../db/schema/webhooks";

export const MIN_SECRET_LENGTH = 16;

/**
 * Where deliveries go: an absolute http(s) URL without credentials. Credentials in a URL end up
 * in logs and screenshots; receivers authenticate Handoff by the signature instead.
 */
export const webhookUrlSchema = z
  .string()
  .trim()
  .min(1, "Enter the URL that receives the events.")
  .max(2048, "The URL is too long (2,048 characters at most).")
  .transform((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: "custom", message: "Enter a full URL, such as https://example.com/hooks/handoff." });
      return z.NEVER;
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") {
      ctx.addIssue({ code: "custom", message: "Only http:// and https:// URLs can receive webhooks." });
      return z.NEVER;
    }
    if (url.username || url.password) {
      ctx.addIssue({ code: "custom", message: "Remove the user name and password from the URL: receivers check the signature instead." });
      return z.NEVER;
    }
    url.hash = "";
    return url.toString();
  });

export const webhookEventTypesSchema = z
  .array(z.enum(WEBHOOK_EVENT_TYPES, "Unknown event type."))
  .min(1, "Choose at least one event.")
  .transform((types) => WEBHOOK_EVENT_TYPES.filter((t) => types.includes(t)));

/** Empty means "generate one for me". */
export const webhookSecretSchema = z
  .string()
  .trim()
  .max(256, "The secret is too long (256 characters at most).")
  .refine((s) => s === "" || s.length >= MIN_SECRET_LENGTH, `Use a secret of at least ${MIN_SECRET_LENGTH} characters, or leave it empty to generate one.`)
  .optional()
  .transform((s) => s || undefined);

export const createWebhookSchema = z.object({
  url: webhookUrlSchema,
  description: z
    .string()
    .trim()
    .max(200, "Keep the description under 200 characters.")
    .optional()
    .transform((s) => s || undefined),
  eventTypes: webhookEventTypesSchema,
  secret: webhookSecretSchema,
});
export type CreateWebhookInput = z.input<typeof createWebhookSchema>;

/** 32 random bytes; the prefix tells a reader of a config file what the value is. */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}

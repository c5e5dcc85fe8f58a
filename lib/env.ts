import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

/**
 * Configuration, validated once at start-up. Every variable is documented in `.env.example`.
 * Nothing is required: with no configuration Handoff runs on an embedded database.
 */
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// or postgresql:// URL")
    .optional(),
  DATA_DIR: z.string().default(".data"),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
  AUTH_OIDC_ISSUER: z.url().optional(),
  AUTH_OIDC_ID: z.string().optional(),
  AUTH_OIDC_SECRET: z.string().optional(),
  AUTH_OIDC_NAME: z.string().default("Single sign-on"),
  /** Role given to people who sign in through OIDC for the first time. */
  AUTH_OIDC_DEFAULT_ROLE: z.enum(["marketer", "sdr", "sales", "admin"]).default("sdr"),
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().optional(),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, "SMTP_URL must be an smtp:// or smtps:// URL").optional(),
  /** Where people open Handoff: links in e-mails point here. */
  APP_URL: z.url().default("http://localhost:3000"),
  SMTP_FROM: z.string().default("Handoff <handoff@localhost>"),
});

export type Env = z.infer<typeof envSchema> & { dataDir: string; pgliteDir: string };

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const raw = Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== ""));
  const parsed = envSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid configuration (see .env.example):\n${lines}`);
  }
  const dataDir = path.resolve(parsed.data.DATA_DIR);
  cached = { ...parsed.data, dataDir, pgliteDir: path.join(dataDir, "pglite") };
  return cached;
}

/**
 * The secret that signs sessions. Without AUTH_SECRET one is generated on first start and kept
 * in the data folder, so a local install works with no configuration and sessions survive
 * restarts.
 */
export function authSecret(): string {
  const e = env();
  if (e.AUTH_SECRET) return e.AUTH_SECRET;
  const file = path.join(e.dataDir, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(e.dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

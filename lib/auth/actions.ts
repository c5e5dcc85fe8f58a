"use server";
import { AuthError } from "next-auth";
import { count, sql } from "drizzle-orm";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { ensureWorkspaceDefaults } from "@/db/seed/defaults";
import { users } from "@/db/schema";
import { normalizeEmail } from "../email";
import { signIn } from "./index";
import { hashPassword, MIN_PASSWORD_LENGTH } from "./password";

export type FormState = { error?: string; fieldErrors?: Record<string, string> } | undefined;

const signInSchema = z.object({
  email: z.email("Enter a valid email address"),
  password: z.string().min(1, "Enter your password"),
  callbackUrl: z.string().optional(),
});

/** Only same-site paths, so a crafted link cannot send people elsewhere after sign-in. */
function safeCallback(url: string | undefined): string {
  return url && url.startsWith("/") && !url.startsWith("//") ? url : "/";
}

export async function signInAction(_: FormState, form: FormData): Promise<FormState> {
  const parsed = signInSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { error: parsed.error.issues[0]?.message };
  try {
    await signIn("credentials", {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: safeCallback(parsed.data.callbackUrl),
    });
  } catch (error) {
    if (error instanceof AuthError) {
      return { error: error.type === "CredentialsSignin" ? "That email and password don't match." : "Sign-in failed. Try again." };
    }
    throw error; // the redirect
  }
}

export async function signInWithOidcAction() {
  await signIn("oidc", { redirectTo: "/" });
}

const setupSchema = z
  .object({
    name: z.string().trim().min(1, "Enter your name").max(120),
    email: z.email("Enter a valid email address").max(254),
    password: z.string().min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters`).max(1024),
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { message: "The passwords don't match", path: ["confirm"] });

/** First run: creates the first admin. Refused once any user exists. */
export async function setupAction(_: FormState, form: FormData): Promise<FormState> {
  const parsed = setupSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
    return { fieldErrors };
  }
  const db = await getDb();
  const passwordHash = await hashPassword(parsed.data.password);
  const created = await db.transaction(async (tx) => {
    // Serialise concurrent first-run submissions: only the first may create the admin.
    await tx.execute(sql`lock table ${users} in exclusive mode`);
    const [row] = await tx.select({ n: count() }).from(users);
    if ((row?.n ?? 0) > 0) return false;
    await tx.insert(users).values({
      name: parsed.data.name,
      email: normalizeEmail(parsed.data.email),
      passwordHash,
      role: "admin",
    });
    return true;
  });
  if (!created) redirect("/login");
  await ensureWorkspaceDefaults(db);
  await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirectTo: "/settings" });
}

import { eq, sql } from "drizzle-orm";
import type { Database } from "../client";
import { rejectionReasons, scoringModelVersions, slaPolicies } from "../schema";
import { DEFAULT_MODEL } from "../../lib/scoring/default-model";

/** The managed rejection reasons every workspace starts with (admins can add or archive). */
export const DEFAULT_REJECTION_REASONS = [
  { code: "bad_fit", label: "Bad fit", requiresNote: false },
  { code: "no_budget", label: "No budget", requiresNote: false },
  { code: "wrong_person", label: "Wrong person", requiresNote: false },
  { code: "no_response", label: "No response", requiresNote: false },
  { code: "duplicate", label: "Duplicate", requiresNote: false },
  { code: "competitor", label: "Competitor", requiresNote: false },
  { code: "student", label: "Student", requiresNote: false },
  { code: "other", label: "Other", requiresNote: true },
] as const;
export type RejectionReasonCode = (typeof DEFAULT_REJECTION_REASONS)[number]["code"];

export const DEFAULT_SLA_POLICY = { name: "Standard: 4 business hours", firstTouchHours: 4 } as const;

export const DEFAULT_MODEL_NAME = "Default model";

/**
 * Makes a brand-new, empty database a working install: a published scoring model, the managed
 * rejection reasons and an SLA policy. Idempotent — it only adds what is missing and never
 * changes what an admin has edited — so it runs on every start.
 */
export async function ensureWorkspaceDefaults(db: Database): Promise<void> {
  const [published] = await db
    .select({ id: scoringModelVersions.id })
    .from(scoringModelVersions)
    .where(eq(scoringModelVersions.status, "published"))
    .limit(1);
  if (!published) {
    // Version 1 unless drafts already took numbers; the unique index on `version` makes two
    // concurrent starts publish once.
    const [{ next }] = await db
      .select({ next: sql<number>`coalesce(max(${scoringModelVersions.version}), 0) + 1` })
      .from(scoringModelVersions);
    await db
      .insert(scoringModelVersions)
      .values({
        version: Number(next),
        name: DEFAULT_MODEL_NAME,
        status: "published",
        definition: DEFAULT_MODEL,
        notes: "The model every workspace starts with: a common B2B ideal customer profile.",
        publishedAt: new Date(),
      })
      .onConflictDoNothing();
  }

  await db
    .insert(rejectionReasons)
    .values(DEFAULT_REJECTION_REASONS.map((r, position) => ({ ...r, position })))
    .onConflictDoNothing();

  const [policy] = await db.select({ id: slaPolicies.id }).from(slaPolicies).limit(1);
  if (!policy) await db.insert(slaPolicies).values(DEFAULT_SLA_POLICY);
}

import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { scoringModelVersions, type ScoringModelVersion, type ScoringRun } from "../../db/schema";
import { AppError } from "../http/errors";
import { scoringModelDefinitionSchema, type ScoringModelDefinition } from "./model-schema";
import { requestScoringRun } from "./scoring-jobs";

/**
 * The life of a model version (PRODUCT.md §3): a draft is edited freely; publishing makes it the
 * model in force — immutable from then on, named by every score and MQL record it produces — and
 * archives the one it replaces. To change a published model, draft from it.
 */

async function versionById(db: Database, id: string): Promise<ScoringModelVersion> {
  const [row] = await db.select().from(scoringModelVersions).where(eq(scoringModelVersions.id, id));
  if (!row) throw new AppError("not_found:model_version", "No model version with that id.");
  return row;
}

/** A new draft, a copy of `fromId` (by default the published model), numbered after the latest version. */
export async function createDraft(db: Database, { fromId, userId }: { fromId?: string; userId: string | null }): Promise<ScoringModelVersion> {
  const source = fromId
    ? await versionById(db, fromId)
    : (await db.select().from(scoringModelVersions).where(eq(scoringModelVersions.status, "published")).orderBy(desc(scoringModelVersions.publishedAt)).limit(1))[0];
  if (!source) throw new AppError("not_found:model_version", "There is no model to draft from.");
  // The version number is unique: a concurrent draft makes this insert fail rather than reuse it.
  const [row] = await db
    .insert(scoringModelVersions)
    .values({
      version: sql`(select coalesce(max(version), 0) + 1 from scoring_model_versions)`,
      name: `Draft from v${source.version}`,
      status: "draft",
      definition: source.definition,
      basedOnId: source.id,
      createdById: userId,
    })
    .returning();
  return row!;
}

export type DraftUpdate = { id: string; definition: unknown; name?: string; notes?: string | null };

/** Saves a draft's rules (validated: a clear message per mistake) and name. Published versions are refused. */
export async function updateDraft(db: Database, update: DraftUpdate): Promise<{ ok: true; version: ScoringModelVersion } | { ok: false; issues: { path: (string | number)[]; message: string }[] }> {
  const parsed = scoringModelDefinitionSchema.safeParse(update.definition);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.map((i) => ({ path: i.path as (string | number)[], message: i.message })) };
  const [row] = await db
    .update(scoringModelVersions)
    .set({ definition: parsed.data, ...(update.name !== undefined ? { name: update.name } : {}), ...(update.notes !== undefined ? { notes: update.notes } : {}) })
    .where(and(eq(scoringModelVersions.id, update.id), eq(scoringModelVersions.status, "draft")))
    .returning();
  if (!row) {
    await versionById(db, update.id);
    throw new AppError("conflict:model_version", "This version is published and can no longer change: create a draft from it.");
  }
  return { ok: true, version: row };
}

export async function deleteDraft(db: Database, { id }: { id: string }): Promise<void> {
  const deleted = await db
    .delete(scoringModelVersions)
    .where(and(eq(scoringModelVersions.id, id), eq(scoringModelVersions.status, "draft")))
    .returning({ id: scoringModelVersions.id });
  if (deleted.length === 0) {
    await versionById(db, id);
    throw new AppError("conflict:model_version", "Only a draft can be deleted; published versions are kept for the scores they produced.");
  }
}

/**
 * Publishes a draft: it becomes the model in force (the one it replaces is archived) and every
 * contact is rescored under it, with progress on the returned run.
 */
export async function publishDraft(db: Database, { id, userId }: { id: string; userId: string | null }): Promise<{ version: ScoringModelVersion; run: ScoringRun }> {
  const version = await db.transaction(async (tx) => {
    const [draft] = await tx.select().from(scoringModelVersions).where(eq(scoringModelVersions.id, id)).for("update");
    if (!draft) throw new AppError("not_found:model_version", "No model version with that id.");
    if (draft.status !== "draft") throw new AppError("conflict:model_version", `v${draft.version} is already ${draft.status}.`);
    // A draft saved before a rule of validation existed must still be valid to publish.
    const definition: ScoringModelDefinition = scoringModelDefinitionSchema.parse(draft.definition);
    await tx.update(scoringModelVersions).set({ status: "archived" }).where(eq(scoringModelVersions.status, "published"));
    const [published] = await tx
      .update(scoringModelVersions)
      .set({ status: "published", definition, publishedAt: new Date(), publishedById: userId })
      .where(eq(scoringModelVersions.id, id))
      .returning();
    return published!;
  });
  const run = await requestScoringRun(db, { modelVersionId: version.id, reason: "publish", requestedById: userId });
  return { version, run };
}

import "server-only";
import { desc, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { scoringModelVersions } from "../../db/schema";
import { scoringModelDefinitionSchema, type ScoringModelDefinition } from "./model-schema";

/** A model version that scores: its id (which every score and MQL record names) and its rules. */
export type ScoringModel = { id: string; version: number; definition: ScoringModelDefinition };

/** The model in force: the most recently published version (every workspace has one). */
export async function loadPublishedModel(db: Database): Promise<ScoringModel> {
  const [row] = await db
    .select({ id: scoringModelVersions.id, version: scoringModelVersions.version, definition: scoringModelVersions.definition })
    .from(scoringModelVersions)
    .where(eq(scoringModelVersions.status, "published"))
    .orderBy(desc(scoringModelVersions.publishedAt), desc(scoringModelVersions.version))
    .limit(1);
  if (!row) throw new Error("No published scoring model: the workspace defaults have not been installed.");
  return { id: row.id, version: row.version, definition: scoringModelDefinitionSchema.parse(row.definition) };
}

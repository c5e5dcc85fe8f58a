import "server-only";
import { desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "../client";
import { scoringModelVersions, scoringRuns, users } from "../schema";

/** The model in force: the most recently published version. */
export async function getPublishedModel() {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(scoringModelVersions)
    .where(eq(scoringModelVersions.status, "published"))
    .orderBy(desc(scoringModelVersions.publishedAt), desc(scoringModelVersions.version))
    .limit(1);
  return row;
}

export async function getModelVersion({ id }: { id: string }) {
  const db = await getDb();
  const [row] = await db.select().from(scoringModelVersions).where(eq(scoringModelVersions.id, id));
  return row;
}

export async function getModelVersionByNumber({ version }: { version: number }) {
  const db = await getDb();
  const [row] = await db.select().from(scoringModelVersions).where(eq(scoringModelVersions.version, version));
  return row;
}

const creator = alias(users, "creator");
const publisher = alias(users, "publisher");

export async function listModelVersions() {
  const db = await getDb();
  return db
    .select({
      id: scoringModelVersions.id,
      version: scoringModelVersions.version,
      name: scoringModelVersions.name,
      status: scoringModelVersions.status,
      basedOnId: scoringModelVersions.basedOnId,
      publishedAt: scoringModelVersions.publishedAt,
      createdAt: scoringModelVersions.createdAt,
      createdBy: creator.name,
      publishedBy: publisher.name,
    })
    .from(scoringModelVersions)
    .leftJoin(creator, eq(creator.id, scoringModelVersions.createdById))
    .leftJoin(publisher, eq(publisher.id, scoringModelVersions.publishedById))
    .orderBy(desc(scoringModelVersions.version));
}

/** The most recent scoring runs, newest first, with the version each scored with. */
export async function listScoringRuns({ limit = 5 }: { limit?: number } = {}) {
  const db = await getDb();
  return db
    .select({ run: scoringRuns, version: scoringModelVersions.version })
    .from(scoringRuns)
    .innerJoin(scoringModelVersions, eq(scoringModelVersions.id, scoringRuns.modelVersionId))
    .orderBy(desc(scoringRuns.createdAt))
    .limit(limit);
}

/** The drafts with their definitions, newest first: what the calibration studio can backtest. */
export async function listDraftModels() {
  const db = await getDb();
  return db
    .select({ id: scoringModelVersions.id, version: scoringModelVersions.version, name: scoringModelVersions.name, definition: scoringModelVersions.definition })
    .from(scoringModelVersions)
    .where(eq(scoringModelVersions.status, "draft"))
    .orderBy(desc(scoringModelVersions.version));
}

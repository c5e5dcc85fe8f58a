import "server-only";
import { desc, eq } from "drizzle-orm";
import { getDb } from "../client";
import { scoringModelVersions } from "../schema";

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

export async function listModelVersions() {
  const db = await getDb();
  return db
    .select({
      id: scoringModelVersions.id,
      version: scoringModelVersions.version,
      name: scoringModelVersions.name,
      status: scoringModelVersions.status,
      publishedAt: scoringModelVersions.publishedAt,
      createdAt: scoringModelVersions.createdAt,
    })
    .from(scoringModelVersions)
    .orderBy(desc(scoringModelVersions.version));
}

import "server-only";
import { desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { descNullsLast } from "../sql-helpers";
import { getDb } from "../client";
import { apiKeys, mqlRecords, scoringModelVersions, stageTransitions, users } from "../schema";

/** A contact's stage history, newest first, with who made each change. */
export async function listStageHistory({ contactId }: { contactId: string }) {
  const db = await getDb();
  return db
    .select({
      id: stageTransitions.id,
      fromStage: stageTransitions.fromStage,
      toStage: stageTransitions.toStage,
      occurredAt: stageTransitions.occurredAt,
      actorType: stageTransitions.actorType,
      actorName: users.name,
      apiKeyName: apiKeys.name,
      modelVersion: scoringModelVersions.version,
      reason: stageTransitions.reason,
      note: stageTransitions.note,
    })
    .from(stageTransitions)
    .leftJoin(users, eq(users.id, stageTransitions.actorUserId))
    .leftJoin(apiKeys, eq(apiKeys.id, stageTransitions.actorApiKeyId))
    .leftJoin(scoringModelVersions, eq(scoringModelVersions.id, stageTransitions.modelVersionId))
    .where(eq(stageTransitions.contactId, contactId))
    .orderBy(descNullsLast(stageTransitions.occurredAt), descNullsLast(stageTransitions.id))
    .limit(200);
}

const salesOwner = alias(users, "sales_owner");

/** Every time the contact qualified, newest first. */
export async function listMqlRecordsForContact({ contactId }: { contactId: string }) {
  const db = await getDb();
  return db
    .select({
      record: mqlRecords,
      repName: users.name,
      salesOwnerName: salesOwner.name,
      modelVersion: scoringModelVersions.version,
    })
    .from(mqlRecords)
    .leftJoin(users, eq(users.id, mqlRecords.assignedRepId))
    .leftJoin(salesOwner, eq(salesOwner.id, mqlRecords.salesOwnerId))
    .leftJoin(scoringModelVersions, eq(scoringModelVersions.id, mqlRecords.modelVersionId))
    .where(eq(mqlRecords.contactId, contactId))
    .orderBy(descNullsLast(mqlRecords.mqlAt));
}

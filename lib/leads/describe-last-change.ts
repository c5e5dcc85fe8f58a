import "server-only";
import { desc, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { apiKeys, stageTransitions, users, type MqlRecord } from "../../db/schema";
import { STAGE_LABELS } from "./lead-status";

/**
 * "This lead was just updated by Sam Rivera (accepted it)." — for the person who lost a race.
 *
 * Handoff's own actions leave who and what on the record (`lastAction*`, stamped with the
 * database clock of their transaction). A change from elsewhere — a CRM through the API, an
 * import, the scoring system — leaves only its stage transition, so a transition recorded after
 * the last Handoff action names that change instead.
 */
export async function describeLastChange(tx: Database, record: MqlRecord, viewerId: string): Promise<string> {
  const [transition] = await tx
    .select({
      recordedAt: stageTransitions.recordedAt,
      toStage: stageTransitions.toStage,
      actorType: stageTransitions.actorType,
      actorUserId: stageTransitions.actorUserId,
      userName: users.name,
      apiKeyName: apiKeys.name,
    })
    .from(stageTransitions)
    .leftJoin(users, eq(users.id, stageTransitions.actorUserId))
    .leftJoin(apiKeys, eq(apiKeys.id, stageTransitions.actorApiKeyId))
    .where(eq(stageTransitions.mqlRecordId, record.id))
    .orderBy(desc(stageTransitions.recordedAt), desc(stageTransitions.id))
    .limit(1);

  const handoffActionIsLatest = record.lastAction !== null && (!transition || !record.lastActionAt || transition.recordedAt.getTime() <= record.lastActionAt.getTime());
  if (handoffActionIsLatest) {
    const who = await nameOf(tx, record.lastActionById, viewerId);
    return `This lead was just updated by ${who} (${record.lastAction}).`;
  }
  if (transition) {
    const who =
      transition.actorType === "user"
        ? transition.actorUserId === viewerId
          ? "you"
          : (transition.userName ?? "a former user")
        : transition.actorType === "api_key"
          ? `the integration using the API key “${transition.apiKeyName ?? "deleted"}”`
          : transition.actorType === "import"
            ? "an import"
            : "the scoring system";
    return `This lead was just updated by ${who} (moved it to ${STAGE_LABELS[transition.toStage as keyof typeof STAGE_LABELS] ?? transition.toStage}).`;
  }
  return "This lead was just updated by someone else.";
}

async function nameOf(tx: Database, userId: string | null, viewerId: string): Promise<string> {
  if (!userId) return "a former user";
  if (userId === viewerId) return "you";
  const [user] = await tx.select({ name: users.name }).from(users).where(eq(users.id, userId));
  return user?.name ?? "a former user";
}

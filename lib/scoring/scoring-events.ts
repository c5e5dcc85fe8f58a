import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { engagementEvents } from "../../db/schema";
import { descNullsLast } from "../../db/sql-helpers";
import type { ScoredEvent } from "./engagement";
import { scoringHorizonDays, type ScoringModelDefinition } from "./model-schema";

/** More than any contact's events within a horizon in practice; a guard against a runaway timeline. */
const MAX_EVENTS = 10_000;

/**
 * The events a score at `at` reads, newest first: those up to `at` and within the horizon of
 * every model given (so one read serves a draft and the published model side by side).
 */
export async function scoringEventsFor(db: Database, { contactId, models, at }: { contactId: string; models: ScoringModelDefinition[]; at: Date }): Promise<ScoredEvent[]> {
  const horizonDays = Math.max(...models.map(scoringHorizonDays));
  const since = new Date(at.getTime() - horizonDays * 86_400_000);
  return db
    .select({ id: engagementEvents.id, type: engagementEvents.type, occurredAt: engagementEvents.occurredAt, properties: engagementEvents.properties })
    .from(engagementEvents)
    .where(
      and(
        eq(engagementEvents.contactId, contactId),
        sql`${engagementEvents.occurredAt} > ${since.toISOString()}::timestamptz`,
        sql`${engagementEvents.occurredAt} <= ${at.toISOString()}::timestamptz`,
      ),
    )
    .orderBy(descNullsLast(engagementEvents.occurredAt), descNullsLast(engagementEvents.id))
    .limit(MAX_EVENTS);
}

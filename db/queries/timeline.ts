import "server-only";
import { and, desc, eq, inArray, notInArray, or, sql, type SQL } from "drizzle-orm";
import { EVENT_CATEGORIES, typesInCategory, type EventCategory } from "@/lib/timeline/describe-event";
import { encodeCursor, type Cursor } from "@/lib/validation/common";
import { keysetAfter, keysetOrderBy, sortKeyText, type KeysetOrder } from "../sql-helpers";
import { getDb } from "../client";
import { scoringEventsFor } from "@/lib/scoring/scoring-events";
import type { ScoringModelDefinition } from "@/lib/scoring/model-schema";
import { engagementEvents, users } from "../schema";

const BUILT_IN_TYPES = EVENT_CATEGORIES.flatMap((c) => typesInCategory(c.id));

function categoryCondition(categories: string[]): SQL | undefined {
  const valid = categories.filter((c): c is EventCategory => EVENT_CATEGORIES.some((k) => k.id === c));
  if (valid.length === 0) return undefined;
  const types = valid.flatMap(typesInCategory);
  const parts: SQL[] = [];
  if (types.length) parts.push(inArray(engagementEvents.type, types));
  if (valid.includes("other")) parts.push(notInArray(engagementEvents.type, BUILT_IN_TYPES));
  return or(...parts);
}

const TIMELINE_ORDER: KeysetOrder = { column: engagementEvents.occurredAt, id: engagementEvents.id, type: sql`timestamptz` };

/**
 * One page of a contact's timeline, newest first, keyset-paginated on (occurredAt, id) so that
 * page 500 costs what page 1 costs (index engagement_events_timeline_idx).
 */
export async function listTimeline({
  contactId,
  cursor,
  categories = [],
  limit = 30,
}: {
  contactId: string;
  cursor?: Cursor;
  categories?: string[];
  limit?: number;
}) {
  const db = await getDb();
  const where: SQL[] = [eq(engagementEvents.contactId, contactId)];
  const byCategory = categoryCondition(categories);
  if (byCategory) where.push(byCategory);
  if (cursor) where.push(keysetAfter(TIMELINE_ORDER, [cursor[0], Number(cursor[1])]));
  const rows = await db
    .select({
      id: engagementEvents.id,
      type: engagementEvents.type,
      occurredAt: engagementEvents.occurredAt,
      source: engagementEvents.source,
      properties: engagementEvents.properties,
      actorName: users.name,
      sortKey: sortKeyText(TIMELINE_ORDER),
    })
    .from(engagementEvents)
    .leftJoin(users, eq(users.id, engagementEvents.actorUserId))
    .where(and(...where))
    .orderBy(...keysetOrderBy(TIMELINE_ORDER))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    events: page.map(({ sortKey: _, ...event }) => event),
    nextCursor: rows.length > limit && last ? encodeCursor([last.sortKey, last.id]) : null,
  };
}

/** Events the engagement score of `models` reads at `at` (lib/scoring/scoring-events.ts). */
export async function listScoringEvents(input: { contactId: string; models: ScoringModelDefinition[]; at: Date }) {
  return scoringEventsFor(await getDb(), input);
}

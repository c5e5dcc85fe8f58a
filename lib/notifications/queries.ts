import "server-only";
import { and, count, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Database } from "../../db/client";
import { notifications, type Notification } from "../../db/schema";
import { BELL_LIMIT } from "./limits";

export type BellNotification = Pick<Notification, "id" | "kind" | "title" | "body" | "href" | "createdAt" | "readAt">;

/**
 * The user's newest notifications (index notifications_user_idx) and how many of all their
 * notifications are unread (the partial index notifications_unread_idx: `read_at is null` must stay
 * literally in the condition for the planner to use it).
 */
export async function listNotifications(db: Database, { userId, limit = BELL_LIMIT }: { userId: string; limit?: number }): Promise<{ unread: number; items: BellNotification[] }> {
  const [items, unread] = await Promise.all([
    db
      .select({
        id: notifications.id,
        kind: notifications.kind,
        title: notifications.title,
        body: notifications.body,
        href: notifications.href,
        createdAt: notifications.createdAt,
        readAt: notifications.readAt,
      })
      .from(notifications)
      .where(eq(notifications.userId, userId))
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(limit),
    countUnreadNotifications(db, { userId }),
  ]);
  return { unread, items };
}

export async function countUnreadNotifications(db: Database, { userId }: { userId: string }): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/**
 * Marks the given notifications of the user read, keeping the first read time of those already
 * read. All or nothing: when any id is not one of the user's notifications nothing changes and
 * `found` is false (the route answers 404), so another user's notification can neither be marked
 * nor told apart from one that does not exist.
 */
export async function markNotificationsRead(
  db: Database,
  { userId, ids, at = new Date() }: { userId: string; ids: string[]; at?: Date },
): Promise<{ found: boolean; marked: number }> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return { found: true, marked: 0 };
  return db.transaction(async (tx) => {
    const owned = await tx
      .select({ id: notifications.id })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), inArray(notifications.id, wanted)))
      .for("update");
    if (owned.length !== wanted.length) return { found: false, marked: 0 };
    const marked = await tx
      .update(notifications)
      .set({ readAt: at })
      .where(and(eq(notifications.userId, userId), inArray(notifications.id, wanted), isNull(notifications.readAt)))
      .returning({ id: notifications.id });
    return { found: true, marked: marked.length };
  });
}

/** Marks every unread notification of the user read; returns how many it marked. */
export async function markAllNotificationsRead(db: Database, { userId, at = new Date() }: { userId: string; at?: Date }): Promise<number> {
  const marked = await db
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return marked.length;
}

import { z } from "zod";
import { getDb } from "@/db/client";
import { readJsonBody } from "@/lib/api/read-json-body";
import { getCurrentUser } from "@/lib/auth/session";
import { apiError, errorResponse } from "@/lib/http/errors";
import { countUnreadNotifications, markAllNotificationsRead, markNotificationsRead } from "@/lib/notifications/queries";

const SHAPE = 'Send { "ids": [notification ids] } or { "all": true }.';
const idsBodySchema = z.strictObject(
  {
    ids: z
      .array(z.uuid("Not a valid notification id"), SHAPE)
      .min(1, "List at least one notification id")
      .max(100, "Mark at most 100 notifications at a time"),
  },
  SHAPE,
);
const allBodySchema = z.strictObject({ all: z.literal(true, SHAPE) }, SHAPE);

/** A body with `ids` is checked as a list of ids, so a bad id is named, rather than "matches neither shape". */
function parseBody(raw: unknown) {
  const schema = raw !== null && typeof raw === "object" && "ids" in raw ? idsBodySchema : allBodySchema;
  return schema.safeParse(raw);
}

/** Marks the signed-in user's notifications read: `{ ids }` for some, `{ all: true }` for every one. */
export async function POST(request: Request) {
  try {
    const body = parseBody(await readJsonBody(request, 64 * 1024));
    if (!body.success) return apiError("bad_request:notifications", body.error.issues[0]?.message ?? SHAPE);
    const user = await getCurrentUser();
    if (!user) return apiError("unauthorized:session", "Sign in to continue.");

    const db = await getDb();
    let marked: number;
    if ("ids" in body.data) {
      const result = await markNotificationsRead(db, { userId: user.id, ids: body.data.ids });
      // Another user's notification is answered like one that does not exist.
      if (!result.found) return apiError("not_found:notification", "No notification with that id.");
      marked = result.marked;
    } else {
      marked = await markAllNotificationsRead(db, { userId: user.id });
    }
    return Response.json({ marked, unread: await countUnreadNotifications(db, { userId: user.id }) });
  } catch (error) {
    return errorResponse(error);
  }
}

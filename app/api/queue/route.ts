import { getDb } from "@/db/client";
import { listQueuePage, queueCounts } from "@/db/queries/queue-list";
import { authorizeRequest } from "@/lib/auth/session";
import { apiError, errorResponse } from "@/lib/http/errors";
import { searchParamsRecord } from "@/lib/validation/common";
import { queueFiltersSchema } from "@/lib/validation/queue";

/**
 * One page of the signed-in rep's queue with its counts — what the queue page polls for live
 * updates. Reps get their own queue whatever they ask for; admins everyone's, or one rep's (`rep`).
 */
export async function GET(request: Request) {
  try {
    const { user, response } = await authorizeRequest("queue:work");
    if (response) return response;
    const parsed = queueFiltersSchema.safeParse(searchParamsRecord(new URL(request.url).searchParams));
    if (!parsed.success) return apiError("bad_request:queue", parsed.error.issues[0]!.message);
    const repId = user.role === "admin" ? parsed.data.rep : user.id;
    const db = await getDb();
    const now = new Date();
    const [page, counts] = await Promise.all([listQueuePage(db, { repId, filters: parsed.data, now }), queueCounts(db, { repId, now })]);
    return Response.json({ ...page, counts, now: now.toISOString() });
  } catch (error) {
    return errorResponse(error);
  }
}

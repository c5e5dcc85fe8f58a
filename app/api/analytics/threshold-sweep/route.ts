import { getDb } from "@/db/client";
import { thresholdSweep } from "@/db/queries/threshold-sweep";
import { sweepQuerySchema } from "@/lib/analytics/sweep-query";
import { authorizeRequest } from "@/lib/auth/session";
import { loadInForceThresholds } from "@/lib/calibration/load-in-force";
import { badAnalyticsQuery } from "@/lib/calibration/query-error";
import { errorResponse } from "@/lib/http/errors";
import { searchParamsRecord } from "@/lib/validation/common";

/** The calibration studio's sweep: the same query as GET /api/v1/analytics/threshold-sweep, for a signed-in marketer or admin. */
export async function GET(request: Request) {
  try {
    const query = sweepQuerySchema.safeParse(searchParamsRecord(new URL(request.url).searchParams));
    const { response } = await authorizeRequest("calibration:read");
    if (response) return response;
    if (!query.success) return badAnalyticsQuery(query.error);
    const db = await getDb();
    return Response.json(await thresholdSweep(db, { ...query.data, inForce: await loadInForceThresholds(db) }));
  } catch (error) {
    return errorResponse(error);
  }
}

import { thresholdSweep } from "@/db/queries/threshold-sweep";
import { sweepQuerySchema } from "@/lib/analytics/sweep-query";
import { v1Handler } from "@/lib/api/v1-handler";
import { loadInForceThresholds } from "@/lib/calibration/load-in-force";
import { badAnalyticsQuery } from "@/lib/calibration/query-error";
import { searchParamsRecord } from "@/lib/validation/common";

/** Thresholds 0–100 on fit or engagement: the MQLs each would have passed and their conversion with 95% intervals. */
export const GET = v1Handler("read", async ({ request, db }) => {
  const query = sweepQuerySchema.safeParse(searchParamsRecord(new URL(request.url).searchParams));
  if (!query.success) return badAnalyticsQuery(query.error);
  return Response.json(await thresholdSweep(db, { ...query.data, inForce: await loadInForceThresholds(db) }));
});

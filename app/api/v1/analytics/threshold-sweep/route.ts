import { thresholdSweep } from "@/db/queries/threshold-sweep";
import { sweepQuerySchema } from "@/lib/analytics/sweep-query";
import { v1Handler } from "@/lib/api/v1-handler";
import { apiError } from "@/lib/http/errors";
import { searchParamsRecord } from "@/lib/validation/common";

/** Thresholds 0–100 on fit or engagement: the MQLs each would have passed and their conversion with 95% intervals. */
export const GET = v1Handler("read", async ({ request, db }) => {
  const query = sweepQuerySchema.safeParse(searchParamsRecord(new URL(request.url).searchParams));
  if (!query.success) {
    const issue = query.error.issues[0]!;
    return apiError("bad_request:analytics", `${issue.path.length ? `${issue.path.join(".")}: ` : ""}${issue.message}`);
  }
  return Response.json(await thresholdSweep(db, query.data));
});

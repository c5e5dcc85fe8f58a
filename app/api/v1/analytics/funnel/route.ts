import { funnelByGroup } from "@/db/queries/funnel";
import { funnelQuerySchema } from "@/lib/analytics/funnel-query";
import { v1Handler } from "@/lib/api/v1-handler";
import { apiError } from "@/lib/http/errors";
import { searchParamsRecord } from "@/lib/validation/common";

/** The funnel behind the charts: MQL records by `mqlAt` in [from, to], per group and in total. */
export const GET = v1Handler("read", async ({ request, db }) => {
  const query = funnelQuerySchema.safeParse(searchParamsRecord(new URL(request.url).searchParams));
  if (!query.success) {
    const issue = query.error.issues[0]!;
    return apiError("bad_request:analytics", `${issue.path.length ? `${issue.path.join(".")}: ` : ""}${issue.message}`);
  }
  return Response.json(await funnelByGroup(db, query.data));
});

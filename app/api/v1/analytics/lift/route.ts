import { liftAnalysis } from "@/db/queries/lift";
import { liftQuerySchema } from "@/lib/analytics/lift";
import { v1Handler } from "@/lib/api/v1-handler";
import { apiError } from "@/lib/http/errors";
import { searchParamsRecord } from "@/lib/validation/common";

/** Attribute values and behaviours over- or under-represented among the records that converted, with the model's points and suggested rule changes. */
export const GET = v1Handler("read", async ({ request, db }) => {
  const query = liftQuerySchema.safeParse(searchParamsRecord(new URL(request.url).searchParams));
  if (!query.success) {
    const issue = query.error.issues[0]!;
    return apiError("bad_request:analytics", `${issue.path.length ? `${issue.path.join(".")}: ` : ""}${issue.message}`);
  }
  return Response.json(await liftAnalysis(db, query.data));
});

import type { z } from "zod";
import { apiError } from "../http/errors";

/** A 400 naming the first bad parameter, as every analytics endpoint answers it. */
export function badAnalyticsQuery(error: z.ZodError): Response {
  const issue = error.issues[0]!;
  return apiError("bad_request:analytics", `${issue.path.length ? `${issue.path.join(".")}: ` : ""}${issue.message}`);
}

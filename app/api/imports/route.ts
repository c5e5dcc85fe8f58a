import { getImportJob, listRecentImportJobs } from "@/db/queries/imports";
import { authorizeRequest } from "@/lib/auth/session";
import { apiError, errorResponse } from "@/lib/http/errors";
import { sweepInterruptedImports } from "@/lib/import/import-queue";
import { toImportJobView } from "@/lib/import/import-job-view";
import { startImport } from "@/lib/import/start-import";
import { searchParamsRecord } from "@/lib/validation/common";
import { importUploadParamsSchema, recentImportsQuerySchema } from "@/lib/validation/imports";

/** The most recent imports, newest first, with their counts. */
export async function GET(request: Request) {
  try {
    const query = recentImportsQuerySchema.safeParse(searchParamsRecord(new URL(request.url).searchParams));
    if (!query.success) return apiError("bad_request:import", query.error.issues[0]?.message ?? "Invalid query.");
    const { response } = await authorizeRequest("data:import");
    if (response) return response;
    await sweepInterruptedImports();
    const jobs = await listRecentImportJobs({ limit: query.data.limit });
    return Response.json({ imports: jobs.map(toImportJobView) });
  } catch (error) {
    return errorResponse(error);
  }
}

/**
 * Starts an import. The body is the CSV file itself (streamed to disk, never held in memory); the
 * kind, file name, delimiter, date format and column mapping come in the query string.
 */
export async function POST(request: Request) {
  try {
    const params = importUploadParamsSchema.safeParse(searchParamsRecord(new URL(request.url).searchParams));
    if (!params.success) return apiError("bad_request:import", params.error.issues.map((i) => i.message).join("; "));
    const { user, response } = await authorizeRequest("data:import");
    if (response) return response;
    const declared = request.headers.get("content-length");
    const job = await startImport({
      params: params.data,
      body: request.body,
      contentLength: declared === null ? null : Number(declared),
      userId: user.id,
    });
    const view = toImportJobView((await getImportJob({ id: job.id })) ?? job);
    return Response.json({ import: view }, { status: 202, headers: { location: `/api/imports/${job.id}` } });
  } catch (error) {
    return errorResponse(error);
  }
}

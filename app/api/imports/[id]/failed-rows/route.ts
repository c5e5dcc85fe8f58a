import { getImportJob } from "@/db/queries/imports";
import { authorizeRequest } from "@/lib/auth/session";
import { csvDownloadHeaders, csvStream } from "@/lib/csv/csv-output";
import { apiError, errorResponse } from "@/lib/http/errors";
import { failedRowPages, failedRowsFileName, failedRowsHeader } from "@/lib/import/failed-rows-report";
import { uuidSchema } from "@/lib/validation/common";

/** The rows of an import that failed, with the reason, as a CSV download streamed page by page. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const id = uuidSchema.safeParse((await params).id);
    if (!id.success) return apiError("bad_request:import", "That is not an import id.");
    const { response } = await authorizeRequest("data:import");
    if (response) return response;
    const job = await getImportJob({ id: id.data });
    if (!job) return apiError("not_found:import", "No import with that id.");
    return new Response(csvStream(failedRowsHeader(job.headers), failedRowPages(job.id)), {
      headers: csvDownloadHeaders(failedRowsFileName(job.fileName)),
    });
  } catch (error) {
    return errorResponse(error);
  }
}

import { getImportJob } from "@/db/queries/imports";
import { authorizeRequest } from "@/lib/auth/session";
import { apiError, errorResponse } from "@/lib/http/errors";
import { sweepInterruptedImports } from "@/lib/import/import-queue";
import { toImportJobView } from "@/lib/import/import-job-view";
import { uuidSchema } from "@/lib/validation/common";

/** One import and how far it has got; the import page polls it while the job runs. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const id = uuidSchema.safeParse((await params).id);
    if (!id.success) return apiError("bad_request:import", "That is not an import id.");
    const { response } = await authorizeRequest("data:import");
    if (response) return response;
    await sweepInterruptedImports();
    const job = await getImportJob({ id: id.data });
    if (!job) return apiError("not_found:import", "No import with that id.");
    return Response.json({ import: toImportJobView(job) });
  } catch (error) {
    return errorResponse(error);
  }
}

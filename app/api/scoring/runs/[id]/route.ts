import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { scoringModelVersions, scoringRuns } from "@/db/schema";
import { authorizeRequest } from "@/lib/auth/session";
import { apiError, errorResponse } from "@/lib/http/errors";
import { uuidSchema } from "@/lib/validation/common";

/** A scoring run's progress, for the progress bar after a publish. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const id = uuidSchema.safeParse((await params).id);
    if (!id.success) return apiError("bad_request:run", "That is not a run id.");
    const { response } = await authorizeRequest("model:read");
    if (response) return response;
    const db = await getDb();
    const [run] = await db
      .select({ run: scoringRuns, version: scoringModelVersions.version })
      .from(scoringRuns)
      .innerJoin(scoringModelVersions, eq(scoringModelVersions.id, scoringRuns.modelVersionId))
      .where(eq(scoringRuns.id, id.data));
    if (!run) return apiError("not_found:run", "No scoring run with that id.");
    return Response.json({ ...run.run, modelVersion: run.version });
  } catch (error) {
    return errorResponse(error);
  }
}

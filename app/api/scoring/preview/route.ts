import { z } from "zod";
import { getDb } from "@/db/client";
import { readJsonBody } from "@/lib/api/read-json-body";
import { authorizeRequest } from "@/lib/auth/session";
import { apiError, errorResponse } from "@/lib/http/errors";
import { scoringModelDefinitionSchema } from "@/lib/scoring/model-schema";
import { previewScores } from "@/lib/scoring/preview";

const bodySchema = z.object({ contactId: z.uuid("Not a valid contact id"), definition: z.unknown() });

/** A contact's scores under the published model and under the editor's unsaved draft. */
export async function POST(request: Request) {
  try {
    const body = bodySchema.safeParse(await readJsonBody(request, 1024 * 1024));
    if (!body.success) return apiError("bad_request:preview", body.error.issues[0]!.message);
    const { response } = await authorizeRequest("model:edit");
    if (response) return response;
    const draft = scoringModelDefinitionSchema.safeParse(body.data.definition);
    if (!draft.success) {
      return apiError("bad_request:model", "Fix the draft's mistakes to see its scores.", draft.error.issues.map((i) => ({ path: i.path, message: i.message })));
    }
    const preview = await previewScores(await getDb(), { contactId: body.data.contactId, draft: draft.data });
    if (!preview) return apiError("not_found:contact", "No contact with that id.");
    return Response.json(preview);
  } catch (error) {
    return errorResponse(error);
  }
}

import { authorizeRequest } from "@/lib/auth/session";
import { apiError, errorResponse } from "@/lib/http/errors";
import { normalizeHeaders } from "@/lib/import/csv-headers";
import { findSavedMapping } from "@/lib/import/saved-mappings";
import { savedMappingLookupSchema } from "@/lib/validation/imports";

/**
 * The mapping last used for files of this kind with exactly these columns, if any. A POST because
 * a CRM export's header row can be longer than a URL should be; the body is read only once the
 * caller is known to be allowed.
 */
export async function POST(request: Request) {
  try {
    const { response } = await authorizeRequest("data:import");
    if (response) return response;
    if (Number(request.headers.get("content-length") ?? 0) > 512 * 1024) return apiError("payload_too_large:import", "Too many columns.");
    const body = await request.json().catch(() => undefined);
    const parsed = savedMappingLookupSchema.safeParse(body);
    if (!parsed.success) return apiError("bad_request:import", parsed.error.issues[0]?.message ?? "Invalid request.");
    const headers = normalizeHeaders(parsed.data.headers);
    const saved = await findSavedMapping(parsed.data.kind, headers);
    return Response.json({ saved: saved ?? null });
  } catch (error) {
    return errorResponse(error);
  }
}

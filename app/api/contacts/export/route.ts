import { authorizeRequest } from "@/lib/auth/session";
import { csvDownloadHeaders, csvStream } from "@/lib/csv/csv-output";
import { CONTACT_EXPORT_HEADER, contactExportFileName, contactExportRows } from "@/lib/export/contacts-csv";
import { apiError, errorResponse } from "@/lib/http/errors";
import { searchParamsRecord } from "@/lib/validation/common";
import { contactListFiltersSchema } from "@/lib/validation/contacts";

/**
 * Every contact matching the contacts list's filters (same query string as the page), as a CSV
 * streamed page by page. The page's cursor is ignored: an export is the whole list.
 */
export async function GET(request: Request) {
  try {
    const { cursor: _cursor, page: _page, ...values } = searchParamsRecord(new URL(request.url).searchParams);
    const parsed = contactListFiltersSchema.safeParse(values);
    if (!parsed.success) return apiError("bad_request:contacts", parsed.error.issues.map((i) => i.message).join("; "));
    const { response } = await authorizeRequest("contacts:export");
    if (response) return response;
    return new Response(csvStream(CONTACT_EXPORT_HEADER, contactExportRows(parsed.data)), {
      headers: csvDownloadHeaders(contactExportFileName(parsed.data)),
    });
  } catch (error) {
    return errorResponse(error);
  }
}

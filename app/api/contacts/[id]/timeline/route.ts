import { getContact } from "@/db/queries/contacts";
import { listTimeline } from "@/db/queries/timeline";
import { authorizeRequest } from "@/lib/auth/session";
import { apiError, errorResponse } from "@/lib/http/errors";
import { categoryOf, describeEvent } from "@/lib/timeline/describe-event";
import { searchParamsRecord, uuidSchema } from "@/lib/validation/common";
import { timelineQuerySchema } from "@/lib/validation/contacts";

/** One page of a contact's timeline for the contact page's infinite scroll. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const id = uuidSchema.safeParse((await params).id);
    const query = timelineQuerySchema.safeParse(searchParamsRecord(new URL(request.url).searchParams));
    if (!id.success) return apiError("bad_request:timeline", "That is not a contact id.");
    if (!query.success) return apiError("bad_request:timeline", query.error.issues[0]?.message ?? "Invalid query.");

    const { response } = await authorizeRequest("contacts:read");
    if (response) return response;

    if (!(await getContact({ id: id.data }))) return apiError("not_found:contact", "No contact with that id.");
    const page = await listTimeline({ contactId: id.data, ...query.data });
    return Response.json({
      events: page.events.map((e) => ({
        id: e.id,
        type: e.type,
        category: categoryOf(e.type),
        description: describeEvent(e),
        occurredAt: e.occurredAt.toISOString(),
        source: e.source,
        actorName: e.actorName,
        properties: e.properties,
      })),
      nextCursor: page.nextCursor,
    });
  } catch (error) {
    return errorResponse(error);
  }
}

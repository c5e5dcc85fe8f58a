import { z } from "zod";
import { listContacts } from "@/db/queries/contacts";
import { authorizeRequest } from "@/lib/auth/session";
import { apiError, errorResponse } from "@/lib/http/errors";
import { contactListFiltersSchema } from "@/lib/validation/contacts";

const querySchema = z.object({ q: z.string().trim().min(1, "Type part of a name, email or company").max(200) });

/** A few contacts matching a search, for pickers (the score preview of the model editor). */
export async function GET(request: Request) {
  try {
    const query = querySchema.safeParse({ q: new URL(request.url).searchParams.get("q") ?? "" });
    if (!query.success) return apiError("bad_request:lookup", query.error.issues[0]!.message);
    const { response } = await authorizeRequest("contacts:read");
    if (response) return response;
    const { rows } = await listContacts({ filters: contactListFiltersSchema.parse({ q: query.data.q, sort: "engagement", limit: 8 }) });
    return Response.json({
      contacts: rows.map((c) => ({ id: c.id, name: [c.firstName, c.lastName].filter(Boolean).join(" ") || c.email, email: c.email, title: c.title, company: c.accountName })),
    });
  } catch (error) {
    return errorResponse(error);
  }
}

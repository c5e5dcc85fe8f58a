import { listOwnerOptions } from "@/db/queries/contacts";
import { getLeadDetail } from "@/db/queries/lead-detail";
import { authorizeRequest } from "@/lib/auth/session";
import { apiError, errorResponse } from "@/lib/http/errors";
import { refuseAccess } from "@/lib/leads/lead-access";
import { uuidSchema } from "@/lib/validation/common";

/**
 * One lead for the queue's panel. A rep reads only the leads they hold: another rep's lead is a
 * 404, so ids cannot be probed.
 */
export async function GET(_: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { user, response } = await authorizeRequest("queue:work");
    if (response) return response;
    const id = uuidSchema.safeParse((await params).id);
    if (!id.success) return apiError("bad_request:lead", "Not a valid lead id.");
    const detail = await getLeadDetail({ mqlRecordId: id.data });
    if (!detail || refuseAccess({ userId: user.id, role: user.role }, detail.record, "either")) return apiError("not_found:lead", "No such lead in your queue.");
    // Admins may hand the lead to someone else: the reps they can choose from.
    const reps = user.role === "admin" ? await listOwnerOptions() : [];
    return Response.json({ ...detail, reps });
  } catch (error) {
    return errorResponse(error);
  }
}

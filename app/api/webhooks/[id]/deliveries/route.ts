import { getDb } from "@/db/client";
import { authorizeRequest } from "@/lib/auth/session";
import { apiError, errorResponse } from "@/lib/http/errors";
import { uuidSchema } from "@/lib/validation/common";
import { listWebhookDeliveries } from "@/lib/webhooks/manage-webhooks";

/** The latest 50 deliveries of one webhook, for the settings page's log (admins only). */
export async function GET(_: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const id = uuidSchema.safeParse((await params).id);
    if (!id.success) return apiError("bad_request:webhooks", "Not a valid webhook id.");
    const { response } = await authorizeRequest("settings:manage");
    if (response) return response;
    const deliveries = await listWebhookDeliveries(await getDb(), { webhookId: id.data, limit: 50 });
    return Response.json({ deliveries }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}

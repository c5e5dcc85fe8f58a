import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/auth/session";
import { apiError, errorResponse } from "@/lib/http/errors";
import { listNotifications } from "@/lib/notifications/queries";

/** The signed-in user's bell: their newest notifications and how many are unread. Every role has one. */
export async function GET() {
  try {
    const user = await getCurrentUser();
    if (!user) return apiError("unauthorized:session", "Sign in to continue.");
    const { unread, items } = await listNotifications(await getDb(), { userId: user.id });
    return Response.json(
      {
        unread,
        items: items.map((n) => ({
          id: n.id,
          kind: n.kind,
          title: n.title,
          body: n.body,
          href: n.href,
          createdAt: n.createdAt.toISOString(),
          readAt: n.readAt?.toISOString() ?? null,
        })),
      },
      { headers: { "Cache-Control": "private, no-store" } },
    );
  } catch (error) {
    return errorResponse(error);
  }
}

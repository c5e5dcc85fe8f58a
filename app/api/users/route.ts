import { listUsersWithAvailability } from "@/db/queries/settings";
import { authorizeRequest } from "@/lib/auth/session";
import { errorResponse } from "@/lib/http/errors";

/** The workspace's users with availability and open load (admins only). */
export async function GET() {
  try {
    const { response } = await authorizeRequest("settings:manage");
    if (response) return response;
    const users = await listUsersWithAvailability();
    return Response.json({ users });
  } catch (error) {
    return errorResponse(error);
  }
}

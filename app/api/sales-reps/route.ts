import { getDb } from "@/db/client";
import { listSalesReps } from "@/db/queries/pipeline";
import { authorizeRequest } from "@/lib/auth/session";
import { errorResponse } from "@/lib/http/errors";

/** The active sales reps an SQL can be handed to, with their open pipeline (anyone who works a queue). */
export async function GET() {
  try {
    const { response } = await authorizeRequest("queue:work");
    if (response) return response;
    const reps = await listSalesReps(await getDb());
    return Response.json({ reps });
  } catch (error) {
    return errorResponse(error);
  }
}

import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { backtests } from "@/db/schema";
import { authorizeRequest } from "@/lib/auth/session";
import { apiError, errorResponse } from "@/lib/http/errors";
import { uuidSchema } from "@/lib/validation/common";

/** A backtest's progress and, once completed, its result. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const id = uuidSchema.safeParse((await params).id);
    if (!id.success) return apiError("bad_request:backtest", "That is not a backtest id.");
    const { response } = await authorizeRequest("calibration:read");
    if (response) return response;
    const [backtest] = await (await getDb()).select().from(backtests).where(eq(backtests.id, id.data));
    if (!backtest) return apiError("not_found:backtest", "No backtest with that id.");
    return Response.json(backtest);
  } catch (error) {
    return errorResponse(error);
  }
}

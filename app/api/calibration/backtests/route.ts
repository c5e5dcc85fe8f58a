import { desc, eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { backtests } from "@/db/schema";
import { backtestRequestSchema } from "@/lib/analytics/backtest/backtest-request";
import { BacktestRequestError, requestBacktest } from "@/lib/analytics/backtest/run-backtest";
import { readJsonBody } from "@/lib/api/read-json-body";
import { authorizeRequest } from "@/lib/auth/session";
import { apiError, errorResponse } from "@/lib/http/errors";

/** Queues a backtest of a draft against the published model; the studio then follows its progress. */
export async function POST(request: Request) {
  try {
    const body = backtestRequestSchema.safeParse(await readJsonBody(request, 4 * 1024));
    if (!body.success) return apiError("bad_request:backtest", body.error.issues[0]!.message);
    const { user, response } = await authorizeRequest("model:edit");
    if (response) return response;
    const backtest = await requestBacktest(await getDb(), { ...body.data, userId: user.id });
    return Response.json(backtest, { status: 202 });
  } catch (error) {
    if (error instanceof BacktestRequestError) return apiError("bad_request:backtest", error.message);
    return errorResponse(error);
  }
}

const latestSchema = z.object({ draftId: z.uuid("Not a valid draft id") });

/** The latest backtest of a draft (or null), so the studio shows it again when reopened. */
export async function GET(request: Request) {
  try {
    const query = latestSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success) return apiError("bad_request:backtest", query.error.issues[0]!.message);
    const { response } = await authorizeRequest("calibration:read");
    if (response) return response;
    const db = await getDb();
    const [latest] = await db.select().from(backtests).where(eq(backtests.draftVersionId, query.data.draftId)).orderBy(desc(backtests.createdAt)).limit(1);
    return Response.json(latest ?? null);
  } catch (error) {
    return errorResponse(error);
  }
}

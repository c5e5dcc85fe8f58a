import "server-only";
import { getDb, type Database } from "../../db/client";
import type { ApiKey, ApiKeyScope } from "../../db/schema";
import { findActiveApiKey, touchApiKey } from "../api-keys/store";
import { apiError, errorResponse } from "../http/errors";
import { takeToken } from "./rate-limit";

export type V1Context = { request: Request; apiKey: ApiKey; db: Database };

/**
 * Wraps a `/api/v1` route handler: bearer API key (401), scope (403; `admin` implies all),
 * per-key rate limit (429 with Retry-After), then the handler; anything thrown becomes a JSON
 * error without internals.
 */
export function v1Handler<P>(scope: ApiKeyScope, handler: (ctx: V1Context, params: P) => Promise<Response>) {
  return async (request: Request, route: { params: Promise<P> }): Promise<Response> => {
    try {
      const header = request.headers.get("authorization") ?? "";
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match) return apiError("unauthorized:api_key", "Send your API key as `Authorization: Bearer <key>`.");
      const db = await getDb();
      const apiKey = await findActiveApiKey(db, match[1]!);
      if (!apiKey) return apiError("unauthorized:api_key", "This API key is not valid or has been revoked.");
      if (!apiKey.scopes.includes(scope) && !apiKey.scopes.includes("admin")) {
        return apiError(`forbidden:${scope}`, `This API key lacks the "${scope}" scope.`);
      }
      const limit = takeToken(apiKey.id);
      if (!limit.ok) {
        return apiError("rate_limited:api_key", "Too many requests for this API key; slow down.", undefined, {
          "Retry-After": String(limit.retryAfterSeconds),
        });
      }
      await touchApiKey(db, apiKey.id);
      return await handler({ request, apiKey, db }, await route.params);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

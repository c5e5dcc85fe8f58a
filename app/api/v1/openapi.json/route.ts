import { buildOpenApiDocument } from "@/lib/api/openapi";

/** The OpenAPI document; public, like any API reference. */
export function GET(request: Request) {
  return Response.json(buildOpenApiDocument(new URL(request.url).origin));
}

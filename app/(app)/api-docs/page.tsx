import type { Metadata } from "next";
import { PageHeader } from "@/components/app-shell/app-shell";
import { SchemaTable } from "@/components/api-docs/schema-table";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { buildOpenApiDocument, ENDPOINTS } from "@/lib/api/openapi";
import { requirePermission } from "@/lib/auth/session";

export const metadata: Metadata = { title: "API reference" };

type Operation = {
  requestBody?: { content: { "application/json": { schema: { properties: Record<string, { items: { $ref: string } }> }; example: unknown } } };
  responses: Record<string, { description: string }>;
};

/** The API reference, rendered from the same OpenAPI document the API serves. */
export default async function ApiDocsPage() {
  await requirePermission();
  const doc = buildOpenApiDocument();
  const schemas = doc.components.schemas as Record<string, object>;
  return (
    <>
      <PageHeader
        title="API reference"
        description={doc.info.description}
        actions={
          <Button asChild variant="outline" size="sm">
            <a href="/api/v1/openapi.json">OpenAPI document</a>
          </Button>
        }
      />
      <div className="space-y-6 p-6 lg:p-8">
        <Card>
          <CardContent className="space-y-2 pt-5 text-sm">
            <p>
              Authenticate with <code className="rounded bg-muted px-1">Authorization: Bearer &lt;API key&gt;</code>; admins create keys in
              Settings → API keys, each with its scopes. Errors are <code className="rounded bg-muted px-1">{"{ error: { code, message } }"}</code>{" "}
              with the HTTP status of the code: 400 malformed, 401 no or bad key, 403 missing scope, 413 too large, 429 rate limited (see
              Retry-After).
            </p>
          </CardContent>
        </Card>
        {ENDPOINTS.map((e) => {
          const op = (doc.paths as unknown as Record<string, Record<string, Operation>>)[e.path]![e.method]!;
          const body = op.requestBody?.content["application/json"];
          const itemRef = body ? Object.values(body.schema.properties)[0]!.items.$ref.split("/").at(-1)! : null;
          return (
            <Card key={`${e.method} ${e.path}`} id={e.path.replace(/\W+/g, "-")}>
              <CardHeader>
                <CardTitle className="flex flex-wrap items-center gap-2 text-base">
                  <Badge variant={e.method === "get" ? "success" : "default"} className="font-mono uppercase">
                    {e.method}
                  </Badge>
                  <code className="font-mono">{e.path}</code>
                  <span className="font-normal text-muted-foreground">— {e.summary}</span>
                  <Badge variant="outline" className="ml-auto">
                    scope: {e.scope}
                  </Badge>
                </CardTitle>
                <p className="text-sm text-muted-foreground">{e.description}</p>
              </CardHeader>
              <CardContent className="grid gap-6 xl:grid-cols-2">
                {itemRef ? (
                  <div>
                    <h3 className="mb-2 text-xs font-medium uppercase tracking-wide text-muted-foreground">Each item ({itemRef})</h3>
                    <SchemaTable schema={schemas[itemRef]!} />
                  </div>
                ) : null}
                <div className="space-y-4">
                  {body ? (
                    <div>
                      <h3 className="mb-2 text-xs font-medium uppercase tracking-wide text-muted-foreground">Example request</h3>
                      <pre className="overflow-x-auto rounded-md bg-sidebar p-3 text-xs text-sidebar-foreground">{JSON.stringify(body.example, null, 2)}</pre>
                    </div>
                  ) : null}
                  <div>
                    <h3 className="mb-2 text-xs font-medium uppercase tracking-wide text-muted-foreground">Responses</h3>
                    <ul className="space-y-1 text-sm">
                      {Object.entries(op.responses).map(([status, r]) => (
                        <li key={status}>
                          <code className="mr-2 font-mono">{status}</code>
                          <span className="text-muted-foreground">{r.description}</span>
                        </li>
                      ))}
                    </ul>
                  </div>
                </div>
              </CardContent>
            </Card>
          );
        })}
      </div>
    </>
  );
}

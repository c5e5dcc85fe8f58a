import { FUNNEL_GROUPS } from "../analytics/funnel-query";
import { LIFT_ENDPOINT, liftOperationDoc } from "../analytics/lift-openapi";
import { z } from "zod";
import {
  contactInputSchema,
  eventInputSchema,
  MAX_BATCH_ITEMS,
  stageChangeInputSchema,
} from "../ingest/schemas";

/**
 * The OpenAPI 3.1 document of /api/v1, generated from the zod schemas that validate the requests,
 * so the documentation cannot drift from what the server accepts.
 */
function jsonSchema(schema: z.ZodType) {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any", target: "draft-2020-12" });
  return rest;
}

const errorSchema = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: { type: "string", examples: ["bad_request:json", "forbidden:ingest"] },
        message: { type: "string" },
      },
    },
  },
};

const errorResponses = {
  "400": { description: "Malformed JSON or a body that is not the expected envelope", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
  "401": { description: "No API key, or an invalid or revoked one", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
  "403": { description: "The key lacks the scope", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
  "413": { description: `More than ${MAX_BATCH_ITEMS} items or 5 MB`, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
  "429": { description: "Rate limit of the key exceeded; see Retry-After", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
};

function batchBody(field: string, item: string, example: unknown) {
  return {
    required: true,
    content: {
      "application/json": {
        schema: {
          type: "object",
          required: [field],
          properties: { [field]: { type: "array", minItems: 1, maxItems: MAX_BATCH_ITEMS, items: { $ref: `#/components/schemas/${item}` } } },
        },
        example,
      },
    },
  };
}

const itemResult = (statuses: string[], extra: Record<string, unknown> = {}) => ({
  type: "object",
  required: ["index", "status"],
  properties: { index: { type: "integer" }, status: { type: "string", enum: statuses }, error: { type: "string" }, ...extra },
});

const funnelCounts = Object.fromEntries(
  ["mqls", "sal", "sql", "opportunity", "customer", "lost", "rejected", "open"].map((k) => [k, { type: "integer" }]),
);
const funnelRates = { mqlToSqlRate: { type: "number" }, mqlToCustomerRate: { type: "number" } };
const funnelResponseSchema = {
  type: "object",
  properties: {
    rows: { type: "array", items: { type: "object", properties: { group: { type: "string" }, ...funnelCounts, ...funnelRates } } },
    totals: { type: "object", properties: { ...funnelCounts, ...funnelRates } },
  },
};

const rateSchema = { oneOf: [{ type: "null" }, { type: "object", properties: { value: { type: "number" }, low: { type: "number" }, high: { type: "number" } } }] };
/** One point of a sweep or cell of the grid; `mqls`, `sql` and `customers` are weighted (exploration records count 1/share). */
const sweepPointProperties = {
  mqls: { type: "number" },
  mqlsPerMonth: { type: "number" },
  sql: { type: "number" },
  customers: { type: "number" },
  mqlToSqlRate: rateSchema,
  mqlToCustomerRate: rateSchema,
  backing: { type: "integer", description: "MQL records behind the point" },
  explorationBacking: { type: "integer" },
  effectiveN: { type: "number", description: "Kish's effective sample size of the weighted records" },
  belowInForceBacking: { type: "integer", description: "Records below the threshold in force when they qualified" },
  belowInForceEffectiveN: { type: "number" },
  observed: { type: "boolean", description: "false where only contacts that reached sales another way have outcomes" },
  sparse: { type: "boolean" },
};
const sweepResponseSchema = {
  type: "object",
  properties: {
    rows: {
      type: "array",
      items: {
        type: "object",
        properties: { threshold: { type: "integer" }, ...sweepPointProperties },
      },
    },
  },
};
const gridResponseSchema = {
  type: "object",
  properties: {
    step: { type: "integer" },
    months: { type: "number" },
    inForce: { oneOf: [{ type: "null" }, { type: "object", properties: { fit: { type: "number" }, engagement: { type: "number" } } }] },
    cells: { type: "array", items: { type: "object", properties: { fit: { type: "integer" }, engagement: { type: "integer" }, ...sweepPointProperties } } },
  },
};
const segmentParameter = { name: "segment", in: "query", required: false, description: "A region: only its MQL records, against its own thresholds in force", schema: { type: "string" } };

export type EndpointDoc = { method: "get" | "post"; path: string; summary: string; description: string; scope: string };

export const ENDPOINTS: EndpointDoc[] = [
  { method: "post", path: "/api/v1/contacts", scope: "ingest", summary: "Upsert contacts", description: "Upsert by email (case-insensitive), with the account inline; the account is found or created by domain (the given one, else the email's, except free-mail domains). Absent fields keep their stored value." },
  { method: "post", path: "/api/v1/events", scope: "ingest", summary: "Append timeline events", description: "`(source, id)` is stored once however often it is sent. An unknown email creates the contact. Events may arrive late and out of order." },
  { method: "post", path: "/api/v1/stage-changes", scope: "ingest", summary: "Record lifecycle changes", description: "Moves contacts through the lifecycle with their real timestamps. `mql` opens an MQL record; later stages stamp it; forward jumps count the skipped stages as passed. Backwards moves are per-item errors naming the current stage. Changes dated more than an hour ago are history: recorded and counted, but they do not route, notify or fire webhooks." },
  { method: "get", path: "/api/v1/contacts/{ref}", scope: "read", summary: "Get a contact", description: "By id or email: profile, account, stage, scores with their breakdown, the open MQL record and recent events." },
  { method: "get", path: "/api/v1/analytics/funnel", scope: "read", summary: "Get the funnel", description: "MQL records qualified from `from` to `to` (whole UTC days, inclusive), per group and in total: how many reached SAL, SQL, opportunity and customer (a record that jumped stages counts the skipped ones as passed), were lost, rejected or are still open; `mqlToSqlRate` and `mqlToCustomerRate` are fractions of `mqls`." },
  { method: "get", path: "/api/v1/analytics/threshold-sweep", scope: "read", summary: "Sweep a threshold", description: "For every whole threshold 0–100 on `fit` or `engagement`: the MQL records qualified from `from` to `to` whose score at qualification reaches it, how many became SQLs and customers, and both rates with 95% Wilson intervals (`null` without records). Exploration records count for 1/share contacts, and the intervals use the effective sample size. `backing` is the records behind a point; `sparse` marks points whose effective sample, or whose part below the threshold in force, is under 30; `observed` is false below the exploration sample's reach." },
  { method: "get", path: "/api/v1/analytics/threshold-grid", scope: "read", summary: "Sweep both thresholds", description: "Every pair of fit and engagement thresholds on steps of 5 (21 × 21 cells): the MQL records reaching both, weighted and marked as the sweep's points are." },
  LIFT_ENDPOINT,
];

export function buildOpenApiDocument(baseUrl?: string) {
  const [contacts, events, stageChanges, contact, funnel, sweep, grid] = ENDPOINTS;
  const op = (e: EndpointDoc, rest: Record<string, unknown>) => ({
    summary: e.summary,
    description: `${e.description}\n\nScope: \`${e.scope}\` (or \`admin\`).`,
    operationId: e.summary.replace(/\W+(.)/g, (_, c: string) => c.toUpperCase()).replace(/^\w/, (c) => c.toLowerCase()),
    security: [{ apiKey: [] }],
    ...rest,
  });
  return {
    openapi: "3.1.0",
    info: {
      title: "Handoff API",
      version: "1",
      description: `Send contacts, events and lifecycle changes in batches of up to ${MAX_BATCH_ITEMS} items (5 MB); every batch answers with a result per item, and one bad item never blocks the good ones.`,
    },
    servers: baseUrl ? [{ url: baseUrl }] : undefined,
    components: {
      securitySchemes: { apiKey: { type: "http", scheme: "bearer", description: "An API key created by an admin in Settings → API keys." } },
      schemas: {
        Contact: jsonSchema(contactInputSchema),
        Event: jsonSchema(eventInputSchema),
        StageChange: jsonSchema(stageChangeInputSchema),
        Error: errorSchema,
      },
    },
    paths: {
      [contacts!.path]: {
        post: op(contacts!, {
          requestBody: batchBody("contacts", "Contact", {
            contacts: [{ email: "dana@acme.io", firstName: "Dana", title: "VP Marketing", account: { name: "Acme", employees: 800, industry: "Software" } }],
          }),
          responses: {
            "200": { description: "A result per item", content: { "application/json": { schema: { type: "object", properties: { results: { type: "array", items: itemResult(["created", "updated", "error"], { id: { type: "string", format: "uuid" }, email: { type: "string" } }) } } } } } },
            ...errorResponses,
          },
        }),
      },
      [events!.path]: {
        post: op(events!, {
          requestBody: batchBody("events", "Event", {
            events: [{ id: "evt_1842", source: "segment", type: "page_view", email: "dana@acme.io", occurredAt: "2026-03-02T10:15:00Z", properties: { url: "/pricing", durationSec: 95 } }],
          }),
          responses: {
            "200": {
              description: "Counts and a result per item",
              content: { "application/json": { schema: { type: "object", properties: { stored: { type: "integer" }, duplicates: { type: "integer" }, errors: { type: "integer" }, results: { type: "array", items: itemResult(["stored", "duplicate", "error"]) } } } } },
            },
            ...errorResponses,
          },
        }),
      },
      [stageChanges!.path]: {
        post: op(stageChanges!, {
          requestBody: batchBody("changes", "StageChange", {
            changes: [
              { email: "dana@acme.io", to: "mql", at: "2026-01-10T09:00:00Z" },
              { email: "dana@acme.io", to: "customer", at: "2026-03-01T09:00:00Z", reason: "Closed won" },
            ],
          }),
          responses: {
            "200": {
              description: "A result per item",
              content: { "application/json": { schema: { type: "object", properties: { results: { type: "array", items: itemResult(["changed", "unchanged", "error"], { contactId: { type: "string", format: "uuid" }, from: { type: "string" }, to: { type: "string" }, historical: { type: "boolean" } }) } } } } },
            },
            ...errorResponses,
          },
        }),
      },
      [funnel!.path]: {
        get: op(funnel!, {
          parameters: [
            { name: "from", in: "query", required: true, description: "First day, YYYY-MM-DD", schema: { type: "string", format: "date" } },
            { name: "to", in: "query", required: true, description: "Last day, YYYY-MM-DD (included)", schema: { type: "string", format: "date" } },
            { name: "groupBy", in: "query", required: false, schema: { type: "string", enum: [...FUNNEL_GROUPS], default: "month" } },
          ],
          responses: {
            "200": { description: "Rows per group, and the totals", content: { "application/json": { schema: funnelResponseSchema } } },
            ...errorResponses,
          },
        }),
      },
      [sweep!.path]: {
        get: op(sweep!, {
          parameters: [
            { name: "dimension", in: "query", required: true, schema: { type: "string", enum: ["fit", "engagement"] } },
            { name: "from", in: "query", required: true, description: "First day, YYYY-MM-DD", schema: { type: "string", format: "date" } },
            { name: "to", in: "query", required: true, description: "Last day, YYYY-MM-DD (included)", schema: { type: "string", format: "date" } },
            segmentParameter,
            { name: "hold", in: "query", required: false, description: "`inForce` holds the other score at its threshold in force; `none` (default) ignores it", schema: { type: "string", enum: ["none", "inForce"] } },
          ],
          responses: {
            "200": { description: "101 rows, thresholds 0 to 100", content: { "application/json": { schema: sweepResponseSchema } } },
            ...errorResponses,
          },
        }),
      },
      [grid!.path]: {
        get: op(grid!, {
          parameters: [
            { name: "from", in: "query", required: true, description: "First day, YYYY-MM-DD", schema: { type: "string", format: "date" } },
            { name: "to", in: "query", required: true, description: "Last day, YYYY-MM-DD (included)", schema: { type: "string", format: "date" } },
            segmentParameter,
          ],
          responses: {
            "200": { description: "441 cells", content: { "application/json": { schema: gridResponseSchema } } },
            ...errorResponses,
          },
        }),
      },
      [LIFT_ENDPOINT.path]: { get: op(LIFT_ENDPOINT, { ...liftOperationDoc, responses: { ...liftOperationDoc.responses, ...errorResponses } }) },
      [contact!.path]: {
        get: op(contact!, {
          parameters: [{ name: "ref", in: "path", required: true, description: "The contact's id or email", schema: { type: "string" } }],
          responses: {
            "200": { description: "The contact", content: { "application/json": { schema: { type: "object" } } } },
            "404": { description: "No such contact", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
            ...errorResponses,
          },
        }),
      },
    },
  };
}

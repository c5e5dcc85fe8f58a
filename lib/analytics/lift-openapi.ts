import { BEHAVIOUR_WINDOW_DAYS, LIFT_OUTCOMES, STRONG_LIFT } from "./lift";
import { MIN_BACKING } from "./sweep-query";

/** GET /api/v1/analytics/lift in the OpenAPI document (lib/api/openapi.ts adds the error responses). */
export const LIFT_ENDPOINT = {
  method: "get",
  path: "/api/v1/analytics/lift",
  scope: "read",
  summary: "Get lift",
  description: `For the MQL records qualified from \`from\` to \`to\`: the base rate of \`outcome\` (customer, or SQL; stage jumps count), and for each attribute value (industry, company size and revenue bands, seniority, function, region, country, source, technology, personal email) and each behaviour of the ${BEHAVIOUR_WINDOW_DAYS} days up to qualifying (event types, and engagement rules with property filters): records, outcomes, the rate with its 95% Wilson interval, \`lift\` (rate ÷ base rate), \`direction\` (\`over\`/\`under\` only when the interval excludes the base rate), \`sparse\` (fewer than ${MIN_BACKING} records: no direction) and \`model\` — what the published model gives the value. \`suggestions\`: values at least ${STRONG_LIFT}× over- (or under-) represented that the model gives no (or some) points.`,
} as const;

const rate = { oneOf: [{ type: "null" }, { type: "object", properties: { value: { type: "number" }, low: { type: "number" }, high: { type: "number" } } }] };

export const liftOperationDoc = {
  parameters: [
    { name: "from", in: "query", required: true, description: "First day, YYYY-MM-DD", schema: { type: "string", format: "date" } },
    { name: "to", in: "query", required: true, description: "Last day, YYYY-MM-DD (included)", schema: { type: "string", format: "date" } },
    { name: "outcome", in: "query", required: false, schema: { type: "string", enum: [...LIFT_OUTCOMES], default: "customer" } },
  ],
  responses: {
    "200": {
      description: "The base rate, a row per value and the suggested rule changes",
      content: {
        "application/json": {
          schema: {
            type: "object",
            properties: {
              from: { type: "string", format: "date-time" },
              until: { type: "string", format: "date-time", description: "Exclusive" },
              outcome: { type: "string", enum: [...LIFT_OUTCOMES] },
              windowDays: { type: "integer" },
              modelVersion: { type: "integer" },
              population: { type: "object", properties: { records: { type: "integer" }, outcomes: { type: "integer" }, rate } },
              rows: {
                type: "array",
                items: {
                  type: "object",
                  properties: {
                    kind: { type: "string", enum: ["attribute", "behaviour"] },
                    field: { type: "string", examples: ["account.industry", "event", "engagementRule"] },
                    fieldLabel: { type: "string" },
                    value: { type: ["string", "null"] },
                    valueLabel: { type: "string" },
                    records: { type: "integer" },
                    outcomes: { type: "integer" },
                    rate,
                    lift: rate,
                    direction: { type: "string", enum: ["over", "under", "neither"] },
                    sparse: { type: "boolean" },
                    model: {
                      type: "object",
                      properties: { points: { type: "number" }, rules: { type: "array", items: { type: "string" } }, cap: { type: "number" }, qualifiesFromFit: { type: "number" } },
                    },
                  },
                },
              },
              suggestions: {
                type: "array",
                items: { type: "object", properties: { action: { type: "string", enum: ["raise", "lower"] }, kind: { type: "string" }, field: { type: "string" }, value: { type: ["string", "null"] }, text: { type: "string" } } },
              },
            },
          },
        },
      },
    },
  },
};

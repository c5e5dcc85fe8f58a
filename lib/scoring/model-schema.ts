import { z } from "zod";

/** Contact and account attributes a fit rule can test. */
export const FIT_FIELDS = [
  "title",
  "seniority",
  "jobFunction",
  "country",
  "region",
  "source",
  "emailDomain",
  "personalEmail",
  "account.industry",
  "account.employees",
  "account.annualRevenue",
  "account.country",
  "account.region",
  "account.technologies",
] as const;
export type FitField = (typeof FIT_FIELDS)[number];

/** What each field holds, which decides the operators it takes. */
export const FIT_FIELD_KINDS: Record<FitField, "text" | "list" | "number" | "boolean"> = {
  title: "text",
  seniority: "text",
  jobFunction: "text",
  country: "text",
  region: "text",
  source: "text",
  emailDomain: "text",
  personalEmail: "boolean",
  "account.industry": "text",
  "account.employees": "number",
  "account.annualRevenue": "number",
  "account.country": "text",
  "account.region": "text",
  "account.technologies": "list",
};

const OPERATORS_BY_KIND = {
  text: ["equals", "in", "contains", "contains_word"],
  list: ["equals", "in", "contains", "contains_word"],
  number: ["range"],
  boolean: ["is_true"],
} as const;

/** Whether a rule's operator suits its field: ranges on numbers, text comparisons on text. */
export function operatorFitsField(field: FitField, operator: string): boolean {
  return (OPERATORS_BY_KIND[FIT_FIELD_KINDS[field]] as readonly string[]).includes(operator);
}

/** ASCII punctuation and spaces separate words; every other character (é, ß, 中) belongs to one. */
export const WORD_SEPARATORS = /[\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f]+/;

const ruleId = z.string().min(1).max(64);
const label = z.string().min(1, "Give the rule a name").max(120);
const points = z.number().int().min(-100).max(100);

/**
 * `equals` / `in` / `contains` / `contains_word` compare text case-insensitively; `contains_word`
 * matches whole words only (so "intern" does not match "International"); `range` is for numbers.
 */
export const fitRuleSchema = z.discriminatedUnion("operator", [
  z.object({ id: ruleId, label, field: z.enum(FIT_FIELDS), operator: z.literal("equals"), value: z.string().min(1), points }),
  z.object({ id: ruleId, label, field: z.enum(FIT_FIELDS), operator: z.literal("in"), values: z.array(z.string().min(1)).min(1), points }),
  z.object({ id: ruleId, label, field: z.enum(FIT_FIELDS), operator: z.literal("contains"), values: z.array(z.string().min(1)).min(1), points }),
  z.object({ id: ruleId, label, field: z.enum(FIT_FIELDS), operator: z.literal("contains_word"), values: z.array(z.string().min(1)).min(1), points }),
  z
    .object({
      id: ruleId,
      label,
      field: z.enum(FIT_FIELDS),
      operator: z.literal("range"),
      min: z.number().nullable(),
      max: z.number().nullable(),
      points,
    })
    .refine((r) => r.min !== null || r.max !== null, { message: "A range needs a minimum, a maximum or both" })
    .refine((r) => r.min === null || r.max === null || r.min <= r.max, { message: "The minimum is above the maximum" }),
  z.object({ id: ruleId, label, field: z.enum(FIT_FIELDS), operator: z.literal("is_true"), points }),
]);
export type FitRule = z.infer<typeof fitRuleSchema>;

export const propertyFilterSchema = z
  .object({
    property: z.string().min(1).max(64),
    operator: z.enum(["equals", "contains", "gte", "lte"]),
    value: z.union([z.string(), z.number()]),
  })
  .refine((f) => (f.operator !== "gte" && f.operator !== "lte") || Number.isFinite(Number(f.value)) && String(f.value).trim() !== "", {
    message: "Compare “at least” and “at most” with a number",
    path: ["value"],
  });
export type PropertyFilter = z.infer<typeof propertyFilterSchema>;

export const engagementRuleSchema = z
  .object({
    id: ruleId,
    label,
    eventType: z.string().min(1).max(64),
    filters: z.array(propertyFilterSchema).max(5).default([]),
    /** Points per occurrence, before decay. */
    points,
    /** Most points (in absolute value) the rule may contribute after decay. */
    cap: z.number().positive().max(100),
    /** Overrides the model's half-life for this rule. */
    halfLifeDays: z.number().positive().max(3650).nullable().default(null),
  })
  .refine((r) => Math.abs(r.points) <= r.cap, { message: "Points per event exceed the rule's cap", path: ["cap"] });
export type EngagementRule = z.infer<typeof engagementRuleSchema>;

export const segmentOverrideSchema = z.object({
  /** Value of the segment field (e.g. the region "EMEA"). */
  value: z.string().min(1),
  fit: z.number().min(0).max(100),
  engagement: z.number().min(0).max(100),
});

export const qualifyingActionSchema = z.object({
  eventType: z.string().min(1).max(64),
  /** The contact must have at least this fit for the action to qualify them. */
  minFit: z.number().min(0).max(100),
});
export type QualifyingAction = z.infer<typeof qualifyingActionSchema>;

export const thresholdsSchema = z.object({
  fit: z.number().min(0).max(100),
  engagement: z.number().min(0).max(100),
  /** Which contact attribute defines segments; overrides apply per value. */
  segmentField: z.enum(["region", "country", "source"]).default("region"),
  segments: z.array(segmentOverrideSchema).default([]),
  qualifyingActions: z.array(qualifyingActionSchema).default([]),
});
export type Thresholds = z.infer<typeof thresholdsSchema>;

export const mqaSchema = z.object({
  threshold: z.number().min(0).max(100),
  /** How many of the account's most engaged contacts count. */
  topContacts: z.number().int().min(1).max(10),
  weights: z.object({ fit: z.number().min(0), engagement: z.number().min(0), coverage: z.number().min(0) }),
  /** Distinct engaged functions that give full coverage. */
  fullCoverageFunctions: z.number().int().min(1).max(10),
  /** A contact counts as engaged, for coverage, from this engagement score. */
  engagedFrom: z.number().min(0).max(100).default(10),
});
export type MqaRule = z.infer<typeof mqaSchema>;

export const scoringModelDefinitionSchema = z
  .object({
    fitRules: z.array(fitRuleSchema).max(200),
    engagementRules: z.array(engagementRuleSchema).max(200),
    /** Default half-life of engagement, in days. */
    halfLifeDays: z.number().positive().max(3650),
    thresholds: thresholdsSchema,
    mqa: mqaSchema,
  })
  .superRefine((m, ctx) => {
    const ids = new Set<string>();
    for (const r of [...m.fitRules, ...m.engagementRules]) {
      if (ids.has(r.id)) ctx.addIssue({ code: "custom", message: `Two rules share the id "${r.id}"` });
      ids.add(r.id);
    }
    m.fitRules.forEach((r, i) => {
      if (!operatorFitsField(r.field, r.operator)) {
        const kind = FIT_FIELD_KINDS[r.field];
        ctx.addIssue({
          code: "custom",
          path: ["fitRules", i, "operator"],
          message: kind === "number" ? "Compare a number with a range" : kind === "boolean" ? "This field is yes or no: use “is true”" : "A range needs a numeric field",
        });
      }
      if (r.operator === "contains_word") {
        r.values.forEach((v, j) => {
          if (v.split(WORD_SEPARATORS).filter(Boolean).length === 0) {
            ctx.addIssue({ code: "custom", path: ["fitRules", i, "values", j], message: `“${v}” has no word in it` });
          }
        });
      }
    });
  });

/**
 * Events older than ten half-lives of the slowest rule add under 0.1% of their points: they are
 * left out, which keeps a contact's score a read of their recent events only. Part of the
 * model's meaning, applied alike by the reference code and the SQL.
 */
export function scoringHorizonDays(model: Pick<ScoringModelDefinition, "halfLifeDays" | "engagementRules">): number {
  return 10 * Math.max(model.halfLifeDays, ...model.engagementRules.map((r) => r.halfLifeDays ?? 0));
}
export type ScoringModelDefinition = z.infer<typeof scoringModelDefinitionSchema>;

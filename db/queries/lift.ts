import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { BEHAVIOUR_SAMPLE_RECORDS, BEHAVIOUR_WINDOW_DAYS, computeLift, suggestRuleChanges, type LiftGroup, type LiftQuery, type LiftRow, type LiftSuggestion } from "@/lib/analytics/lift";
import {
  attributeWeight,
  bandEdges,
  bandLabel,
  behaviourLabel,
  eventTypeWeight,
  filteredRules,
  filteredRuleWeight,
  LIFT_ATTRIBUTES,
  LIFT_FIELD_LABELS,
  type BandedField,
  type LiftAttribute,
} from "@/lib/analytics/lift-model";
import { reachedStage } from "@/lib/analytics/stage-reached";
import type { Rate } from "@/lib/analytics/wilson";
import { personalEmailDomains } from "@/lib/email";
import { humanizeValue } from "@/lib/format";
import type { ScoringModelDefinition } from "@/lib/scoring/model-schema";
import { loadPublishedModel } from "@/lib/scoring/published-model";
import { ruleConditionSql } from "@/lib/scoring/sql/engagement-sql";
import { rowsOf, type Database } from "../client";
import { analyticalQuery, timestamptz } from "../sql-helpers";

export type LiftResult = {
  from: string;
  /** Exclusive. */
  until: string;
  outcome: LiftQuery["outcome"];
  windowDays: number;
  /** The published model whose points each value is compared with. */
  modelVersion: number;
  /** Every MQL record of the range: what attributes are measured on. */
  population: { records: number; outcomes: number; rate: Rate | null };
  /** What behaviours are measured on: the population, or a sample of it (BEHAVIOUR_SAMPLE_RECORDS). */
  behaviourPopulation: { records: number; outcomes: number; rate: Rate | null; sampled: boolean };
  rows: LiftRow[];
  suggestions: LiftSuggestion[];
};

/**
 * Each attribute as a column of the population: the value the record kept at qualification where
 * it keeps one (region, source), the contact's and its account's current value otherwise; numbers
 * as band numbers.
 */
function attributeColumns(edges: Record<BandedField, number[]>): Record<Exclude<LiftAttribute, "account.technologies">, SQL> {
  const band = (column: SQL, cuts: number[]) =>
    cuts.length === 0
      ? sql`(case when ${column} is null then null else 0 end)`
      : sql`(case when ${column} is null then null ${sql.join(cuts.map((cut, i) => sql`when ${column} < ${cut}::float8 then ${i}`), sql` `)} else ${cuts.length} end)`;
  const domain = sql`regexp_replace(lower(split_part(c.email, '@', -1)), '^www\\.', '')`;
  return {
    "account.industry": sql`a.industry`,
    "account.employees": band(sql`a.employees`, edges["account.employees"]),
    "account.annualRevenue": band(sql`a.annual_revenue`, edges["account.annualRevenue"]),
    seniority: sql`c.seniority`,
    jobFunction: sql`c.job_function`,
    region: sql`mql_records.region`,
    country: sql`c.country`,
    source: sql`mql_records.source`,
    personalEmail: sql`(${domain} in (${sql.join(personalEmailDomains().map((d) => sql`${d}`), sql`, `)}))`,
  };
}

type CountRow = { kind: "attribute" | "behaviour" | "total" | "sample"; field: string; value: string | null; records: number | string; outcomes: number | string };

/** Where the company-size and revenue bands are cut for a model. */
export function liftBandEdges(definition: ScoringModelDefinition): Record<BandedField, number[]> {
  return {
    "account.employees": bandEdges("account.employees", definition.fitRules),
    "account.annualRevenue": bandEdges("account.annualRevenue", definition.fitRules),
  };
}

/** The one statement behind `liftAnalysis`: a row per value with its records and outcomes, and the total. */
export function liftStatement(
  { from, until, outcome }: LiftQuery,
  definition: ScoringModelDefinition,
  edges: Record<BandedField, number[]>,
  behaviourSampleRecords = BEHAVIOUR_SAMPLE_RECORDS,
): SQL {
  const columns = attributeColumns(edges);
  const fields = Object.keys(columns) as (keyof typeof columns)[];
  const alias = (field: string) => sql.raw(`"${field}"`);
  const rules = filteredRules(definition);
  const won = outcome === "customer" ? reachedStage.customer : reachedStage.sql;

  const attributeSets = sql.join(fields.map((f) => sql`(${alias(f)})`), sql`, `);
  const fieldName = sql.join(fields.map((f) => sql`when grouping(${alias(f)}) = 0 then ${f}`), sql` `);
  const fieldValue = sql.join(fields.map((f) => sql`when grouping(${alias(f)}) = 0 then ${alias(f)}::text`), sql` `);
  const ruleFlags = rules.map((rule, i) => sql`coalesce(bool_or(${ruleConditionSql(rule)}), false) as ${sql.raw(`rule_${i}`)}`);
  const ruleCounts = rules.map(
    (rule, i) =>
      sql`select 'behaviour', 'engagementRule', ${rule.id}::text, count(*) filter (where ${sql.raw(`rule_${i}`)}), count(*) filter (where ${sql.raw(`rule_${i}`)} and won) from behaviours`,
  );

  return sql`
      with population as materialized (
        select mql_records.id, mql_records.contact_id, mql_records.mql_at, ${won} as won, a.technologies,
               ${sql.join(fields.map((f) => sql`${columns[f]} as ${alias(f)}`), sql`, `)}
        from mql_records
        join contacts c on c.id = mql_records.contact_id
        left join accounts a on a.id = coalesce(mql_records.account_id, c.account_id)
        where mql_records.mql_at >= ${timestamptz(from)} and mql_records.mql_at < ${timestamptz(until)}
      ),
      sample as materialized (
        -- All records, or a uniform share of them by a hash of their id; in contact order, so that
        -- the probes below walk the events index forwards.
        select contact_id, mql_at, won from population
        where (hashtext(id::text) & 1048575) < 1048576.0 * ${behaviourSampleRecords}::int / greatest(1, (select count(*) from population))
        order by contact_id
      ),
      behaviours as materialized (
        select p.won, b.types${rules.length ? sql`, ${sql.join(rules.map((_, i) => sql.raw(`b.rule_${i}`)), sql`, `)}` : sql``}
        from sample p
        cross join lateral (
          select array_agg(distinct e.type) as types${ruleFlags.length ? sql`, ${sql.join(ruleFlags, sql`, `)}` : sql``}
          from engagement_events e
          where e.contact_id = p.contact_id
            and e.occurred_at <= p.mql_at
            and e.occurred_at > p.mql_at - make_interval(days => ${BEHAVIOUR_WINDOW_DAYS}::int)
        ) b
      )
      select case when grouping(${sql.join(fields.map(alias), sql`, `)}) = ${2 ** fields.length - 1} then 'total' else 'attribute' end as kind,
             case ${fieldName} else 'total' end as field,
             case ${fieldValue} end as value,
             count(*) as records, count(*) filter (where won) as outcomes
      from population
      group by grouping sets (${attributeSets}, ())
      union all
      -- Technologies: the records grouped by their account's list first (far fewer lists than
      -- records), then each list's items counted with its records.
      select 'attribute', 'account.technologies', t.value, sum(g.records)::bigint, sum(g.outcomes)::bigint
      from (
        select technologies, count(*) as records, count(*) filter (where won) as outcomes
        from population where cardinality(technologies) > 0 group by technologies
      ) g cross join lateral (select distinct value from unnest(g.technologies) as u(value)) as t
      group by t.value
      union all
      select 'sample', 'sample', null, count(*), count(*) filter (where won) from sample
      union all
      select 'behaviour', 'event', t.type, count(*), count(*) filter (where won)
      from behaviours cross join lateral unnest(behaviours.types) as t(type)
      group by t.type
      ${ruleCounts.length ? sql`union all ${sql.join(ruleCounts, sql` union all `)}` : sql``}`;
}

/**
 * Lift of every attribute value and behaviour among the MQL records qualified in [from, until)
 * (each record once: a contact that qualified twice is two records, as in the funnel): how many
 * records had it, how many of them reached the outcome (customer, or SQL; stage jumps count), the
 * rate with its Wilson interval against the base rate, and what the published model gives it.
 *
 * One statement: the population is read once (MQL records by their `mql_at` index, with the
 * contact and its account); attributes are counted with GROUPING SETS in one aggregation, account
 * technologies by unnesting; behaviours are the distinct event types (and filtered engagement
 * rules) of each record's contact in the BEHAVIOUR_WINDOW_DAYS up to its qualification, read
 * through the timeline index (contact, occurred_at) — a range probe per record, never a scan of
 * the events — from every record, or from a uniform sample of about BEHAVIOUR_SAMPLE_RECORDS of
 * them when there are more, the behaviours' base rate being the sample's. Events after qualifying
 * (the rep's calls and meetings) are left out: they follow the handoff and would credit the
 * outcome to its own consequences.
 */
export async function liftAnalysis(db: Database, query: LiftQuery, { behaviourSampleRecords = BEHAVIOUR_SAMPLE_RECORDS } = {}): Promise<LiftResult> {
  const { from, until, outcome } = query;
  const model = await loadPublishedModel(db);
  const definition = model.definition;
  const edges = liftBandEdges(definition);
  const rules = filteredRules(definition);
  const result = rowsOf<CountRow>(await analyticalQuery(db, liftStatement(query, definition, edges, behaviourSampleRecords)));

  const totalOf = (kind: CountRow["kind"]) => {
    const row = result.find((r) => r.kind === kind);
    return { records: Number(row?.records ?? 0), outcomes: Number(row?.outcomes ?? 0) };
  };
  const population = totalOf("total");
  const sample = totalOf("sample");
  const groups: LiftGroup[] = [];
  for (const r of result) {
    if (r.kind === "total" || r.kind === "sample") continue;
    const counts = { records: Number(r.records), outcomes: Number(r.outcomes) };
    if (r.kind === "attribute") {
      const field = r.field as LiftAttribute;
      const banded = field === "account.employees" || field === "account.annualRevenue" ? field : null;
      groups.push({
        kind: "attribute",
        field,
        fieldLabel: LIFT_FIELD_LABELS[field],
        value: r.value,
        valueLabel: valueLabel(field, r.value, banded ? edges[banded] : []),
        ...counts,
        model: attributeWeight(field, r.value, definition.fitRules, banded ? edges[banded] : []),
      });
    } else if (r.field === "event") {
      groups.push({ kind: "behaviour", field: "event", fieldLabel: LIFT_FIELD_LABELS.event, value: r.value, valueLabel: behaviourLabel(r.value!), ...counts, model: eventTypeWeight(r.value!, definition) });
    } else {
      const rule = rules.find((x) => x.id === r.value)!;
      groups.push({ kind: "behaviour", field: "engagementRule", fieldLabel: LIFT_FIELD_LABELS.engagementRule, value: rule.id, valueLabel: rule.label, ...counts, model: filteredRuleWeight(rule) });
    }
  }
  groups.sort(groupOrder);
  const attributes = computeLift(population, groups.filter((g) => g.kind === "attribute"));
  const behaviours = computeLift(sample, groups.filter((g) => g.kind === "behaviour"));
  const rows = [...attributes.rows, ...behaviours.rows];
  return {
    from: from.toISOString(),
    until: until.toISOString(),
    outcome,
    windowDays: BEHAVIOUR_WINDOW_DAYS,
    modelVersion: model.version,
    population: { ...population, rate: attributes.baseRate },
    behaviourPopulation: { ...sample, rate: behaviours.baseRate, sampled: sample.records < population.records },
    rows,
    suggestions: suggestRuleChanges(rows),
  };
}

function valueLabel(field: LiftAttribute, value: string | null, edges: number[]): string {
  if (value === null) return field === "account.industry" || field === "account.employees" || field === "account.annualRevenue" ? "Unknown" : "(none)";
  switch (field) {
    case "account.employees":
    case "account.annualRevenue":
      return bandLabel(field, edges, Number(value));
    case "personalEmail":
      return value === "true" ? "Yes" : "No";
    case "seniority":
    case "jobFunction":
      return humanizeValue(value);
    default:
      return value;
  }
}

const FIELD_ORDER = new Map<string, number>([...LIFT_ATTRIBUTES, "event", "engagementRule"].map((f, i) => [f, i]));

/** Attributes in LIFT_ATTRIBUTES order, then behaviours; bands in order, other values most records first. */
function groupOrder(a: LiftGroup, b: LiftGroup): number {
  const byField = FIELD_ORDER.get(a.field)! - FIELD_ORDER.get(b.field)!;
  if (byField) return byField;
  if (a.field === "account.employees" || a.field === "account.annualRevenue") {
    return (a.value === null ? Infinity : Number(a.value)) - (b.value === null ? Infinity : Number(b.value));
  }
  return b.records - a.records || String(a.value).localeCompare(String(b.value));
}

import { sql, type SQL } from "drizzle-orm";
import { NUMERIC_TEXT } from "../engagement";
import { lowerSql } from "./lower-sql";
import { scoringHorizonDays, type EngagementRule, type PropertyFilter, type ScoringModelDefinition } from "../model-schema";

/**
 * The engagement score as SQL aggregates over a contact's events, so that one pass over the
 * events scores many contacts: one filtered, decayed sum per rule (`rule_0`, `rule_1`…) and one
 * flag per qualifying action (`action_0`…), then `engagementTotalSql` caps and clamps them. It must
 * give exactly what `computeEngagementScore` gives: lib/scoring/sql/scoring-sql.test.ts checks.
 *
 * The aggregates read an events relation `e` with the columns `type`, `properties` and `age`
 * (days before the scoring instant, ≥ 0): see `scoredEventsSql`.
 */

const NUMERIC_TEXT_SQL = sql.raw(`'${NUMERIC_TEXT.source}'`);

function propertyConditionSql(filter: PropertyFilter): SQL {
  const value = sql`(e.properties -> ${filter.property})`;
  const text = sql`(e.properties ->> ${filter.property})`;
  const scalar = sql`jsonb_typeof(${value}) in ('string', 'number', 'boolean')`;
  switch (filter.operator) {
    // The text test first: it fails for most events and costs less than the type check, which
    // copies the value out of the document.
    case "equals":
      return sql`(${lowerSql(text)} = ${String(filter.value).toLowerCase()} and ${scalar})`;
    case "contains":
      return sql`(strpos(${lowerSql(text)}, ${String(filter.value).toLowerCase()}) > 0 and ${scalar})`;
    case "gte":
    case "lte": {
      // numeric, not float8: a property like "1e400" must compare, not fail the whole statement.
      const number = sql`(case when jsonb_typeof(${value}) = 'number' or (jsonb_typeof(${value}) = 'string' and ${text} ~ ${NUMERIC_TEXT_SQL}) then ${text}::numeric end)`;
      return sql`coalesce(${number} ${sql.raw(filter.operator === "gte" ? ">=" : "<=")} ${Number(filter.value)}::numeric, false)`;
    }
  }
}

/** Whether event `e` matches an engagement rule: its type and every property filter. */
export function ruleConditionSql(rule: EngagementRule): SQL {
  return sql.join([sql`e.type = ${rule.eventType}`, ...rule.filters.map(propertyConditionSql)], sql` and `);
}

/** `rule_i`: the rule's decayed points summed over the matching events (null without any). */
function ruleSumSql(rule: EngagementRule, index: number, model: ScoringModelDefinition): SQL {
  const halfLife = rule.halfLifeDays ?? model.halfLifeDays;
  return sql`sum(case when ${ruleConditionSql(rule)} then ${rule.points}::float8 * power(0.5::float8, e.age / ${halfLife}::float8) end) as ${sql.raw(`rule_${index}`)}`;
}

/** `action_i`: whether the contact performed the qualifying action within one half-life. */
function actionFlagSql(eventType: string, index: number, model: ScoringModelDefinition): SQL {
  return sql`coalesce(bool_or(e.type = ${eventType} and e.age <= ${model.halfLifeDays}::float8), false) as ${sql.raw(`action_${index}`)}`;
}

/** The select list of the per-contact aggregate (to follow `e.contact_id,` and precede `group by`). */
export function engagementAggregatesSql(model: ScoringModelDefinition): SQL {
  const parts = [
    ...model.engagementRules.map((r, i) => ruleSumSql(r, i, model)),
    ...model.thresholds.qualifyingActions.map((a, i) => actionFlagSql(a.eventType, i, model)),
  ];
  return parts.length ? sql.join(parts, sql`, `) : sql`null::float8 as no_rules`;
}

/** The event types the model reads: its rules' and its qualifying actions'. */
export function scoredEventTypes(model: ScoringModelDefinition): string[] {
  return [...new Set([...model.engagementRules.map((r) => r.eventType), ...model.thresholds.qualifyingActions.map((a) => a.eventType)])];
}

/**
 * The events that count at `at` with their age in days: of a type the model reads, not after
 * `at`, and younger than the model's horizon (`scoringHorizonDays`). `where` narrows them further
 * (e.g. to some contacts). Events of other types — e-mails sent, notes, calls — add nothing to any
 * rule, so they never reach the aggregates. The age is date_part's float8: extract() computes in
 * numeric, which costs a second over twenty million events.
 */
export function scoredEventsSql(model: ScoringModelDefinition, at: Date, where?: SQL): SQL {
  const atText = at.toISOString();
  const horizonMs = scoringHorizonDays(model) * 86_400_000;
  const from = new Date(at.getTime() - horizonMs).toISOString();
  const types = scoredEventTypes(model);
  const ofType = types.length ? sql`e.type in (${sql.join(types.map((t) => sql`${t}`), sql`, `)})` : sql`false`;
  return sql`(
    select e.contact_id, e.type, e.properties,
           date_part('epoch', ${atText}::timestamptz - e.occurred_at) / 86400 as age
    from engagement_events e
    where ${ofType} and e.occurred_at <= ${atText}::timestamptz and e.occurred_at > ${from}::timestamptz${where ? sql` and ${where}` : sql``}
  ) e`;
}

/** The capped, clamped engagement score from the aggregates of relation `g` (0 without events). */
export function engagementTotalSql(model: ScoringModelDefinition, g = "g"): SQL {
  if (model.engagementRules.length === 0) return sql`0::float8`;
  const capped = model.engagementRules.map((rule, i) => {
    const sum = sql.raw(`coalesce(${g}.rule_${i}, 0)`);
    return sql`(case when abs(${sum}) > ${rule.cap}::float8 then sign(${sum}) * ${rule.cap}::float8 else ${sum} end)`;
  });
  return sql`least(100, greatest(0, ${sql.join(capped, sql` + `)}))::float8`;
}

/** Whether qualifying action `i` was performed recently, from relation `g` (false without events). */
export function actionFlagOf(index: number, g = "g"): SQL {
  return sql.raw(`coalesce(${g}.action_${index}, false)`);
}

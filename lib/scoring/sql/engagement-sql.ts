import { sql, type SQL } from "drizzle-orm";
import { NUMERIC_TEXT } from "../engagement";
import { lowerSql } from "./lower-sql";
import { scoringHorizonDays, type EngagementRule, type PropertyFilter, type ScoringModelDefinition } from "../model-schema";

/**
 * The engagement score as SQL aggregates over a contact's events, so that one pass over the
 * events scores many contacts: per rule its decayed occurrences (`rule_0`, `rule_1`…: the sum of
 * `0.5^(age / halfLife)` over the matching events, before points), per qualifying action the last
 * time it was performed (`action_last_0`…), and the oldest event counted (`earliest_counted_at`);
 * then `engagementTotalSql` weighs, caps and clamps them. It must give exactly what
 * `computeEngagementScore` gives: lib/scoring/sql/scoring-sql.test.ts checks.
 *
 * Points stay out of the sums so that the sums outlive the model: stored with a contact's scores
 * they score it again under any model whose rules match the same events, later, without reading
 * them (lib/scoring/sql/carried-engagement-sql.ts).
 *
 * The aggregates read an events relation `e` with the columns `type`, `properties`, `occurred_at`
 * and `age` (days before the scoring instant, ≥ 0): see `scoredEventsSql`.
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

/** The half-life that decays a rule's events: its own, else the model's. */
export const ruleHalfLife = (rule: EngagementRule, model: ScoringModelDefinition): number => rule.halfLifeDays ?? model.halfLifeDays;

/**
 * Half-lives past which a decayed event counts for nothing: `0.5^36` is about `1.5e-11`, a
 * hundred-millionth of a point at most. PostgreSQL raises an error where a float underflows — in
 * a power, a product, or the cast of a score to `real` — so every decay factor and every sum of
 * them (a rule's decayed occurrences, as stored) is 0 or at least `0.5^DECAY_CUTOFF`. A sum
 * carried forward, a stored sum times a factor, is then 0 or at least its square (about 2e-22),
 * far above the smallest float8; so is each rule's points (whole numbers), and a total of such
 * points is 0 or above the smallest `real`.
 */
const DECAY_CUTOFF = 36;

/** `0.5^halfLives`, or 0 past `DECAY_CUTOFF` half-lives. */
export function decayFactorSql(halfLives: SQL): SQL {
  return sql`(case when ${halfLives} > ${DECAY_CUTOFF}::float8 then 0::float8 else power(0.5::float8, ${halfLives}) end)`;
}

/** `rule_i`: the rule's matching events, each decayed by its age, summed (null without any). */
function ruleSumSql(rule: EngagementRule, index: number, model: ScoringModelDefinition): SQL {
  return sql`sum(case when ${ruleConditionSql(rule)} then ${decayFactorSql(sql`e.age / ${ruleHalfLife(rule, model)}::float8`)} end) as ${sql.raw(`rule_${index}`)}`;
}

/** `action_last_i`: when the contact last performed the qualifying action (null if never). */
function actionLastSql(eventType: string, index: number): SQL {
  return sql`max(case when e.type = ${eventType} then e.occurred_at end) as ${sql.raw(`action_last_${index}`)}`;
}

/** The select list of the per-contact aggregate (to follow `e.contact_id,` and precede `group by`). */
export function engagementAggregatesSql(model: ScoringModelDefinition): SQL {
  return sql.join(
    [
      ...model.engagementRules.map((r, i) => ruleSumSql(r, i, model)),
      ...model.thresholds.qualifyingActions.map((a, i) => actionLastSql(a.eventType, i)),
      sql`min(e.occurred_at) as earliest_counted_at`,
    ],
    sql`, `,
  );
}

/** The event types the model reads: its rules' and its qualifying actions'. */
export function scoredEventTypes(model: ScoringModelDefinition): string[] {
  return [...new Set([...model.engagementRules.map((r) => r.eventType), ...model.thresholds.qualifyingActions.map((a) => a.eventType)])];
}

/** The instant events must be younger than to count at `at` (`scoringHorizonDays` before it). */
export function horizonStartOf(model: ScoringModelDefinition, at: Date): Date {
  return new Date(at.getTime() - scoringHorizonDays(model) * 86_400_000);
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
  const from = horizonStartOf(model, at).toISOString();
  const types = scoredEventTypes(model);
  const ofType = types.length ? sql`e.type in (${sql.join(types.map((t) => sql`${t}`), sql`, `)})` : sql`false`;
  return sql`(
    select e.contact_id, e.type, e.properties, e.occurred_at,
           date_part('epoch', ${atText}::timestamptz - e.occurred_at) / 86400 as age
    from engagement_events e
    where ${ofType} and e.occurred_at <= ${atText}::timestamptz and e.occurred_at > ${from}::timestamptz${where ? sql` and ${where}` : sql``}
  ) e`;
}

/** Rule `i`'s decayed occurrences in the events' aggregates `g` (null without any). */
const countedRuleSum = (i: number): SQL => sql.raw(`g.rule_${i}`);

/**
 * The weighed, capped, clamped engagement score from each rule's decayed occurrences
 * (`ruleSum(i)`, null for none; by default the events' aggregates `g`).
 */
export function engagementTotalSql(model: ScoringModelDefinition, ruleSum: (i: number) => SQL = countedRuleSum): SQL {
  if (model.engagementRules.length === 0) return sql`0::float8`;
  // Each rule's points within ±cap: the sum written once, so it is computed once.
  const capped = model.engagementRules.map(
    (rule, i) => sql`greatest(${-rule.cap}::float8, least(${rule.cap}::float8, ${rule.points}::float8 * coalesce(${ruleSum(i)}, 0)))`,
  );
  return sql`least(100, greatest(0, ${sql.join(capped, sql` + `)}))::float8`;
}

/**
 * Whether a qualifying action last performed at `last` (by default action `index`'s in the
 * events' aggregates `g`; false when null) was performed within a half-life of `at`: the age
 * computed as the events' (`scoredEventsSql`).
 */
export function actionFlagOf(index: number, model: ScoringModelDefinition, at: Date, last: SQL = sql.raw(`g.action_last_${index}`)): SQL {
  return sql`coalesce(date_part('epoch', ${at.toISOString()}::timestamptz - ${last}) / 86400 <= ${model.halfLifeDays}::float8, false)`;
}

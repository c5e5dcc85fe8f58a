import { sql, type SQL } from "drizzle-orm";
import { scoringHorizonDays, type EngagementRule, type ScoringModelDefinition } from "../model-schema";
import { queuedContactsSql } from "./activity-facts-sql";
import { decayFactorSql, horizonStartOf, NEGLIGIBLE_OCCURRENCES, ruleHalfLife } from "./engagement-sql";

/**
 * Engagement carried forward: scoring a contact again without reading its events.
 *
 * Every contact_scores row keeps, beside its scores, what its events added up to at `sums_at`
 * under the rules of `sums_version_id`: each rule's decayed occurrences (`rule_occurrences`, the
 * sum of `0.5^(age / halfLife)` over its events, before points), when each qualifying action was
 * last performed (`action_last_at`) and the oldest event counted (`earliest_counted_at`).
 *
 * Decay is a product, so a sum `d` days later is the stored sum times `0.5^(d / halfLife)`, and
 * points multiply it afterwards. A later instant under any model whose rules match the same events
 * with the same half-lives — new points, caps, thresholds, fit rules, a later day — therefore
 * scores the contact exactly from the stored sums, provided that no event has entered or left the
 * sums since:
 * - the contact is not waiting in contact_refresh_queue (everything that stores an event queues
 *   its contact in the same transaction) and its sums are not from after the new instant;
 * - nothing it did happened after its sums were taken (its last activity is not later than
 *   `sums_at`: an event dated ahead of its arrival starts to count only when its time comes);
 * - no event has aged out of the horizon by the new instant (the oldest counted is younger).
 * The other contacts are scored from their events.
 */

/** Where, in the rows a model version stored, the sums of `model`'s rules and actions are. */
export type CarryPlan = { versionId: string; rules: number[]; actions: number[] };

/** What makes two rules add up the same events with the same decay. */
const ruleKey = (rule: EngagementRule, model: ScoringModelDefinition) => JSON.stringify([rule.eventType, rule.filters, ruleHalfLife(rule, model)]);

/**
 * How rows stored under `stored` carry over to `model`: each of its rules matched to a stored rule
 * that counts the same events the same way, each qualifying action to a stored one of its type —
 * or null when some rule or action has no match, or the horizons differ (then the events counted
 * differ too).
 */
export function carryPlanOf(model: ScoringModelDefinition, stored: { id: string; definition: ScoringModelDefinition }): CarryPlan | null {
  if (scoringHorizonDays(stored.definition) !== scoringHorizonDays(model)) return null;
  const storedRules = stored.definition.engagementRules.map((r) => ruleKey(r, stored.definition));
  const rules = model.engagementRules.map((r) => storedRules.indexOf(ruleKey(r, model)));
  const storedActions = stored.definition.thresholds.qualifyingActions.map((a) => a.eventType);
  const actions = model.thresholds.qualifyingActions.map((a) => storedActions.indexOf(a.eventType));
  if (rules.includes(-1) || actions.includes(-1)) return null;
  return { versionId: stored.id, rules, actions };
}

/** A value picked from the row `s` by the version its sums were stored under (`pick` gets the plan). */
function byVersion(plans: CarryPlan[], pick: (plan: CarryPlan) => SQL): SQL {
  return sql`(case s.sums_version_id ${sql.join(
    plans.map((p) => sql`when ${p.versionId}::uuid then ${pick(p)}`),
    sql` `,
  )} end)`;
}

/**
 * Whether the contact_scores row `s` must be scored from its events at `at` under `model`, given
 * the versions `plans` carry from: see the conditions above (the refresh queue apart).
 */
function mustRecountSql(model: ScoringModelDefinition, plans: CarryPlan[], at: Date): SQL {
  if (plans.length === 0) return sql`true`;
  const atText = at.toISOString();
  // The boundary the events are read with (`scoredEventsSql`): an event at it no longer counts.
  const horizonStart = horizonStartOf(model, at).toISOString();
  const versions = sql.join(plans.map((p) => sql`${p.versionId}::uuid`), sql`, `);
  return sql`(s.sums_version_id is null or s.sums_version_id not in (${versions}) or s.rule_occurrences is null
    or s.sums_at is null or s.sums_at > ${atText}::timestamptz
    or s.last_activity_at > s.sums_at or s.earliest_counted_at <= ${horizonStart}::timestamptz)`;
}

/** The contacts (`contact_id`) that must be scored from their events at `at`: see above. */
export function recountSql(model: ScoringModelDefinition, plans: CarryPlan[], at: Date): SQL {
  return sql`
    select s.contact_id from contact_scores s where ${mustRecountSql(model, plans, at)}
    union
    ${queuedContactsSql}`;
}

/**
 * The aggregates `engagementAggregatesSql` names (`rule_i`, `action_last_i`, `earliest_counted_at`)
 * at `at` for each row `s`: from the events' aggregates `g` where `recount` says so, else carried
 * from the stored sums. A lateral select list (fenced with OFFSET 0 where it is used, so each is
 * computed once per contact): `0.5^(d / halfLife)` once per half-life the model uses.
 */
export function carriedAggregatesSql(model: ScoringModelDefinition, plans: CarryPlan[], at: Date, recount: SQL): SQL {
  const halfLives = [...new Set(model.engagementRules.map((r) => ruleHalfLife(r, model)))];
  const factors = halfLives.map((h, i) => sql`${decayFactorSql(sql`d.days / ${h}::float8`)} as ${sql.raw(`f${i}`)}`);
  const rules = model.engagementRules.map((rule, i) => {
    const factor = sql.raw(`decay.f${halfLives.indexOf(ruleHalfLife(rule, model))}`);
    // Dropped once negligible, as events are (`decayFactorSql`), so that no product can underflow.
    const carried = sql`(${byVersion(plans, (p) => sql.raw(`s.rule_occurrences[${p.rules[i]! + 1}]`))} * ${factor})`;
    return sql`case when ${recount} then ${sql.raw(`g.rule_${i}`)} when ${carried} < ${NEGLIGIBLE_OCCURRENCES}::float8 then 0 else ${carried} end as ${sql.raw(`rule_${i}`)}`;
  });
  const actions = model.thresholds.qualifyingActions.map(
    (_, i) => sql`case when ${recount} then ${sql.raw(`g.action_last_${i}`)} else ${byVersion(plans, (p) => sql.raw(`s.action_last_at[${p.actions[i]! + 1}]`))} end as ${sql.raw(`action_last_${i}`)}`,
  );
  const earliest = sql`case when ${recount} then g.earliest_counted_at else s.earliest_counted_at end as earliest_counted_at`;
  const from = factors.length
    ? sql` from (select ${sql.join(factors, sql`, `)} from (select date_part('epoch', ${at.toISOString()}::timestamptz - s.sums_at) / 86400 as days) d offset 0) decay`
    : sql``;
  return sql`select ${sql.join([...rules, ...actions, earliest], sql`, `)}${from}`;
}

/**
 * The sums a row stores, from the aggregates of relation `agg` (`g` or `k`): `rule_occurrences`
 * (0 for a rule no event matched), `action_last_at` and `earliest_counted_at`.
 */
export function sumsToStoreSql(model: ScoringModelDefinition, agg: string): SQL {
  const rules = model.engagementRules.map((_, i) => sql.raw(`coalesce(${agg}.rule_${i}, 0)`));
  const actions = model.thresholds.qualifyingActions.map((_, i) => sql.raw(`${agg}.action_last_${i}`));
  const array = (items: SQL[], type: string) => sql`${items.length ? sql`array[${sql.join(items, sql`, `)}]` : sql`'{}'`}::${sql.raw(type)}`;
  return sql`${array(rules, "float8[]")} as rule_occurrences, ${array(actions, "timestamptz[]")} as action_last_at, ${sql.raw(agg)}.earliest_counted_at`;
}

import { sql, type SQL } from "drizzle-orm";
import { scoringHorizonDays, type EngagementRule, type ScoringModelDefinition } from "../model-schema";
import { queuedContactsSql } from "./activity-facts-sql";
import { decayFactorSql, horizonStartOf, ruleHalfLife } from "./engagement-sql";

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
 * The other contacts are scored from their events. A row carried keeps its sums as they are, with
 * their own version and instant: sums are only ever taken from events, never decayed and stored
 * again, so no error can accumulate in them however many runs carry them.
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

/**
 * A value picked from the row `s` by the version its sums were stored under (`pick` gets the
 * plan). Every row read this way is of one of the plans' versions (`recountSql` sends the others
 * to their events), so with one plan there is nothing to pick.
 */
function byVersion(plans: CarryPlan[], pick: (plan: CarryPlan) => SQL): SQL {
  if (plans.length === 1) return pick(plans[0]!);
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

/** The half-lives `model`'s rules decay by, each once: the columns `f0`, `f1`… of `carriedDecaySql`. */
const halfLivesOf = (model: ScoringModelDefinition) => [...new Set(model.engagementRules.map((r) => ruleHalfLife(r, model)))];

/**
 * The decay from each instant some row's sums were taken to `at`: `sums_at` and, per half-life
 * of `model`, `0.5^(days / halfLife)` (`f0`, `f1`…). A few distinct instants — a run's, an ingest
 * batch's — for a million rows, so a run computes them once into a table and joins it, rather
 * than once per row.
 */
export function carriedDecaySql(model: ScoringModelDefinition, at: Date): SQL {
  const factors = halfLivesOf(model).map((h, i) => sql`${decayFactorSql(sql`d.days / ${h}::float8`)} as ${sql.raw(`f${i}`)}`);
  return sql`
    select d.sums_at${factors.length ? sql`, ${sql.join(factors, sql`, `)}` : sql``}
    from (
      select sums_at, date_part('epoch', ${at.toISOString()}::timestamptz - sums_at) / 86400 as days
      from (select distinct sums_at from contact_scores where sums_at <= ${at.toISOString()}::timestamptz) t
    ) d`;
}

/**
 * Rule `i`'s decayed occurrences at the run's instant, carried from the row `s`: its stored sum
 * times the decay since (`decay`, a row of `carriedDecaySql`). Each is a stored sum (0 or at
 * least `0.5^36`, see `decayFactorSql`) times a factor (the same): a product of two, which cannot
 * underflow. The sums themselves are stored as they were, never multiplied again.
 */
export function carriedRuleSumSql(model: ScoringModelDefinition, plans: CarryPlan[], i: number, decay = "dk"): SQL {
  const factor = sql.raw(`${decay}.f${halfLivesOf(model).indexOf(ruleHalfLife(model.engagementRules[i]!, model))}`);
  return sql`(${byVersion(plans, (p) => sql.raw(`s.rule_occurrences[${p.rules[i]! + 1}]`))} * ${factor})`;
}

/** When qualifying action `i` was last performed, carried from the row `s`. */
export function carriedActionLastSql(plans: CarryPlan[], i: number): SQL {
  return byVersion(plans, (p) => sql.raw(`s.action_last_at[${p.actions[i]! + 1}]`));
}

/**
 * The sums a row stores: `rule_occurrences` (0 for a rule no event matched), `action_last_at` and
 * `earliest_counted_at` from the events' aggregates `g` — or, where `carried` holds, the row
 * `s`'s own, as they are, with their version and instant (`carried_sums_version_id`,
 * `carried_sums_at`; null when the sums are taken now, under the run's model and instant).
 */
export function sumsToStoreSql(model: ScoringModelDefinition, carried?: SQL): SQL {
  const rules = model.engagementRules.map((_, i) => sql.raw(`coalesce(g.rule_${i}, 0)`));
  const actions = model.thresholds.qualifyingActions.map((_, i) => sql.raw(`g.action_last_${i}`));
  const array = (items: SQL[], type: string) => sql`${items.length ? sql`array[${sql.join(items, sql`, `)}]` : sql`'{}'`}::${sql.raw(type)}`;
  const either = (stored: string, counted: SQL) => (carried ? sql`case when ${carried} then ${sql.raw(`s.${stored}`)} else ${counted} end` : counted);
  return sql`${either("rule_occurrences", array(rules, "float8[]"))} as rule_occurrences,
    ${either("action_last_at", array(actions, "timestamptz[]"))} as action_last_at,
    ${either("earliest_counted_at", sql`g.earliest_counted_at`)} as earliest_counted_at,
    ${carried ? sql`case when ${carried} then s.sums_version_id end` : sql`null::uuid`} as carried_sums_version_id,
    ${carried ? sql`case when ${carried} then s.sums_at end` : sql`null::timestamptz`} as carried_sums_at`;
}

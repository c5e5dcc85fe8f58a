import { sql, type SQL } from "drizzle-orm";
import type { ScoringModelDefinition } from "../model-schema";
import { actionFlagOf, engagementAggregatesSql, engagementTotalSql, scoredEventsSql } from "./engagement-sql";
import { accountFitPointsSql, fitInputsLateralSql, fitScoreSql, readsAccount } from "./fit-sql";
import { carriedActionLastSql, carriedRuleSumSql, sumsToStoreSql, type CarryPlan } from "./carried-engagement-sql";
import { inRangeSql, type ContactRange } from "./contact-range-sql";
import { lowerSql } from "./lower-sql";

/** One contact's scores at an instant, and what the MQL rule makes of them. */
export type ScoredContactRow = {
  contact_id: string;
  fit: number;
  engagement: number;
  fit_threshold: number;
  engagement_threshold: number;
  /** The segment override that applied, if any. */
  segment: string | null;
  meets_thresholds: boolean;
  /** The first qualifying action performed recently with enough fit, if any. */
  qualifying_action: string | null;
};

const SEGMENT_COLUMN = { region: "c.region", country: "c.country", source: "c.source" } as const;

/** The contacts `contactIds` names and `contactRange` bounds, as a condition on `column` (undefined: all). */
function contactsWhere(column: SQL, { contactIds, contactRange }: { contactIds?: SQL; contactRange?: ContactRange }): SQL | undefined {
  const conditions = [...(contactIds ? [sql`${column} in (${contactIds})`] : []), ...(contactRange ? [inRangeSql(column, contactRange)] : [])];
  return conditions.length ? sql.join(conditions, sql` and `) : undefined;
}

/**
 * The engagement aggregates of contacts at `at` — one pass over their events, grouped by contact
 * (`rule_0`…, `action_last_0`…, `earliest_counted_at`, keyed `engaged_contact_id`). `contactIds`
 * and `contactRange` narrow it to some contacts.
 */
export function engagementByContactSql({ model, at, contactIds, contactRange }: { model: ScoringModelDefinition; at: Date; contactIds?: SQL; contactRange?: ContactRange }): SQL {
  const events = scoredEventsSql(model, at, contactsWhere(sql`e.contact_id`, { contactIds, contactRange }));
  return sql`select e.contact_id as engaged_contact_id, ${engagementAggregatesSql(model)} from ${events} group by e.contact_id`;
}

export type ScoreContactsOptions = {
  model: ScoringModelDefinition;
  at: Date;
  /** A relation of contact ids (`select … as id`); without it every contact is scored. */
  contactIds?: SQL;
  /** Only the contacts whose id is within this range. */
  contactRange?: ContactRange;
  /**
   * A table holding `accountFitPointsSql` already computed (`account_id, points`, unique by
   * account); without it the account rules are evaluated for each contact that computes its fit.
   */
  accountFitFrom?: SQL;
  /**
   * Model versions whose fit rules are those of `model`: a contact last scored by one of them
   * keeps its stored fit (a pure function of its attributes and the fit rules, rescored whenever
   * the attributes change) instead of computing it again.
   */
  sameFitAs?: string[];
  /**
   * Carry engagement forward from the stored sums (lib/scoring/sql/carried-engagement-sql.ts) for
   * rows stored under the `plans`' versions, except the contacts of `recount` (a table with a
   * `contact_id` column), which are scored from their events; `decay` is a table of
   * `carriedDecaySql` at `at`. Without it every contact is scored from its events.
   */
  carry?: { plans: CarryPlan[]; recount: SQL; decay: SQL };
};

/**
 * Each contact's scores at `at` under `model`, before the MQL rule: `contact_id, fit, engagement,
 * fit_threshold, engagement_threshold, segment`, the qualifying-action flags (`action_0`…), what is
 * stored now (`stored_*`, so a caller can tell what changed), the activity facts it carries over,
 * the sums to store for carrying engagement forward later (`rule_occurrences`, `action_last_at`,
 * `earliest_counted_at`, and for sums carried as they are their version and instant,
 * `carried_sums_version_id` and `carried_sums_at`), and the contact's stage, account and job
 * function. A single pass over the events (or none, with `carry`), and the fit from contact and
 * account. `mqlVerdictSql` applies the MQL rule to its rows.
 */
export function contactScorePartsSql({ model, at, contactIds, contactRange, accountFitFrom, sameFitAs = [], carry }: ScoreContactsOptions): SQL {
  const { thresholds } = model;
  const segment = sql.raw(SEGMENT_COLUMN[thresholds.segmentField]);
  const override = (pick: (s: (typeof thresholds.segments)[number]) => SQL, fallback: SQL) =>
    thresholds.segments.length
      ? sql`(case ${sql.join(
          thresholds.segments.map((s) => sql`when ${lowerSql(segment)} = ${s.value.toLowerCase()} then ${pick(s)}`),
          sql` `,
        )} else ${fallback} end)`
      : fallback;
  const recounted = carry ? sql`(${contactIds ? sql`select contact_id from ${carry.recount} where contact_id in (${contactIds})` : sql`select contact_id from ${carry.recount}`})` : contactIds;
  const engagement = sql`(${engagementByContactSql({ model, at, contactIds: recounted, contactRange })})`;
  // Carried rows keep their sums and score from them; the others (`rc`) from their events (`g`).
  const carried = carry ? sql`rc.contact_id is null` : undefined;
  const joinCarry = carry
    ? sql`left join ${carry.recount} rc on rc.contact_id = c.id
    left join ${carry.decay} dk on dk.sums_at = s.sums_at`
    : sql``;
  const engagementScore = carry
    ? sql`(case when ${carried} then ${engagementTotalSql(model, (i) => carriedRuleSumSql(model, carry.plans, i))} else ${engagementTotalSql(model)} end)`
    : engagementTotalSql(model);
  const where = contactsWhere(sql`c.id`, { contactIds, contactRange });
  // The range on the stored scores too: a slice then joins only its own contacts' rows.
  const storedWhere = contactRange ? sql` and ${inRangeSql(sql`s.contact_id`, contactRange)}` : sql``;
  // The account rules' points. When most contacts keep their stored fit, the few that compute it
  // look their account's up — in `accountFitFrom` (keyed by account), or evaluated on the account
  // itself — rather than every contact joining them.
  const fitStands = sameFitAs.length > 0;
  const accountPoints = fitStands
    ? sql`(select af.points from ${accountFitFrom ?? sql`(${accountFitPointsSql(model.fitRules)})`} af where af.account_id = c.account_id)`
    : sql`af.points`;
  const computedFit = fitStands || accountFitFrom ? fitScoreSql(model.fitRules, { accountPoints }) : fitScoreSql(model.fitRules);
  const fit = fitStands
    ? sql`(case when s.model_version_id in (${sql.join(sameFitAs.map((id) => sql`${id}::uuid`), sql`, `)}) then s.fit_score::float8 else ${computedFit} end)`
    : computedFit;
  const actionLast = (i: number) => (carry ? sql`(case when ${carried} then ${carriedActionLastSql(carry.plans, i)} else ${sql.raw(`g.action_last_${i}`)} end)` : undefined);
  const actions = thresholds.qualifyingActions.map((_, i) => sql`${actionFlagOf(i, model, at, actionLast(i))} as ${sql.raw(`action_${i}`)}`);
  // Inputs computed once per contact when every contact's fit is computed; left inline when most
  // keep their stored fit, so that only the others compute them.
  const once = !fitStands;
  const contactRules = model.fitRules.filter((r) => !readsAccount(r));
  const account = fitStands
    ? fitInputsLateralSql(contactRules, { once })
    : accountFitFrom
      ? sql`left join ${accountFitFrom} af on af.account_id = c.account_id ${fitInputsLateralSql(contactRules, { once })}`
      : sql`left join accounts a on a.id = c.account_id ${fitInputsLateralSql(model.fitRules, { once })}`;

  return sql`
    select c.id as contact_id,
           ${fit} as fit,
           ${engagementScore} as engagement,
           ${override((s) => sql`${s.fit}::float8`, sql`${thresholds.fit}::float8`)} as fit_threshold,
           ${override((s) => sql`${s.engagement}::float8`, sql`${thresholds.engagement}::float8`)} as engagement_threshold,
           ${override((s) => sql`${s.value}`, sql`null::text`)} as segment,
           ${actions.length ? sql`${sql.join(actions, sql`, `)},` : sql``}
           s.fit_score as stored_fit, s.engagement_score as stored_engagement, s.model_version_id as stored_model_version_id,
           s.last_activity_at, s.unsubscribed_at, ${sumsToStoreSql(model, carried)},
           c.stage, c.stage_changed_at, c.account_id, c.job_function
    from contacts c
    join contact_scores s on s.contact_id = c.id${storedWhere}
    ${account}
    left join ${engagement} g on g.engaged_contact_id = c.id
    ${joinCarry}
    ${where ? sql`where ${where}` : sql``}`;
}

/**
 * The MQL rule's verdict on a row `x` of `contactScorePartsSql` — `evaluateMqlRule` in SQL:
 * `meets_thresholds`, and `qualifying_action`, the first qualifying action performed recently with
 * enough fit.
 */
export function mqlVerdictSql(model: ScoringModelDefinition, x = "x"): SQL {
  const col = (name: string) => sql.raw(`${x}.${name}`);
  const actions = model.thresholds.qualifyingActions.map((a, i) => sql`when ${col(`action_${i}`)} and ${col("fit")} >= ${a.minFit}::float8 then ${a.eventType}`);
  return sql`(${col("fit")} >= ${col("fit_threshold")} and ${col("engagement")} >= ${col("engagement_threshold")}) as meets_thresholds,
           ${actions.length ? sql`(case ${sql.join(actions, sql` `)} end)` : sql`null::text`} as qualifying_action`;
}

/**
 * Whether contact `c` (a row with `stage` and `stage_changed_at`) may become an MQL at `at`: a
 * lead, or a recycled contact once a half-life has passed since it was recycled (its old
 * engagement has faded by then, so qualifying again takes new interest).
 */
export function designableSql(c: SQL, model: ScoringModelDefinition, at: Date): SQL {
  const cooledSince = new Date(at.getTime() - model.halfLifeDays * 86_400_000).toISOString();
  return sql`(${c}.stage = 'lead' or (${c}.stage = 'recycled' and ${c}.stage_changed_at <= ${cooledSince}::timestamptz))`;
}

/**
 * Scores contacts at `at` under `model` in one statement: `contactScorePartsSql` and the MQL
 * rule's verdict with the segment thresholds that applied. The parts are fenced (OFFSET 0) so
 * that the fit and engagement expressions are computed once per contact, not again in each
 * condition of the verdict that reads them.
 */
export function scoreContactsSql(options: ScoreContactsOptions): SQL {
  return sql`
    select x.contact_id, x.fit, x.engagement, x.fit_threshold, x.engagement_threshold, x.segment,
           ${mqlVerdictSql(options.model)},
           x.stored_fit, x.stored_engagement, x.stored_model_version_id, x.last_activity_at, x.unsubscribed_at,
           x.rule_occurrences, x.action_last_at, x.earliest_counted_at, x.carried_sums_version_id, x.carried_sums_at
    from (${contactScorePartsSql(options)} offset 0) x`;
}

import { sql, type SQL } from "drizzle-orm";
import type { ScoringModelDefinition } from "../model-schema";
import { actionFlagOf, engagementAggregatesSql, engagementTotalSql, scoredEventsSql } from "./engagement-sql";
import { fitInputsLateralSql, fitScoreSql } from "./fit-sql";

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

/**
 * The engagement aggregates of contacts at `at` — one pass over their events, grouped by contact
 * (`rule_0`…, `action_0`…, keyed `engaged_contact_id`). `contactIds` narrows it to some contacts.
 */
export function engagementByContactSql({ model, at, contactIds }: { model: ScoringModelDefinition; at: Date; contactIds?: SQL }): SQL {
  const events = scoredEventsSql(model, at, contactIds ? sql`e.contact_id in (${contactIds})` : undefined);
  return sql`select e.contact_id as engaged_contact_id, ${engagementAggregatesSql(model)} from ${events} group by e.contact_id`;
}

export type ScoreContactsOptions = {
  model: ScoringModelDefinition;
  at: Date;
  /** A relation of contact ids (`select … as id`); without it every contact is scored. */
  contactIds?: SQL;
  /** A table holding `engagementByContactSql` already computed; without it the aggregate runs inline. */
  engagementFrom?: SQL;
  /**
   * Model versions whose fit rules are those of `model`: a contact last scored by one of them
   * keeps its stored fit (a pure function of its attributes and the fit rules, rescored whenever
   * the attributes change) instead of computing it again.
   */
  sameFitAs?: string[];
};

/**
 * Scores contacts at `at` under `model` in one statement: a single pass over their events, their
 * fit from contact and account, and the MQL rule's verdict with the segment thresholds that
 * applied — `evaluateMqlRule` in SQL. Also returns what is stored now (`stored_*`), so a caller can
 * tell what changed, and the activity facts it carries over.
 */
export function scoreContactsSql({ model, at, contactIds, engagementFrom, sameFitAs = [] }: ScoreContactsOptions): SQL {
  const { thresholds } = model;
  const segment = sql.raw(SEGMENT_COLUMN[thresholds.segmentField]);
  const override = (pick: (s: (typeof thresholds.segments)[number]) => SQL, fallback: SQL) =>
    thresholds.segments.length
      ? sql`(case ${sql.join(
          thresholds.segments.map((s) => sql`when lower(${segment}) = ${s.value.toLowerCase()} then ${pick(s)}`),
          sql` `,
        )} else ${fallback} end)`
      : fallback;
  const engagement = engagementFrom ?? sql`(${engagementByContactSql({ model, at, contactIds })})`;
  const fit = sameFitAs.length
    ? sql`(case when s.model_version_id in (${sql.join(sameFitAs.map((id) => sql`${id}::uuid`), sql`, `)}) then s.fit_score::float8 else ${fitScoreSql(model.fitRules)} end)`
    : fitScoreSql(model.fitRules);
  const actions = thresholds.qualifyingActions.map((a, i) => sql`when ${actionFlagOf(i, "x")} and x.fit >= ${a.minFit}::float8 then ${a.eventType}`);

  return sql`
    select x.contact_id, x.fit, x.engagement, x.fit_threshold, x.engagement_threshold, x.segment,
           (x.fit >= x.fit_threshold and x.engagement >= x.engagement_threshold) as meets_thresholds,
           ${actions.length ? sql`(case ${sql.join(actions, sql` `)} end)` : sql`null::text`} as qualifying_action,
           x.stored_fit, x.stored_engagement, x.stored_model_version_id, x.last_activity_at, x.unsubscribed_at
    from (
      select c.id as contact_id,
             ${fit} as fit,
             ${engagementTotalSql(model)} as engagement,
             ${override((s) => sql`${s.fit}::float8`, sql`${thresholds.fit}::float8`)} as fit_threshold,
             ${override((s) => sql`${s.engagement}::float8`, sql`${thresholds.engagement}::float8`)} as engagement_threshold,
             ${override((s) => sql`${s.value}`, sql`null::text`)} as segment,
             s.fit_score as stored_fit, s.engagement_score as stored_engagement, s.model_version_id as stored_model_version_id,
             s.last_activity_at, s.unsubscribed_at,
             g.*
      from contacts c
      join contact_scores s on s.contact_id = c.id
      left join accounts a on a.id = c.account_id
      ${fitInputsLateralSql(model.fitRules)}
      left join ${engagement} g on g.engaged_contact_id = c.id
      ${contactIds ? sql`where c.id in (${contactIds})` : sql``}
    ) x`;
}

import { sql, type SQL } from "drizzle-orm";
import type { ScoringModelDefinition } from "../model-schema";
import { actionFlagOf, engagementAggregatesSql, engagementTotalSql, scoredEventsSql } from "./engagement-sql";
import { EMAIL_DOMAIN_LATERAL, fitScoreSql } from "./fit-sql";

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
 * Scores contacts at `at` under `model` in one statement: a single pass over their events
 * (grouped by contact), their fit from contact and account, and the MQL rule's verdict with the
 * segment thresholds that applied — `evaluateMqlRule` in SQL. `contactIds` is a relation of
 * contact ids (`select … as id`); without it every contact is scored, reading the events table
 * once from end to end.
 */
export function scoreContactsSql({ model, at, contactIds }: { model: ScoringModelDefinition; at: Date; contactIds?: SQL }): SQL {
  const { thresholds } = model;
  const segment = sql.raw(SEGMENT_COLUMN[thresholds.segmentField]);
  const override = (pick: (s: (typeof thresholds.segments)[number]) => SQL | number | string, fallback: SQL) =>
    thresholds.segments.length
      ? sql`(case ${sql.join(
          thresholds.segments.map((s) => sql`when lower(${segment}) = ${s.value.toLowerCase()} then ${pick(s)}`),
          sql` `,
        )} else ${fallback} end)`
      : fallback;
  const events = scoredEventsSql(model, at, contactIds ? sql`e.contact_id in (${contactIds})` : undefined);
  const actions = thresholds.qualifyingActions.map((a, i) => sql`when ${actionFlagOf(i, "s")} and s.fit >= ${a.minFit}::float8 then ${a.eventType}`);

  return sql`
    select s.contact_id, s.fit, s.engagement, s.fit_threshold, s.engagement_threshold, s.segment,
           (s.fit >= s.fit_threshold and s.engagement >= s.engagement_threshold) as meets_thresholds,
           ${actions.length ? sql`(case ${sql.join(actions, sql` `)} end)` : sql`null::text`} as qualifying_action
    from (
      select c.id as contact_id,
             ${fitScoreSql(model.fitRules)} as fit,
             ${engagementTotalSql(model)} as engagement,
             ${override((s) => sql`${s.fit}::float8`, sql`${thresholds.fit}::float8`)} as fit_threshold,
             ${override((s) => sql`${s.engagement}::float8`, sql`${thresholds.engagement}::float8`)} as engagement_threshold,
             ${override((s) => sql`${s.value}`, sql`null::text`)} as segment,
             g.*
      from contacts c
      ${EMAIL_DOMAIN_LATERAL}
      left join accounts a on a.id = c.account_id
      left join (select e.contact_id as grouped_contact_id, ${engagementAggregatesSql(model)} from ${events} group by e.contact_id) g
        on g.grouped_contact_id = c.id
      ${contactIds ? sql`where c.id in (${contactIds})` : sql``}
    ) s`;
}

import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Database } from "../../db/client";
import { getExplorationSettings } from "../../db/queries/exploration-settings";
import type { LifecycleStage } from "../../db/schema/enums";
import { explorationPickSql } from "../calibration/exploration";
import type { ScoringModel } from "./published-model";
import { firstUnsubscribeSql, latestActivitySql } from "./sql/activity-facts-sql";
import { designableSql, scoreContactsSql, type ScoredContactRow } from "./sql/score-contacts-sql";

/**
 * A contact the MQL rule qualifies who may become an MQL now — or, with `exploration_share`, a
 * near miss drawn into the exploration sample at that share (lib/calibration/exploration.ts).
 */
export type MqlCandidate = ScoredContactRow & { stage: LifecycleStage; exploration_share?: number | null };

/**
 * Rescores a set of contacts at `at` in one statement — one pass over their events — and stores
 * scores, last activity, first unsubscribe and the sums that carry engagement forward in their
 * contact_scores rows (only where something changed). Returns the contacts the MQL rule qualifies who may be designated now: leads, and
 * recycled contacts once a half-life has passed since they were recycled (their old engagement
 * has faded by then, so qualifying again takes new interest, not the score that was just
 * rejected). Idempotent: rescoring again at the same instant changes nothing.
 */
export async function rescoreContacts(db: Database, { contactIds, model, at }: { contactIds: string[]; model: ScoringModel; at: Date }): Promise<MqlCandidate[]> {
  if (contactIds.length === 0) return [];
  const scored = scoreContactsSql({ model: model.definition, at, contactIds: sql`select id from picked` });
  const exploration = await getExplorationSettings(db);
  const explore = explorationPickSql(exploration, at);
  return rowsOf<MqlCandidate>(
    await db.execute(sql`
      with picked as (
        select distinct value::uuid as id from json_array_elements_text(${JSON.stringify(contactIds)}::json)
      ), scored as materialized (
        ${scored}
      ), facts as materialized (
        select p.id, ${latestActivitySql(sql`p.id`)} as latest, ${firstUnsubscribeSql(sql`p.id`)} as unsubscribed_at
        from picked p
      ), written as (
        update contact_scores s set
          fit_score = x.fit, engagement_score = x.engagement, model_version_id = ${model.id}::uuid, scored_at = ${at.toISOString()}::timestamptz,
          last_activity_at = f.latest, unsubscribed_at = coalesce(s.unsubscribed_at, f.unsubscribed_at),
          sums_version_id = ${model.id}::uuid, sums_at = ${at.toISOString()}::timestamptz,
          rule_occurrences = x.rule_occurrences, action_last_at = x.action_last_at, earliest_counted_at = x.earliest_counted_at
        from scored x join facts f on f.id = x.contact_id
        where s.contact_id = x.contact_id
          -- Never over a newer refresh: one that began later saw every event this one saw.
          and (s.scored_at is null or s.scored_at <= ${at.toISOString()}::timestamptz)
          and (s.fit_score is distinct from x.fit::real or s.engagement_score is distinct from x.engagement::real
               or s.model_version_id is distinct from ${model.id}::uuid or s.last_activity_at is distinct from f.latest
               or (s.unsubscribed_at is null and f.unsubscribed_at is not null)
               -- A new event may change the sums without changing the score (past a rule's cap):
               -- they are stored all the same, or carrying them forward would miss it.
               or s.sums_version_id is distinct from ${model.id}::uuid or s.rule_occurrences is distinct from x.rule_occurrences
               or s.action_last_at is distinct from x.action_last_at or s.earliest_counted_at is distinct from x.earliest_counted_at)
        returning 1
      )
      select x.*, c.stage, case when ${explore} then ${exploration.share}::float8 end as exploration_share
      from scored x join contacts c on c.id = x.contact_id
      where (x.meets_thresholds or x.qualifying_action is not null or ${explore})
        and ${designableSql(sql`c`, model.definition, at)}`),
  );
}

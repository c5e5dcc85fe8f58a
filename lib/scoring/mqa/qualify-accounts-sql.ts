import { sql, type SQL } from "drizzle-orm";
import type { ScoringModelDefinition } from "../model-schema";
import { MQA_CLOSE_MARGIN } from "./account-score";
import { accountScoresSql } from "./account-score-sql";

/**
 * The MQA rule applied to the accounts `accountIds` names (all when omitted), as one statement
 * (run by lib/lifecycle/qualify-accounts.ts, and by the demo seed): stores each account's score,
 * closes the open MQAs of accounts `MQA_CLOSE_MARGIN` below the threshold, and opens one — with the
 * score's parts and the model version, for the account's active owner — for each account at or
 * over the threshold without one. One row: `rescored`, `closed`, and `opened` as JSON
 * `[{id, accountId, name, repId, score}]`. With `scoresFrom` (a table of `accountScoresSql`'s rows
 * already computed, as a scoring run builds it in parallel) those accounts' scores are read from it
 * and `accountIds` is not used.
 */
export function qualifyAccountsSql({
  model,
  at,
  accountIds,
  scoresFrom,
}: {
  model: { id: string; definition: ScoringModelDefinition };
  at: Date;
  accountIds?: string[];
  scoresFrom?: SQL;
}): SQL {
  const { threshold } = model.definition.mqa;
  // Precomputed scores are read where they are used rather than copied into the CTE first.
  const scores = scoresFrom ? sql`s as not materialized (select account_id, fit, engagement, coverage, score from ${scoresFrom})` : sql`s as (${accountScoresSql(model.definition, accountIds)})`;
  return sql`
        with ${scores},
        stored as (
          -- Most accounts keep their score: skip them with one anti-join rather than a conflict each.
          insert into account_scores (account_id, score) select s.account_id, round(s.score)::int from s
          where not exists (select 1 from account_scores k where k.account_id = s.account_id and k.score = round(s.score)::int)
          on conflict (account_id) do update set score = excluded.score where account_scores.score is distinct from excluded.score
          returning account_id
        ),
        closed as (
          update mqa_records r set closed_at = ${at.toISOString()}::timestamptz
          from s where r.account_id = s.account_id and r.closed_at is null and s.score < ${threshold - MQA_CLOSE_MARGIN}::float8
          returning r.id
        ),
        opened as (
          insert into mqa_records (account_id, mqa_at, account_score, components, model_version_id, assigned_rep_id)
          select s.account_id, ${at.toISOString()}::timestamptz, s.score,
            jsonb_build_object('fit', round(s.fit::numeric, 1), 'engagement', round(s.engagement::numeric, 1), 'coverage', round(s.coverage::numeric, 1)),
            ${model.id}::uuid, u.id
          from s join accounts a on a.id = s.account_id
          left join users u on u.id = a.owner_id and u.deactivated_at is null
          where s.score >= ${threshold}::float8
            and not exists (select 1 from mqa_records r where r.account_id = s.account_id and r.closed_at is null)
          on conflict (account_id) where closed_at is null do nothing
          returning id, account_id, assigned_rep_id, account_score
        )
        select (select count(*) from stored) as rescored, (select count(*) from closed) as closed,
          coalesce((select json_agg(json_build_object('id', o.id, 'accountId', o.account_id, 'name', a.name, 'repId', o.assigned_rep_id, 'score', o.account_score))
            from opened o join accounts a on a.id = o.account_id), '[]'::json) as opened`;
}

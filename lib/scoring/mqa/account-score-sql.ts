import { sql, type SQL } from "drizzle-orm";
import type { ScoringModelDefinition } from "../model-schema";
import { fitInputsLateralSql, fitRuleConditionSql } from "../sql/fit-sql";
import { isAccountRule, maxAccountFitPoints } from "./account-score";

/** A contact's job function as the coverage counts it: trimmed, lower-cased, null when empty. */
export const engagedFunctionSql = (jobFunction: SQL) => sql`nullif(lower(trim(${jobFunction})), '')`;

export type AccountScoresFrom = {
  /**
   * A table of contacts' engagement just computed, as a scoring run writes it beside its new scores
   * — `account_id, engagement, job_function` for every contact with an account, the engagement
   * rounded as contact_scores stores it, the job function trimmed, lower-cased and null when empty —
   * to read instead of joining contacts to contact_scores.
   */
  engagedContactsFrom?: SQL;
  /** A table holding `accountFitPointsSql` already computed (`account_id, points`) to read instead of evaluating the account rules. */
  accountFitFrom?: SQL;
};

/**
 * `committee` from `engaged` for a few accounts, or every account within a statement that writes
 * (run serially): each account's engagements and engaged functions gathered by a hash aggregate,
 * then ranked within the account — a sort of every contact, or a DISTINCT aggregate, costs more there.
 */
function gatheredCommitteeSql(topContacts: number, engagedFrom: number): SQL {
  return sql`gathered as (
      select account_id, array_agg(engagement) as engagements,
        array_agg(job_function) filter (where engagement >= ${engagedFrom}::float8 and job_function is not null) as functions
      from engaged group by account_id
    ),
    committee as (
      select account_id,
        coalesce((select sum(v) from (select v from unnest(engagements) v order by v desc limit ${topContacts}) top), 0) / ${topContacts}::float8 as engagement,
        (select count(distinct f) from unnest(functions) f) as functions
      from gathered
    )`;
}

/**
 * `committee` from `engaged` for every account, as a scoring run computes it in a table of its own:
 * contacts ranked within their account by one sort and summed in that order. Over a hundred
 * thousand accounts this takes about half the time of the hash aggregate of arrays above, which
 * overflows to disk as the planner sizes the arrays, ranks each account in a subquery of its own,
 * and cannot run on parallel workers either (array_agg has no partial form before PostgreSQL 16).
 */
function rankedCommitteeSql(topContacts: number, engagedFrom: number): SQL {
  return sql`ranked as (
      select account_id, engagement, job_function, row_number() over (partition by account_id order by engagement desc) as rank
      from engaged
    ),
    committee as (
      select account_id,
        coalesce(sum(engagement) filter (where rank <= ${topContacts}), 0) / ${topContacts}::float8 as engagement,
        count(distinct job_function) filter (where engagement >= ${engagedFrom}::float8 and job_function is not null) as functions
      from ranked group by account_id
    )`;
}

/**
 * Account scores (account-score.ts) for many accounts in one statement: a SELECT of
 * `account_id, fit, engagement, coverage, score` over the accounts `accountIds` names (all when
 * omitted), reading the stored contact scores (or, with `engagedContactsFrom` and `accountFitFrom`,
 * what a scoring run has just computed). Each account's engagements are ranked within the
 * account; the fit reads the same SQL fit rules as contacts, on the account alone.
 */
export function accountScoresSql(model: ScoringModelDefinition, accountIds?: string[], { engagedContactsFrom, accountFitFrom }: AccountScoresFrom = {}): SQL {
  if (engagedContactsFrom && accountIds) throw new Error("A run's engagement table holds every account");
  const rules = model.fitRules.filter(isAccountRule);
  const max = maxAccountFitPoints(rules);
  const earned = accountFitFrom
    ? sql`coalesce(af.points, 0)`
    : rules.length
      ? sql.join(rules.map((r) => sql`(case when ${fitRuleConditionSql(r)} then ${r.points}::float8 else 0 end)`), sql` + `)
      : sql`0::float8`;
  const fit = max > 0 ? sql`least(100, greatest(0, 100 * (${earned}) / ${max}::float8))` : sql`0::float8`;
  const { topContacts, engagedFrom, fullCoverageFunctions, weights } = model.mqa;
  const weightSum = weights.fit + weights.engagement + weights.coverage;
  const scope = accountIds ? sql`a.id in (select jsonb_array_elements_text(${JSON.stringify(accountIds)}::jsonb)::uuid)` : sql`true`;
  const contactScope = accountIds ? sql`c.account_id in (select id from scoped)` : sql`c.account_id is not null`;
  return sql`
    with scoped as (select a.id from accounts a where ${scope}),
    engaged as (
      ${
        engagedContactsFrom
          ? sql`select account_id, engagement, job_function from ${engagedContactsFrom} ec`
          : sql`select c.account_id, cs.engagement_score::float8 as engagement, ${engagedFunctionSql(sql`c.job_function`)} as job_function
      from contacts c join contact_scores cs on cs.contact_id = c.id
      where ${contactScope}`
      }
    ),
    ${engagedContactsFrom ? rankedCommitteeSql(topContacts, engagedFrom) : gatheredCommitteeSql(topContacts, engagedFrom)},
    parts as (
      select a.id as account_id, ${fit}::float8 as fit, coalesce(m.engagement, 0)::float8 as engagement,
        (100 * least(1, coalesce(m.functions, 0)::float8 / ${fullCoverageFunctions}))::float8 as coverage
      from accounts a ${accountFitFrom ? sql`left join ${accountFitFrom} af on af.account_id = a.id` : fitInputsLateralSql(rules)}
      left join committee m on m.account_id = a.id
      where a.id in (select id from scoped)
    )
    select account_id, fit, engagement, coverage,
      ${weightSum > 0 ? sql`(${weights.fit}::float8 * fit + ${weights.engagement}::float8 * engagement + ${weights.coverage}::float8 * coverage) / ${weightSum}::float8` : sql`0::float8`} as score
    from parts`;
}

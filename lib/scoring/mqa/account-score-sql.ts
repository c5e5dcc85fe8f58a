import { sql, type SQL } from "drizzle-orm";
import type { ScoringModelDefinition } from "../model-schema";
import { fitInputsLateralSql, fitRuleConditionSql } from "../sql/fit-sql";
import { isAccountRule, maxAccountFitPoints } from "./account-score";

/**
 * Account scores (account-score.ts) for many accounts in one statement: a SELECT of
 * `account_id, fit, engagement, coverage, score` over the accounts `accountIds` names (all when
 * omitted), reading the stored contact scores. Each account's engagements are ranked within the
 * account; the fit reads the same SQL fit rules as contacts, on the account alone.
 */
export function accountScoresSql(model: ScoringModelDefinition, accountIds?: string[]): SQL {
  const rules = model.fitRules.filter(isAccountRule);
  const max = maxAccountFitPoints(rules);
  const earned = rules.length ? sql.join(rules.map((r) => sql`(case when ${fitRuleConditionSql(r)} then ${r.points}::float8 else 0 end)`), sql` + `) : sql`0::float8`;
  const fit = max > 0 ? sql`least(100, greatest(0, 100 * (${earned}) / ${max}::float8))` : sql`0::float8`;
  const { topContacts, engagedFrom, fullCoverageFunctions, weights } = model.mqa;
  const weightSum = weights.fit + weights.engagement + weights.coverage;
  const scope = accountIds ? sql`a.id in (select jsonb_array_elements_text(${JSON.stringify(accountIds)}::jsonb)::uuid)` : sql`true`;
  const contactScope = accountIds ? sql`c.account_id in (select id from scoped)` : sql`c.account_id is not null`;
  return sql`
    with scoped as (select a.id from accounts a where ${scope}),
    engaged as (
      select c.account_id, cs.engagement_score::float8 as engagement, nullif(lower(trim(c.job_function)), '') as job_function
      from contacts c join contact_scores cs on cs.contact_id = c.id
      where ${contactScope}
    ),
    -- Each account's engagements and engaged functions gathered by a hash aggregate, then ranked
    -- within the account: a sort of every contact, or a DISTINCT aggregate, would cost more.
    gathered as (
      select account_id, array_agg(engagement) as engagements,
        array_agg(job_function) filter (where engagement >= ${engagedFrom}::float8 and job_function is not null) as functions
      from engaged group by account_id
    ),
    committee as (
      select account_id,
        coalesce((select sum(v) from (select v from unnest(engagements) v order by v desc limit ${topContacts}) top), 0) / ${topContacts}::float8 as engagement,
        (select count(distinct f) from unnest(functions) f) as functions
      from gathered
    ),
    parts as (
      select a.id as account_id, ${fit}::float8 as fit, coalesce(m.engagement, 0)::float8 as engagement,
        (100 * least(1, coalesce(m.functions, 0)::float8 / ${fullCoverageFunctions}))::float8 as coverage
      from accounts a ${fitInputsLateralSql(rules)}
      left join committee m on m.account_id = a.id
      where a.id in (select id from scoped)
    )
    select account_id, fit, engagement, coverage,
      ${weightSum > 0 ? sql`(${weights.fit}::float8 * fit + ${weights.engagement}::float8 * engagement + ${weights.coverage}::float8 * coverage) / ${weightSum}::float8` : sql`0::float8`} as score
    from parts`;
}

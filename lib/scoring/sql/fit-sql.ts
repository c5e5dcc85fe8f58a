import { sql, type SQL } from "drizzle-orm";
import { personalEmailDomains } from "../../email";
import { FIT_FIELD_KINDS, WORD_SEPARATORS, type FitField, type FitRule } from "../model-schema";
import { lowerSql } from "./lower-sql";

/**
 * The fit score as one SQL expression over a contact row `c` and its account `a` (left-joined), so
 * that many contacts are scored in one statement. It must give exactly what `computeFitScore`
 * gives for the same row: lib/scoring/sql/scoring-sql.test.ts checks the two on random models and
 * data. Text compares lower-cased; stored attributes are already trimmed by the ingest schemas.
 */

/**
 * The attributes rules read, lower-cased, in a lateral subquery `f`: the columns the model's rules
 * use, and the email domain — `normalizeDomain(emailDomain(email))` of lib/email.ts for a stored,
 * validated address, whose domain has no scheme or path. Left to itself PostgreSQL inlines the
 * subquery into each rule that reads it, computing an input again for every rule; fenced
 * (`once`, OFFSET 0) each input is computed once per row, but the scan beneath can no longer run
 * on parallel workers — the better trade in a statement that writes, which never has them.
 */
const EMAIL_DOMAIN = sql.raw("(case when strpos(c.email, '@') > 0 then regexp_replace(lower(split_part(c.email, '@', -1)), '^www\\.', '') else '' end)");

/** A text column, lower-cased (cheaper for ASCII: `lowerSql`). */
const lowered = (column: string) => lowerSql(sql.raw(column));

const INPUT: Record<FitField, { column: string; expression: SQL }> = {
  title: { column: "title", expression: lowered("c.title") },
  seniority: { column: "seniority", expression: lowered("c.seniority") },
  jobFunction: { column: "job_function", expression: lowered("c.job_function") },
  country: { column: "country", expression: lowered("c.country") },
  region: { column: "region", expression: lowered("c.region") },
  source: { column: "source", expression: lowered("c.source") },
  emailDomain: { column: "email_domain", expression: EMAIL_DOMAIN },
  personalEmail: { column: "email_domain", expression: EMAIL_DOMAIN },
  "account.industry": { column: "account_industry", expression: lowered("a.industry") },
  "account.employees": { column: "account_employees", expression: sql.raw("a.employees::float8") },
  "account.annualRevenue": { column: "account_annual_revenue", expression: sql.raw("a.annual_revenue::float8") },
  "account.country": { column: "account_country", expression: lowered("a.country") },
  "account.region": { column: "account_region", expression: lowered("a.region") },
  // One lower() of the array's text form: far cheaper than unnesting every account's list.
  "account.technologies": { column: "account_technologies", expression: sql.raw("lower(a.technologies::text)::text[]") },
};

/**
 * `cross join lateral (…) f`: the rules' inputs for contact `c` and account `a`; goes after both in
 * the FROM. With `once`, fenced so that each input is computed once per row (see above).
 */
export function fitInputsLateralSql(rules: readonly FitRule[], { once = false }: { once?: boolean } = {}): SQL {
  const columns = new Map(rules.map((r) => [INPUT[r.field].column, INPUT[r.field].expression]));
  const list = [...columns].map(([column, expression]) => sql`${expression} as ${sql.raw(column)}`);
  return sql`cross join lateral (select ${list.length ? sql.join(list, sql`, `) : sql`1 as nothing`}${once ? sql` offset 0` : sql``}) f`;
}

/** WORD_SEPARATORS as a PostgreSQL regular expression class (NUL cannot occur in text). */
const SEPARATOR_CLASS = WORD_SEPARATORS.source.replace("\\x00", "\\x01").replace(/\+$/, "");

const normalize = (v: string) => v.trim().toLowerCase();

/**
 * One regular expression for a rule's words and phrases: each word between separators (or the
 * ends), the words of a phrase apart by separators only — what the reference implementation's
 * split-and-join finds. Words hold no separator, and every regex metacharacter is one, so they
 * need no escaping.
 */
function wordsPattern(values: readonly string[]): string {
  const phrases = values.map((v) => normalize(v).split(WORD_SEPARATORS).filter(Boolean).join(`${SEPARATOR_CLASS}+`));
  return `(^|${SEPARATOR_CLASS})(${phrases.join("|")})($|${SEPARATOR_CLASS})`;
}

/** A text comparison applied to one lower-cased text value `v`. */
function textCondition(rule: Extract<FitRule, { operator: "equals" | "in" | "contains" | "contains_word" }>, v: SQL): SQL {
  switch (rule.operator) {
    case "equals":
      return sql`${v} = ${normalize(rule.value)}`;
    case "in":
      return sql`${v} in (${sql.join(rule.values.map((x) => sql`${normalize(x)}`), sql`, `)})`;
    case "contains":
      return sql`(${sql.join(rule.values.map((x) => sql`strpos(${v}, ${normalize(x)}) > 0`), sql` or `)})`;
    case "contains_word": {
      // A match holds one of the phrases' first words as plain text: looking for those first is a
      // cheap test that rejects most values before the regular expression runs.
      const firstWords = rule.values.map((x) => normalize(x).split(WORD_SEPARATORS).find(Boolean));
      const regex = sql`${v} ~ ${wordsPattern(rule.values)}`;
      if (firstWords.some((w) => w === undefined)) return regex;
      return sql`((${sql.join([...new Set(firstWords)].map((w) => sql`strpos(${v}, ${w!}) > 0`), sql` or `)}) and ${regex})`;
    }
  }
}

const input = (field: FitField) => sql.raw(`f.${INPUT[field].column}`);

/** Whether one fit rule holds for the contact (reading `f`), as SQL (never null). */
export function fitRuleConditionSql(rule: FitRule): SQL {
  const kind = FIT_FIELD_KINDS[rule.field];
  if (rule.operator === "is_true") {
    if (rule.field !== "personalEmail") throw new Error(`“is true” applies to personalEmail, not ${rule.field}`);
    return sql`(${input("personalEmail")} in (${sql.join(personalEmailDomains().map((d) => sql`${d}`), sql`, `)}))`;
  }
  if (rule.operator === "range") {
    if (kind !== "number") throw new Error(`A range applies to a numeric field, not ${rule.field}`);
    const v = input(rule.field);
    const bounds = [
      ...(rule.min === null ? [] : [sql`${v} >= ${rule.min}::float8`]),
      ...(rule.max === null ? [] : [sql`${v} <= ${rule.max}::float8`]),
    ];
    return sql`coalesce(${sql.join(bounds, sql` and `)}, false)`;
  }
  if (kind === "list") {
    const list = input(rule.field);
    // Any item matches; whole-item comparisons are array operators, the others look at each item.
    if (rule.operator === "in") return sql`coalesce(${list} && array[${sql.join(rule.values.map((x) => sql`${normalize(x)}`), sql`, `)}]::text[], false)`;
    if (rule.operator === "equals") return sql`coalesce(${normalize(rule.value)} = any(${list}), false)`;
    return sql`coalesce(exists (select 1 from unnest(${list}) as item(v) where item.v <> '' and ${textCondition(rule, sql.raw("item.v"))}), false)`;
  }
  if (kind !== "text") throw new Error(`${rule.operator} does not apply to ${rule.field}`);
  const v = input(rule.field);
  return sql`coalesce(${v} <> '' and ${textCondition(rule, v)}, false)`;
}

/** Whether a fit rule reads the contact's account (rather than the contact itself). */
export const readsAccount = (rule: FitRule) => rule.field.startsWith("account.");

const pointsTermSql = (rule: FitRule) => sql`(case when ${fitRuleConditionSql(rule)} then ${rule.points}::float8 else 0 end)`;

/**
 * The clamped fit score under `rules`, as a float8 SQL expression reading `fitInputsLateralSql(rules)`.
 * With `accountPoints` (an expression: what `accountFitPointsSql` gave the contact's account, null
 * without one), the account rules are not evaluated again but read from it. Points are integers,
 * so summing the account rules apart changes nothing before the clamp.
 */
export function fitScoreSql(rules: readonly FitRule[], { accountPoints }: { accountPoints?: SQL } = {}): SQL {
  const evaluated = accountPoints ? rules.filter((r) => !readsAccount(r)) : rules;
  const terms = evaluated.map(pointsTermSql);
  if (accountPoints && rules.some(readsAccount)) terms.push(sql`coalesce(${accountPoints}, 0)`);
  if (terms.length === 0) return sql`0::float8`;
  return sql`least(100, greatest(0, ${sql.join(terms, sql` + `)}))::float8`;
}

/**
 * `account_id, points`: the unclamped sum of the account rules' points for every account, so that a
 * run over many contacts evaluates them once per account instead of once per contact (the account
 * rules read the most expensive inputs, such as the technologies list).
 */
export function accountFitPointsSql(rules: readonly FitRule[]): SQL {
  const accountRules = rules.filter(readsAccount);
  const points = accountRules.length ? sql.join(accountRules.map(pointsTermSql), sql` + `) : sql`0`;
  return sql`select a.id as account_id, (${points})::float8 as points from accounts a ${fitInputsLateralSql(accountRules)}`;
}

import { sql, type SQL } from "drizzle-orm";
import { personalEmailDomains } from "../../email";
import { FIT_FIELD_KINDS, WORD_SEPARATORS, type FitField, type FitRule } from "../model-schema";

/**
 * The fit score as one SQL expression over a contact row `c` and its account `a` (left-joined), so
 * that many contacts are scored in one statement. It must give exactly what `computeFitScore`
 * gives for the same row: lib/scoring/sql/scoring-sql.test.ts checks the two on random models and
 * data. Text compares lower-cased; stored attributes are already trimmed by the ingest schemas.
 */

const COLUMN: Record<Exclude<FitField, "emailDomain" | "personalEmail">, SQL> = {
  title: sql.raw("c.title"),
  seniority: sql.raw("c.seniority"),
  jobFunction: sql.raw("c.job_function"),
  country: sql.raw("c.country"),
  region: sql.raw("c.region"),
  source: sql.raw("c.source"),
  "account.industry": sql.raw("a.industry"),
  "account.employees": sql.raw("a.employees"),
  "account.annualRevenue": sql.raw("a.annual_revenue"),
  "account.country": sql.raw("a.country"),
  "account.region": sql.raw("a.region"),
  "account.technologies": sql.raw("a.technologies"),
};

/**
 * `normalizeDomain(emailDomain(email))` of lib/email.ts for the stored, validated address (whose
 * domain has no scheme or path): what follows the last @, without "www.". Computed once per
 * contact as `d.email_domain` (see `EMAIL_DOMAIN_LATERAL`); rules read that column.
 */
export const EMAIL_DOMAIN_LATERAL = sql.raw(
  `cross join lateral (select case when strpos(c.email, '@') > 0 then regexp_replace(lower(split_part(c.email, '@', -1)), '^www\\.', '') else '' end as email_domain) d`,
);
const EMAIL_DOMAIN = sql.raw("d.email_domain");

/** WORD_SEPARATORS as a PostgreSQL regular expression (NUL cannot occur in text). */
const SEPARATORS_SQL = sql.raw(`'${WORD_SEPARATORS.source.replace("\\x00", "\\x01")}'`);

/** Every separator character, and as many spaces: `translate` does what the regular expression does for one word, far faster. */
const SEPARATOR_CHARS = Array.from({ length: 127 }, (_, i) => String.fromCharCode(i + 1)).filter((ch) => WORD_SEPARATORS.test(ch)).join("");
const SPACES = " ".repeat(SEPARATOR_CHARS.length);

const normalize = (v: string) => v.trim().toLowerCase();

function fieldValue(field: FitField): SQL {
  if (field === "emailDomain") return EMAIL_DOMAIN;
  if (field === "personalEmail") throw new Error("personalEmail is a condition, not a value");
  return COLUMN[field];
}

/** A text comparison applied to one text value `v`. */
function textCondition(rule: Extract<FitRule, { operator: "equals" | "in" | "contains" | "contains_word" }>, v: SQL): SQL {
  const lowered = sql`lower(${v})`;
  switch (rule.operator) {
    case "equals":
      return sql`${lowered} = ${normalize(rule.value)}`;
    case "in":
      return sql`${lowered} in (${sql.join(rule.values.map((x) => sql`${normalize(x)}`), sql`, `)})`;
    case "contains":
      return sql`(${sql.join(rule.values.map((x) => sql`strpos(${lowered}, ${normalize(x)}) > 0`), sql` or `)})`;
    case "contains_word": {
      // A single word is found between separators however many there are; a phrase needs each
      // run of separators collapsed to one space, as the reference implementation does.
      const words = sql`(' ' || translate(${lowered}, ${SEPARATOR_CHARS}, ${SPACES}) || ' ')`;
      const collapsed = sql`(' ' || regexp_replace(${lowered}, ${SEPARATORS_SQL}, ' ', 'g') || ' ')`;
      const phrases = rule.values.map((x) => normalize(x).split(WORD_SEPARATORS).filter(Boolean));
      return sql`(${sql.join(
        phrases.map((p) => sql`strpos(${p.length === 1 ? words : collapsed}, ${` ${p.join(" ")} `}) > 0`),
        sql` or `,
      )})`;
    }
  }
}

/** Whether one fit rule holds for `c` / `a`, as SQL (never null). */
export function fitRuleConditionSql(rule: FitRule): SQL {
  const kind = FIT_FIELD_KINDS[rule.field];
  if (rule.operator === "is_true") {
    if (rule.field !== "personalEmail") throw new Error(`“is true” applies to personalEmail, not ${rule.field}`);
    return sql`(${EMAIL_DOMAIN} in (${sql.join(personalEmailDomains().map((d) => sql`${d}`), sql`, `)}))`;
  }
  if (rule.operator === "range") {
    if (kind !== "number") throw new Error(`A range applies to a numeric field, not ${rule.field}`);
    const v = fieldValue(rule.field);
    const bounds = [
      ...(rule.min === null ? [] : [sql`${v} >= ${rule.min}::float8`]),
      ...(rule.max === null ? [] : [sql`${v} <= ${rule.max}::float8`]),
    ];
    return sql`coalesce(${sql.join(bounds, sql` and `)}, false)`;
  }
  if (kind === "list") {
    return sql`exists (select 1 from unnest(${fieldValue(rule.field)}) as item(v) where item.v <> '' and ${textCondition(rule, sql.raw("item.v"))})`;
  }
  if (kind !== "text") throw new Error(`${rule.operator} does not apply to ${rule.field}`);
  const v = fieldValue(rule.field);
  return sql`coalesce(${v} <> '' and ${textCondition(rule, v)}, false)`;
}

/** The clamped fit score of `c` / `a` under `rules`, as a float8 SQL expression. */
export function fitScoreSql(rules: readonly FitRule[]): SQL {
  if (rules.length === 0) return sql`0::float8`;
  const terms = rules.map((r) => sql`(case when ${fitRuleConditionSql(r)} then ${r.points}::float8 else 0 end)`);
  return sql`least(100, greatest(0, ${sql.join(terms, sql` + `)}))::float8`;
}

import { sql, type SQL } from "drizzle-orm";
import { scoringHorizonDays, type ScoringModelDefinition } from "../model-schema";
import { ALREADY_QUALIFIED_DAYS } from "../replay-window";
import { ruleConditionSql } from "./engagement-sql";
import { inRangeSql, type ContactRange } from "./contact-range-sql";
import { fitInputsLateralSql, fitScoreSql } from "./fit-sql";

/**
 * Replaying models over history, set-based: for every contact, each model's engagement score just
 * after each of its events — the only instants a score can rise — from one sorted pass over the
 * events with window frames, and so whether and when the model would first have qualified the
 * contact during a window — unless it already had in the 90 days before. What the backtest compares a draft with the published model on.
 *
 * A rule's decayed sum at event k is Σ p·0.5^((t_k − t_j)/h) over the rule's events j in the
 * horizon before k, computed as 0.5^(t_k/h) · Σ p·2^(t_j/h): a running sum over a window frame.
 * Times are days after the first instant that can count, so the powers stay small; where they
 * could still overflow a float8 (a half-life of hours over years), the sum is taken in numeric.
 *
 * Fit reads the contact's attributes as they are now: their history is not kept.
 */

export type ReplayModel = { key: string; model: ScoringModelDefinition };

/** One contact's replay under each model: `fit_<key>`, `peak_<key>` (highest engagement in the window), `qualified_at_<key>`, `readiness_<key>`. */
export type ReplayRow = { contact_id: string } & Record<string, number | string | Date | null>;

const DAY_MS = 86_400_000;
export { ALREADY_QUALIFIED_DAYS };
/** Beyond 2^900 a float8 sum is within reach of overflow. */
const FLOAT_EXPONENT_LIMIT = 900;

const SEGMENT_COLUMN = { region: "c.region", country: "c.country", source: "c.source" } as const;

/** The threshold (or segment label) a contact gets under the model: the override for its segment value, or the default. */
function perSegment(model: ScoringModelDefinition, pick: (s: { fit: number; engagement: number }) => number): SQL {
  const t = model.thresholds;
  const fallback = sql`${pick(t)}::float8`;
  if (t.segments.length === 0) return fallback;
  const segment = sql.raw(SEGMENT_COLUMN[t.segmentField]);
  return sql`(case ${sql.join(
    t.segments.map((s) => sql`when lower(${segment}) = ${s.value.toLowerCase()} then ${pick(s)}::float8`),
    sql` `,
  )} else ${fallback} end)`;
}

/**
 * A frame reaching `days` back. The horizon is exclusive — an event exactly that old no longer
 * counts, as in the reference code — so it stops a microsecond short; a qualifying action's
 * half-life is inclusive.
 */
function frameInterval(days: number, { exclusive }: { exclusive: boolean }): SQL {
  return sql.raw(`(interval '${Math.round(days * 86_400_000_000) - (exclusive ? 1 : 0)} microseconds')`);
}

/**
 * The per-contact replay of `models` over [from, until) for the contacts in `contactRange`: a
 * select of `ReplayRow`s, only for contacts with at least one event in the window.
 */
export function replayContactsSql({ models, from, until, contactRange }: { models: readonly ReplayModel[]; from: Date; until: Date; contactRange: ContactRange }): SQL {
  const horizons = models.map((m) => scoringHorizonDays(m.model));
  const lookback = new Date(from.getTime() - ALREADY_QUALIFIED_DAYS * DAY_MS);
  const origin = new Date(lookback.getTime() - Math.max(...horizons) * DAY_MS);
  const spanDays = (until.getTime() - origin.getTime()) / DAY_MS;
  const idRange = (column: SQL) => inRangeSql(column, contactRange);

  // Window frames, growth factors and sums are shared wherever the two models agree — a draft
  // usually differs from the published model in a few rules or only in its thresholds.
  const windows = new Map<string, { name: string; sql: SQL }>();
  const windowFor = (days: number, exclusive: boolean) => {
    const key = `${days}|${exclusive}`;
    if (!windows.has(key)) {
      const name = `win${windows.size}`;
      windows.set(key, { name, sql: sql.raw(`${name} as (partition by e.contact_id order by e.occurred_at range between `).append(frameInterval(days, { exclusive })).append(sql.raw(` preceding and current row)`)) });
    }
    return windows.get(key)!.name;
  };
  /** 2^(t/h) once per event and half-life: the sums add points × it, and dividing by it decays them to the event's instant. */
  const growth = new Map<string, { name: string; sql: SQL }>();
  const growthFor = (halfLife: number, type: "float8" | "numeric") => {
    const key = `${halfLife}|${type}`;
    if (!growth.has(key)) {
      const name = `g${growth.size}`;
      const t = sql.raw(type);
      growth.set(key, { name, sql: sql`power(2::${t}, ev0.t::${t} / ${halfLife}::${t}) as ${sql.raw(name)}` });
    }
    return growth.get(key)!.name;
  };
  const sums = new Map<string, { name: string; sql: SQL }>();
  const sumFor = (key: string, build: (name: string) => SQL) => {
    if (!sums.has(key)) {
      const name = `s${sums.size}`;
      sums.set(key, { name, sql: build(name) });
    }
    return sums.get(key)!.name;
  };

  const scores: SQL[] = [];
  models.forEach(({ model }, m) => {
    const horizonWindow = windowFor(horizons[m]!, true);
    const capped = model.engagementRules.map((rule) => {
      const halfLife = rule.halfLifeDays ?? model.halfLifeDays;
      const type = spanDays / halfLife > FLOAT_EXPONENT_LIMIT ? "numeric" : "float8";
      const g = growthFor(halfLife, type);
      const key = JSON.stringify({ type: rule.eventType, filters: rule.filters, points: rule.points, g, horizonWindow });
      const column = sumFor(key, (name) => sql`sum(case when ${ruleConditionSql(rule)} then ${rule.points}::${sql.raw(type)} * e.${sql.raw(g)} end) over ${sql.raw(horizonWindow)} as ${sql.raw(name)}`);
      const decayed = sql`(w.${sql.raw(column)} / w.${sql.raw(g)})::float8`;
      return sql`(case when abs(coalesce(${decayed}, 0)) > ${rule.cap}::float8 then sign(${decayed}) * ${rule.cap}::float8 else coalesce(${decayed}, 0) end)`;
    });
    const actionWindow = windowFor(model.halfLifeDays, false);
    const actions = model.thresholds.qualifyingActions.map((a) =>
      sumFor(JSON.stringify({ action: a.eventType, actionWindow }), (name) => sql`bool_or(e.type = ${a.eventType}) over ${sql.raw(actionWindow)} as ${sql.raw(name)}`),
    );
    const engagement = capped.length ? sql`least(100, greatest(0, ${sql.join(capped, sql` + `)}))` : sql`0::float8`;
    const qualifies = [
      sql`(fx.${sql.raw(`fit${m}`)} >= fx.${sql.raw(`ft${m}`)} and ${engagement} >= fx.${sql.raw(`et${m}`)})`,
      ...model.thresholds.qualifyingActions.map((a, i) => sql`(w.${sql.raw(actions[i]!)} and fx.${sql.raw(`fit${m}`)} >= ${a.minFit}::float8)`),
    ];
    scores.push(sql`${engagement} as ${sql.raw(`eng${m}`)}, (${sql.join(qualifies, sql` or `)}) as ${sql.raw(`q${m}`)}`);
  });

  const fitColumns = models.map(
    ({ model }, m) =>
      sql`${fitScoreSql(model.fitRules)} as ${sql.raw(`fit${m}`)}, ${perSegment(model, (s) => s.fit)} as ${sql.raw(`ft${m}`)}, ${perSegment(model, (s) => s.engagement)} as ${sql.raw(`et${m}`)}`,
  );
  // Each model's fit inputs in its own lateral, so two models with different rules never clash.
  const fitSubqueries = models.map(
    ({ model }, m) => sql`(select ${fitColumns[m]!} from (select 1) one ${fitInputsLateralSql(model.fitRules)}) ${sql.raw(`f${m}`)}`,
  );
  // Each contact's rows arrive in order from the window pass, so one group per contact needs no
  // sort: its fit and thresholds are the same on every row, read with max().
  const perContact = models.map(({ key }, m) => {
    const column = (name: string) => sql.raw(`k.${name}${m}`);
    const [fit, ft, et] = ["fit", "ft", "et"].map((name) => sql`max(${column(name)})`);
    const [eng, q] = [column("eng"), column("q")];
    const peak = sql`max(${eng}) filter (where k.in_window)`;
    const headroom = sql`least(${fit} - ${ft}, ${peak} - ${et})`;
    return sql`
      ${fit} as ${sql.raw(`fit_${key}`)},
      ${peak} as ${sql.raw(`peak_${key}`)},
      (case when coalesce(bool_or(${q}) filter (where not k.in_window), false) then null
            else min(k.occurred_at) filter (where ${q} and k.in_window) end) as ${sql.raw(`qualified_at_${key}`)},
      (case when bool_or(${q}) filter (where k.in_window) then greatest(0, ${headroom}) else ${headroom} end) as ${sql.raw(`readiness_${key}`)}`;
  });

  return sql`
    -- Materialized: each contact's fit is computed once, not on every one of its events' rows.
    with fx as materialized (
      select c.id as contact_id, ${sql.join(
        models.map((_, m) => sql`${sql.raw(`f${m}`)}.*`),
        sql`, `,
      )}
      from contacts c
      left join accounts a on a.id = c.account_id
      ${sql.join(
        fitSubqueries.map((s) => sql`cross join lateral ${s}`),
        sql` `,
      )}
      where ${idRange(sql`c.id`)}
    ),
    w as (
      select e.contact_id, e.occurred_at, ${sql.join(
        [...[...growth.values()].map((g) => sql.raw(`e.${g.name}`)), ...[...sums.values()].map((x) => x.sql), sql`null::int as nothing`],
        sql`, `,
      )}
      from (
        select ev0.*${growth.size ? sql`, ${sql.join([...growth.values()].map((g) => g.sql), sql`, `)}` : sql``}
        from (
          select ev.contact_id, ev.occurred_at, ev.type, ev.properties,
                 extract(epoch from (ev.occurred_at - ${origin.toISOString()}::timestamptz))::float8 / 86400 as t
          from engagement_events ev
          where ev.occurred_at > ${origin.toISOString()}::timestamptz and ev.occurred_at < ${until.toISOString()}::timestamptz and ${idRange(sql`ev.contact_id`)}
        ) ev0
      ) e
      window ${sql.join([...windows.values()].map((w) => w.sql), sql`, `)}
    ),
    k as (
      select w.contact_id, w.occurred_at, w.occurred_at >= ${from.toISOString()}::timestamptz as in_window,
             ${sql.join(
               models.map((_, m) => sql.raw(`fx.fit${m}, fx.ft${m}, fx.et${m}`)),
               sql`, `,
             )}, ${sql.join(scores, sql`, `)}
      from w join fx on fx.contact_id = w.contact_id
      where w.occurred_at >= ${lookback.toISOString()}::timestamptz
      -- A fence: each row's engagement and verdict are computed here once, not again inside
      -- every aggregate that reads them.
      offset 0
    )
    select k.contact_id, ${sql.join(perContact, sql`, `)}
    from k
    group by k.contact_id
    having bool_or(k.in_window)`;
}

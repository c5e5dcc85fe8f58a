import "server-only";
import { sql } from "drizzle-orm";
import { countWhere, reachedStage } from "@/lib/analytics/stage-reached";
import { rowsOf, type Database } from "../client";
import { timestamptz } from "../sql-helpers";
import { funnelScan } from "./funnel-scan";

export type CampaignCostRow = {
  campaignId: string;
  campaign: string;
  channel: string;
  /** Spend in the period, in cents (months cut by the range count pro rata). */
  spendCents: number;
  mqls: number;
  customers: number;
  /** Cents per MQL / per customer; null when there were none to divide by. */
  costPerMqlCents: number | null;
  costPerCustomerCents: number | null;
};

const day = (d: Date) => sql`${d.toISOString().slice(0, 10)}::date`;

/**
 * Cost per MQL and per customer by campaign for [from, until): the campaign's spend in the period
 * over the MQL records it brought in that period, and over those of them that became customers.
 * Spend is kept per month (campaign_spend); a month the range covers only partly counts for the
 * share of its days inside the range, so a custom range is not charged for whole months. Campaigns
 * with neither spend nor MQLs in the period are left out; the totals cover the campaigns listed.
 */
export async function campaignCost(
  db: Database,
  { from, until }: { from: Date; until: Date },
): Promise<{ rows: CampaignCostRow[]; totals: Omit<CampaignCostRow, "campaignId" | "campaign" | "channel"> }> {
  const result = rowsOf<{ campaign_id: string; name: string; channel: string; spend: number | string; mqls: number; customers: number }>(
    await funnelScan(
      db,
      sql`
        with m as (
          select mql_records.campaign_id, count(*)::int as mqls, ${countWhere(reachedStage.customer)} as customers
          from mql_records
          where mql_records.mql_at >= ${timestamptz(from)} and mql_records.mql_at < ${timestamptz(until)}
            and mql_records.campaign_id is not null
          group by mql_records.campaign_id
        ), s as (
          select cs.campaign_id,
            sum(cs.amount_cents::numeric
              * greatest(0, least((cs.month + interval '1 month')::date, ${day(until)}) - greatest(cs.month, ${day(from)}))
              / ((cs.month + interval '1 month')::date - cs.month)) as spend
          from campaign_spend cs
          where cs.month >= date_trunc('month', ${day(from)})::date and cs.month < ${day(until)}
          group by cs.campaign_id
        )
        select c.id as campaign_id, c.name, c.channel, round(coalesce(s.spend, 0))::float8 as spend, coalesce(m.mqls, 0)::int as mqls, coalesce(m.customers, 0)::int as customers
        from campaigns c
        left join m on m.campaign_id = c.id
        left join s on s.campaign_id = c.id
        where m.mqls is not null or s.spend > 0
        order by spend desc, c.name`,
    ),
  );
  const per = (spend: number, n: number) => (n > 0 ? spend / n : null);
  const rows = result.map((r) => {
    const spendCents = Number(r.spend);
    return {
      campaignId: r.campaign_id,
      campaign: r.name,
      channel: r.channel,
      spendCents,
      mqls: r.mqls,
      customers: r.customers,
      costPerMqlCents: per(spendCents, r.mqls),
      costPerCustomerCents: per(spendCents, r.customers),
    };
  });
  const spendCents = rows.reduce((n, r) => n + r.spendCents, 0);
  const mqls = rows.reduce((n, r) => n + r.mqls, 0);
  const customers = rows.reduce((n, r) => n + r.customers, 0);
  return { rows, totals: { spendCents, mqls, customers, costPerMqlCents: per(spendCents, mqls), costPerCustomerCents: per(spendCents, customers) } };
}

"use client";
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { CampaignCostRow } from "@/db/queries/campaign-cost";
import { formatCount } from "@/lib/format";
import { DataTable, type Column } from "./data-table";
import { COLORS, money } from "./format";
import { AnalyticsSection, SectionEmpty } from "../section";

const cents = (n: number | null) => (n === null ? null : Math.round(n));
const columns: Column<CampaignCostRow>[] = [
  { header: "Campaign", value: (r) => r.campaign },
  { header: "Channel", value: (r) => r.channel },
  { header: "Spend", csvHeader: "Spend (cents)", value: (r) => r.spendCents, cell: (r) => money(r.spendCents), numeric: true },
  { header: "MQLs", value: (r) => r.mqls, cell: (r) => formatCount(r.mqls), numeric: true },
  { header: "Customers", value: (r) => r.customers, cell: (r) => formatCount(r.customers), numeric: true },
  { header: "Cost per MQL", csvHeader: "Cost per MQL (cents)", value: (r) => cents(r.costPerMqlCents), cell: (r) => money(r.costPerMqlCents), numeric: true },
  { header: "Cost per customer", csvHeader: "Cost per customer (cents)", value: (r) => cents(r.costPerCustomerCents), cell: (r) => money(r.costPerCustomerCents), numeric: true },
];

/** Cost per MQL and per customer by campaign, from the campaign's spend in the period. */
export function CampaignCost({ rows, totals, fileStem, immatureNote }: { rows: CampaignCostRow[]; totals: Omit<CampaignCostRow, "campaignId" | "campaign" | "channel">; fileStem: string; immatureNote: boolean }) {
  const data = rows.filter((r) => r.costPerMqlCents !== null).map((r) => ({ name: r.campaign, mql: (r.costPerMqlCents ?? 0) / 100, customer: r.costPerCustomerCents === null ? null : r.costPerCustomerCents / 100 }));
  const longest = Math.max(...data.map((d) => d.name.length), 4);
  return (
    <AnalyticsSection
      id="cost"
      title="Cost per MQL and per customer"
      description={`Each campaign's spend in the period (months the range cuts count for their days inside it) over its MQLs, and over those that became customers.${immatureNote ? " Young cohorts are still closing, so cost per customer will fall." : ""}`}
    >
      {rows.length === 0 ? (
        <SectionEmpty>No campaign had spend or MQLs in this period. Spend is recorded per campaign and month.</SectionEmpty>
      ) : (
        <>
          {data.length > 0 ? (
            <div className="grid gap-4 px-3 pb-3 lg:grid-cols-2">
              <CostBars data={data} dataKey="mql" name="Cost per MQL" color={COLORS.primary} width={Math.min(260, Math.round(longest * 6.6) + 20)} />
              <CostBars data={data} dataKey="customer" name="Cost per customer" color={COLORS.customer} width={Math.min(260, Math.round(longest * 6.6) + 20)} />
            </div>
          ) : null}
          <DataTable
            caption="Cost per MQL and per customer by campaign"
            columns={columns}
            rows={rows}
            footer={{ campaignId: "total", campaign: "All campaigns", channel: "", ...totals }}
            rowKey={(r) => r.campaignId}
            fileName={`${fileStem}-campaign-cost.csv`}
          />
        </>
      )}
    </AnalyticsSection>
  );
}

type CostDatum = { name: string; mql: number; customer: number | null };

/** One cost per campaign, on its own scale: a cost per customer is often a hundred times a cost per MQL. */
function CostBars({ data, dataKey, name, color, width }: { data: CostDatum[]; dataKey: "mql" | "customer"; name: string; color: string; width: number }) {
  return (
    <figure className="min-w-0">
      <figcaption className="px-2 pb-1 text-xs font-medium text-muted-foreground">{name}</figcaption>
      <div style={{ height: Math.max(140, data.length * 32 + 32) }} role="img" aria-label={`${name} by campaign. The table below has the figures.`}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} layout="vertical" margin={{ top: 0, right: 56, bottom: 0, left: 0 }}>
            <CartesianGrid horizontal={false} stroke={COLORS.grid} />
            <XAxis type="number" tickLine={false} axisLine={false} fontSize={11} tickFormatter={(n: number) => money(n * 100)} />
            <YAxis type="category" dataKey="name" tickLine={false} axisLine={false} fontSize={11} width={width} interval={0} />
            <Tooltip cursor={{ fill: COLORS.cursor }} formatter={(n) => money(Number(n) * 100)} />
            <Bar dataKey={dataKey} name={name} fill={color} radius={[0, 3, 3, 0]} isAnimationActive={false}>
              <LabelList dataKey={dataKey} position="right" fontSize={11} formatter={(n) => (n === null || n === undefined ? "—" : money(Number(n) * 100))} />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

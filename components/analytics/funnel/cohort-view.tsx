"use client";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Badge } from "@/components/ui/badge";
import type { CohortMaturity } from "@/lib/analytics/cohort-maturity";
import type { FunnelRow } from "@/lib/analytics/funnel-query";
import { STAGE_STEP_LABELS, type StageStepKey } from "@/lib/analytics/stage-steps";
import { formatCount } from "@/lib/format";
import { DataTable, type Column } from "./data-table";
import { COLORS, days, percent, round, share } from "./format";
import { AnalyticsSection, SectionEmpty } from "../section";

export type CohortViewRow = FunnelRow & CohortMaturity & { month: string; medianDays: Record<StageStepKey, number | null> };

/** The outcomes a cohort's MQLs end in (or are still in); together they make 100%. */
const OUTCOMES = [
  { key: "customer", label: "Customer", color: COLORS.customer },
  { key: "open", label: "Still open", color: COLORS.open },
  { key: "lost", label: "Lost", color: COLORS.lost },
  { key: "rejected", label: "Rejected", color: COLORS.rejected },
  { key: "other", label: "Recycled", color: COLORS.other },
] as const;

const monthLabel = (month: string) => new Date(`${month}-01T00:00:00Z`).toLocaleDateString("en", { month: "short", year: "2-digit", timeZone: "UTC" });
const other = (r: CohortViewRow) => Math.max(0, r.mqls - r.customer - r.open - r.lost - r.rejected);
const maturityText = (r: CohortViewRow) => (r.reason === "young" ? "Immature (young)" : r.reason === "open" ? "Immature (mostly open)" : "Mature");

const columns: Column<CohortViewRow>[] = [
  { header: "MQL month", value: (r) => r.month, cell: (r) => monthLabel(r.month) },
  { header: "MQLs", value: (r) => r.mqls, cell: (r) => formatCount(r.mqls), numeric: true },
  {
    header: "Maturity",
    value: maturityText,
    cell: (r) => (r.immature ? <Badge variant="warning">{maturityText(r)}</Badge> : <span className="text-muted-foreground">Mature</span>),
  },
  { header: "SAL", value: (r) => round(share(r.sal, r.mqls)), cell: (r) => percent(share(r.sal, r.mqls)), numeric: true },
  { header: "SQL", value: (r) => round(share(r.sql, r.mqls)), cell: (r) => percent(share(r.sql, r.mqls)), numeric: true },
  { header: "Opportunity", value: (r) => round(share(r.opportunity, r.mqls)), cell: (r) => percent(share(r.opportunity, r.mqls)), numeric: true },
  { header: "Customer", value: (r) => round(share(r.customer, r.mqls)), cell: (r) => percent(share(r.customer, r.mqls)), numeric: true },
  { header: "Lost", value: (r) => round(share(r.lost, r.mqls)), cell: (r) => percent(share(r.lost, r.mqls)), numeric: true },
  { header: "Rejected", value: (r) => round(share(r.rejected, r.mqls)), cell: (r) => percent(share(r.rejected, r.mqls)), numeric: true },
  { header: "Open", value: (r) => round(share(r.open, r.mqls)), cell: (r) => percent(share(r.open, r.mqls)), numeric: true },
  ...(Object.entries(STAGE_STEP_LABELS) as [StageStepKey, string][]).map(
    ([key, label]): Column<CohortViewRow> => ({ header: label, csvHeader: `${label} (median days)`, value: (r) => round(r.medianDays[key], 2), cell: (r) => days(r.medianDays[key]), numeric: true }),
  ),
];

/** The cohort view: each MQL month's outcomes as shares (immature months faded), and the table. */
export function CohortView({ rows, rule, fileStem }: { rows: CohortViewRow[]; rule: string; fileStem: string }) {
  const data = rows.map((r) => ({
    month: r.month,
    label: `${monthLabel(r.month)}${r.immature ? " *" : ""}`,
    immature: r.immature,
    ...Object.fromEntries(OUTCOMES.map((o) => [o.key, (share(o.key === "other" ? other(r) : r[o.key], r.mqls) ?? 0) * 100])),
  }));
  const immature = rows.filter((r) => r.immature).map((r) => monthLabel(r.month));
  return (
    <AnalyticsSection
      id="cohorts"
      title="Cohorts by MQL month"
      description={
        <>
          Where each month&apos;s MQLs ended up, and the median days each step took (over the leads that recorded both stages). <strong className="font-medium text-foreground">*</strong> {rule}
        </>
      }
    >
      {rows.length === 0 ? (
        <SectionEmpty>No MQLs qualified in this period.</SectionEmpty>
      ) : (
        <>
          <div
            className="h-72 px-3 pb-3"
            role="img"
            aria-label={`Outcome shares per MQL month, ${rows.length} months${immature.length ? `; immature: ${immature.join(", ")}` : ""}. The table below has the figures.`}
          >
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
                <CartesianGrid vertical={false} stroke={COLORS.grid} />
                <XAxis dataKey="label" tickLine={false} axisLine={false} fontSize={12} interval={0} />
                <YAxis tickLine={false} axisLine={false} fontSize={12} width={48} domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} allowDataOverflow tickFormatter={(n: number) => `${n}%`} />
                <Tooltip cursor={{ fill: COLORS.cursor }} formatter={(n) => `${Number(n).toFixed(1)}%`} />
                <Legend iconType="square" wrapperStyle={{ fontSize: 12 }} itemSorter={(item) => OUTCOMES.findIndex((o) => o.key === item.dataKey)} />
                {OUTCOMES.map((o, i) => (
                  <Bar
                    key={o.key}
                    dataKey={o.key}
                    name={o.label}
                    stackId="outcome"
                    fill={o.color}
                    isAnimationActive={false}
                    radius={i === OUTCOMES.length - 1 ? [3, 3, 0, 0] : undefined}
                    shape={(props: { x?: number; y?: number; width?: number; height?: number; fill?: string; payload?: { immature: boolean } }) => (
                      <rect x={props.x} y={props.y} width={props.width} height={props.height} fill={props.fill} fillOpacity={props.payload?.immature ? 0.4 : 1} />
                    )}
                  />
                ))}
              </BarChart>
            </ResponsiveContainer>
          </div>
          <DataTable
            caption="Cohorts by MQL month"
            columns={columns}
            rows={rows}
            rowKey={(r) => r.month}
            rowClassName={(r) => (r.immature ? "bg-warning/5" : undefined)}
            fileName={`${fileStem}-cohorts.csv`}
          />
        </>
      )}
    </AnalyticsSection>
  );
}

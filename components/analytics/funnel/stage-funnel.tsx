"use client";
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { FunnelCounts } from "@/lib/analytics/funnel-query";
import { formatCount } from "@/lib/format";
import { DataTable, type Column } from "./data-table";
import { COLORS, percent, round, share } from "./format";
import { AnalyticsSection } from "../section";

type Step = { stage: string; count: number; fromPrevious: number | null; fromMql: number | null };

const columns: Column<Step>[] = [
  { header: "Stage", value: (s) => s.stage },
  { header: "Count", value: (s) => s.count, cell: (s) => formatCount(s.count), numeric: true },
  { header: "From previous stage", value: (s) => round(s.fromPrevious), cell: (s) => percent(s.fromPrevious), numeric: true },
  { header: "From MQL", value: (s) => round(s.fromMql), cell: (s) => percent(s.fromMql), numeric: true },
];

/** Stage counts lead → customer for the period, and the conversion of each step. */
export function StageFunnel({ leads, totals, fileStem }: { leads: number; totals: FunnelCounts; fileStem: string }) {
  const counts: [string, number][] = [
    ["Lead", leads],
    ["MQL", totals.mqls],
    ["SAL", totals.sal],
    ["SQL", totals.sql],
    ["Opportunity", totals.opportunity],
    ["Customer", totals.customer],
  ];
  const steps: Step[] = counts.map(([stage, count], i) => ({
    stage,
    count,
    fromPrevious: i === 0 ? null : share(count, counts[i - 1]![1]),
    fromMql: i < 2 ? null : share(count, totals.mqls),
  }));
  return (
    <AnalyticsSection
      id="stages"
      title="Stage counts and step conversion"
      description="Leads created in the period; MQLs qualified in the period and how far they got. A lead that skipped a stage counts as having passed it; a contact that qualified twice is two MQLs."
    >
      <div className="h-64 px-3 pb-3" role="img" aria-label={`Stage counts: ${steps.map((s) => `${s.stage} ${formatCount(s.count)}`).join(", ")}. The table below has the figures.`}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={steps} margin={{ top: 24, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid vertical={false} stroke={COLORS.grid} />
            <XAxis dataKey="stage" tickLine={false} axisLine={false} fontSize={12} />
            <YAxis tickLine={false} axisLine={false} fontSize={12} width={56} tickFormatter={(n: number) => formatCount(n)} />
            <Tooltip cursor={{ fill: COLORS.cursor }} formatter={(n) => formatCount(Number(n))} />
            <Bar dataKey="count" name="Count" fill={COLORS.primary} radius={[4, 4, 0, 0]} isAnimationActive={false}>
              <LabelList dataKey="count" position="top" fontSize={12} formatter={(n) => formatCount(Number(n))} />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <DataTable caption="Stage counts and step conversion" columns={columns} rows={steps} rowKey={(s) => s.stage} fileName={`${fileStem}-stages.csv`} />
    </AnalyticsSection>
  );
}

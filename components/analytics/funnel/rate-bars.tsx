"use client";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { COLORS } from "./format";

/**
 * MQL→SQL and MQL→customer side by side for each row of a breakdown, horizontal so long group
 * names (campaigns, reps) stay readable; the chart grows with the number of rows.
 */
export function RateBars({ data, label }: { data: { name: string; mqlToSqlRate: number; mqlToCustomerRate: number }[]; label: string }) {
  const height = Math.max(160, data.length * 44 + 56);
  const longest = Math.max(...data.map((d) => d.name.length), 4);
  return (
    <div className="px-3 pb-3" style={{ height }} role="img" aria-label={`${label}. The table below has the figures.`}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data.map((d) => ({ ...d, sql: d.mqlToSqlRate * 100, customer: d.mqlToCustomerRate * 100 }))} layout="vertical" margin={{ top: 0, right: 24, bottom: 0, left: 0 }} barGap={2}>
          <CartesianGrid horizontal={false} stroke={COLORS.grid} />
          <XAxis type="number" tickLine={false} axisLine={false} fontSize={12} tickFormatter={(n: number) => `${n}%`} domain={[0, (max: number) => Math.min(100, Math.ceil(max / 10) * 10 || 10)]} />
          <YAxis type="category" dataKey="name" tickLine={false} axisLine={false} fontSize={12} width={Math.min(240, Math.round(longest * 7.2) + 20)} interval={0} />
          <Tooltip cursor={{ fill: COLORS.cursor }} formatter={(n) => `${Number(n).toFixed(1)}%`} />
          <Legend iconType="square" wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="sql" name="MQL → SQL" fill={COLORS.primary} radius={[0, 3, 3, 0]} isAnimationActive={false} />
          <Bar dataKey="customer" name="MQL → customer" fill={COLORS.customer} radius={[0, 3, 3, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

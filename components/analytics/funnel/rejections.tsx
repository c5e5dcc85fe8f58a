"use client";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatCount } from "@/lib/format";
import { DataTable, type Column } from "./data-table";
import { COLORS, percent, round, share } from "./format";
import { AnalyticsSection, SectionEmpty } from "../section";

export type RejectionViewRow = { kind: "sdr" | "sales"; code: string | null; reason: string; count: number; share: number };

const KIND = { sdr: "SDR", sales: "Sales" } as const;

/**
 * Why leads were turned down: by SDRs before they became SQLs, and by sales after the handover.
 * The chart puts each reason's share of its kind side by side; counts are in the table.
 */
export function Rejections({ rows, totals, mqls, fileStem }: { rows: RejectionViewRow[]; totals: Record<"sdr" | "sales", number>; mqls: number; fileStem: string }) {
  const columns: Column<RejectionViewRow>[] = [
    { header: "Reason", value: (r) => r.reason },
    { header: "Rejected by", value: (r) => KIND[r.kind] },
    { header: "Count", value: (r) => r.count, cell: (r) => formatCount(r.count), numeric: true },
    { header: "Share of its kind", value: (r) => round(r.share), cell: (r) => percent(r.share), numeric: true },
    { header: "Share of MQLs", value: (r) => round(share(r.count, mqls)), cell: (r) => percent(share(r.count, mqls)), numeric: true },
  ];
  const reasons = [...new Set(rows.map((r) => r.reason))];
  const data = reasons
    .map((reason) => ({
      reason,
      sdr: (rows.find((r) => r.reason === reason && r.kind === "sdr")?.share ?? 0) * 100,
      sales: (rows.find((r) => r.reason === reason && r.kind === "sales")?.share ?? 0) * 100,
    }))
    .sort((a, b) => b.sdr + b.sales - (a.sdr + a.sales));
  const longest = Math.max(...reasons.map((r) => r.length), 4);
  return (
    <AnalyticsSection
      id="rejections"
      title="Rejection reasons"
      description={`Of this period's MQLs, SDRs rejected ${formatCount(totals.sdr)} (${percent(share(totals.sdr, mqls))}) and sales turned down ${formatCount(totals.sales)} handed-over SQLs (${percent(share(totals.sales, mqls))}), by their last reason.`}
    >
      {rows.length === 0 ? (
        <SectionEmpty>No lead was rejected in this period.</SectionEmpty>
      ) : (
        <>
          <div className="px-3 pb-3" style={{ height: Math.max(160, data.length * 40 + 56) }} role="img" aria-label="Share of SDR and sales rejections by reason. The table below has the figures.">
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={data} layout="vertical" margin={{ top: 0, right: 24, bottom: 0, left: 0 }} barGap={2}>
                <CartesianGrid horizontal={false} stroke={COLORS.grid} />
                <XAxis type="number" tickLine={false} axisLine={false} fontSize={12} tickFormatter={(n: number) => `${n}%`} />
                <YAxis type="category" dataKey="reason" tickLine={false} axisLine={false} fontSize={12} width={Math.min(240, Math.round(longest * 7.8) + 24)} interval={0} />
                <Tooltip cursor={{ fill: COLORS.cursor }} formatter={(n) => `${Number(n).toFixed(1)}%`} />
                <Legend iconType="square" wrapperStyle={{ fontSize: 12 }} />
                {totals.sdr > 0 ? <Bar dataKey="sdr" name="Share of SDR rejections" fill={COLORS.rejected} radius={[0, 3, 3, 0]} isAnimationActive={false} /> : null}
                {totals.sales > 0 ? <Bar dataKey="sales" name="Share of sales rejections" fill={COLORS.lost} radius={[0, 3, 3, 0]} isAnimationActive={false} /> : null}
              </BarChart>
            </ResponsiveContainer>
          </div>
          <DataTable caption="Rejection reasons" columns={columns} rows={rows} rowKey={(r) => `${r.kind}:${r.code ?? ""}`} fileName={`${fileStem}-rejections.csv`} />
        </>
      )}
    </AnalyticsSection>
  );
}

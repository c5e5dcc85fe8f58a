"use client";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { BacktestResult } from "@/lib/analytics/backtest/backtest-result";
import { formatCount } from "@/lib/format";
import { CsvDownloadButton } from "../csv-download-button";

/** MQLs per month under each model, as grouped bars with the same numbers in a table beneath. */
export function BacktestMonthsChart({ result }: { result: BacktestResult }) {
  const { baseline, draft } = result;
  const a = `v${baseline.version} (in force)`;
  const b = `v${draft.version} (draft)`;
  const data = baseline.perMonth.map((m, i) => ({ month: m.month, [a]: m.mqls, [b]: draft.perMonth[i]?.mqls ?? 0 }));
  const rows = data.map((d) => [d.month, d[a] as number, d[b] as number]);
  return (
    <div className="space-y-3">
      <div className="flex items-center justify-between gap-3">
        <h4 className="text-sm font-medium">MQLs per month</h4>
        <CsvDownloadButton fileName={`backtest-v${draft.version}-vs-v${baseline.version}.csv`} header={["month", `mqls_v${baseline.version}`, `mqls_v${draft.version}`]} rows={rows} />
      </div>
      <div className="h-56 w-full" role="img" aria-label={`MQLs per month: ${data.map((d) => `${d.month} ${d[a]} vs ${d[b]}`).join(", ")}`}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid vertical={false} stroke="oklch(0.92 0.006 264)" />
            <XAxis dataKey="month" tickLine={false} axisLine={false} fontSize={12} />
            <YAxis tickLine={false} axisLine={false} fontSize={12} width={48} />
            <Tooltip cursor={{ fill: "oklch(0.965 0.004 264)" }} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Bar dataKey={a} fill="oklch(0.7 0.02 264)" radius={[3, 3, 0, 0]} />
            <Bar dataKey={b} fill="oklch(0.51 0.21 275)" radius={[3, 3, 0, 0]} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <Table aria-label="MQLs per month under each model">
          <TableHeader>
            <TableRow className="hover:bg-transparent">
              <TableHead>Month</TableHead>
              <TableHead className="text-right">{a}</TableHead>
              <TableHead className="text-right">{b}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map(([month, x, y]) => (
              <TableRow key={month}>
                <TableCell>{month}</TableCell>
                <TableCell className="text-right tabular-nums">{formatCount(x as number)}</TableCell>
                <TableCell className="text-right tabular-nums">{formatCount(y as number)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
      </Table>
    </div>
  );
}

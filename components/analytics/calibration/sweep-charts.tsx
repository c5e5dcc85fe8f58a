"use client";
import { Area, Bar, CartesianGrid, Cell, ComposedChart, Legend, Line, ReferenceArea, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { SweepRow } from "@/lib/analytics/sweep-query";
import { COLORS, pct, perMonth, pointStatus, rangeText, STATUS_LABEL } from "./point-status";

type Marks = { inForce: number | null; candidate: number; recommended: number | null; capacity: number };

/** Which points draw as confident: the rest draw dashed and grey, with the neighbours that join them. */
function chartRows(rows: SweepRow[]) {
  const sure = rows.map((r) => pointStatus(r) === "confident");
  const unsure = rows.map((r, i) => r.backing > 0 && (!sure[i] || (i > 0 && !sure[i - 1] && rows[i - 1]!.backing > 0) || (i < rows.length - 1 && !sure[i + 1] && rows[i + 1]!.backing > 0)));
  const scaled = (x: number | undefined) => (x == null ? null : x * 100);
  return rows.map((r, i) => ({
    threshold: r.threshold,
    volume: r.mqlsPerMonth,
    status: pointStatus(r),
    sqlSure: sure[i] ? scaled(r.mqlToSqlRate?.value) : null,
    sqlUnsure: unsure[i] ? scaled(r.mqlToSqlRate?.value) : null,
    sqlBandSure: sure[i] && r.mqlToSqlRate ? [r.mqlToSqlRate.low * 100, r.mqlToSqlRate.high * 100] : null,
    sqlBandUnsure: unsure[i] && r.mqlToSqlRate ? [r.mqlToSqlRate.low * 100, r.mqlToSqlRate.high * 100] : null,
    customerSure: sure[i] ? scaled(r.mqlToCustomerRate?.value) : null,
    customerUnsure: unsure[i] ? scaled(r.mqlToCustomerRate?.value) : null,
    customerBandSure: sure[i] && r.mqlToCustomerRate ? [r.mqlToCustomerRate.low * 100, r.mqlToCustomerRate.high * 100] : null,
    row: r,
  }));
}

type ChartRow = ReturnType<typeof chartRows>[number];

function SweepTooltip({ active, payload, dimension }: { active?: boolean; payload?: { payload: ChartRow }[]; dimension: string }) {
  const r = active ? payload?.[0]?.payload.row : undefined;
  if (!r) return null;
  return (
    <div className="rounded-md border bg-card px-3 py-2 text-xs shadow-md">
      <p className="font-medium">
        {dimension} ≥ {r.threshold}
      </p>
      <p>{perMonth(r.mqlsPerMonth)} MQLs / month</p>
      <p>
        MQL→SQL {pct(r.mqlToSqlRate?.value)} ({rangeText(r.mqlToSqlRate)})
      </p>
      <p>
        MQL→customer {pct(r.mqlToCustomerRate?.value)} ({rangeText(r.mqlToCustomerRate)})
      </p>
      <p className="text-muted-foreground">
        {r.backing.toLocaleString("en")} MQLs behind it · {STATUS_LABEL[pointStatus(r)]}
      </p>
    </div>
  );
}

function markLines({ inForce, candidate, recommended }: Marks, { labels }: { labels: boolean }) {
  return [
    inForce != null ? (
      <ReferenceLine key="in-force" x={inForce} stroke={COLORS.inForce} strokeWidth={1.5} label={labels ? { value: `In force ${inForce}`, position: "insideTopLeft", fontSize: 11, fill: COLORS.inForce } : undefined} />
    ) : null,
    recommended != null ? (
      <ReferenceLine key="recommended" x={recommended} stroke={COLORS.recommended} strokeWidth={2} strokeDasharray="6 3" label={labels ? { value: `Recommended ${recommended}`, position: "insideTopRight", fontSize: 11, fill: COLORS.recommended } : undefined} />
    ) : null,
    <ReferenceLine key="candidate" x={candidate} stroke={COLORS.candidate} strokeWidth={2} />,
  ];
}

/**
 * The sweep as two charts sharing the threshold axis: MQLs per month against the SDR capacity,
 * and MQL→SQL / MQL→customer with their 95% bands. Points with too few outcomes, or never
 * observed, are grey and dashed; the region the exploration sample never reached is shaded.
 */
export function SweepCharts({ rows, dimension, marks }: { rows: SweepRow[]; dimension: string; marks: Marks }) {
  const data = chartRows(rows);
  const firstObserved = rows.find((r) => r.observed)?.threshold ?? 0;
  const unobserved = firstObserved > 0 ? <ReferenceArea key="unobserved" x1={0} x2={firstObserved - 1} fill="oklch(0.93 0.005 264)" fillOpacity={0.7} ifOverflow="hidden" /> : null;
  const xAxis = (show: boolean) => (
    <XAxis dataKey="threshold" interval={9} tickLine={false} fontSize={12} hide={!show} label={show ? { value: `${dimension} threshold`, position: "insideBottom", offset: -4, fontSize: 12 } : undefined} />
  );
  // A capacity far above every volume would flatten the bars into the axis: then it is named, not drawn.
  const maxVolume = Math.max(1, ...rows.map((r) => r.mqlsPerMonth));
  const capacityDrawn = marks.capacity > 0 && marks.capacity <= maxVolume * 2;
  const summary = `Threshold sweep on ${dimension}: in force ${marks.inForce ?? "none"}, candidate ${marks.candidate}${marks.recommended != null ? `, recommended ${marks.recommended}` : ""}.`;
  return (
    <div className="space-y-1" role="img" aria-label={summary}>
      <p className="text-xs font-medium text-muted-foreground">
        MQLs per month
        {marks.capacity > 0 && !capacityDrawn ? (
          <span className="ml-2 font-normal" style={{ color: COLORS.capacity }}>
            SDR capacity {perMonth(marks.capacity)}/month is above the chart: more than twice the most any threshold produces
          </span>
        ) : null}
      </p>
      <div className="h-56 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={data} syncId="sweep" margin={{ top: 16, right: 12, bottom: 0, left: 0 }} barCategoryGap={0}>
            <CartesianGrid vertical={false} stroke="oklch(0.92 0.006 264)" />
            {unobserved}
            {xAxis(false)}
            <YAxis tickLine={false} axisLine={false} fontSize={12} width={52} tickFormatter={(v: number) => perMonth(v)} />
            <Tooltip content={<SweepTooltip dimension={dimension} />} cursor={{ fill: "oklch(0.965 0.004 264)" }} />
            <Bar dataKey="volume" name="MQLs / month" isAnimationActive={false}>
              {data.map((d) => (
                <Cell key={d.threshold} fill={d.status === "confident" ? COLORS.volume : COLORS.uncertain} fillOpacity={d.status === "confident" ? 0.85 : 1} />
              ))}
            </Bar>
            {capacityDrawn ? (
              <ReferenceLine y={marks.capacity} stroke={COLORS.capacity} strokeWidth={2} strokeDasharray="4 3" ifOverflow="extendDomain" label={{ value: `SDR capacity ${perMonth(marks.capacity)}/mo`, position: "insideTopRight", fontSize: 11, fill: COLORS.capacity }} />
            ) : null}
            {markLines(marks, { labels: true })}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <p className="pt-2 text-xs font-medium text-muted-foreground">Conversion of those MQLs, with 95% intervals</p>
      <div className="h-64 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={data} syncId="sweep" margin={{ top: 8, right: 12, bottom: 16, left: 0 }}>
            <CartesianGrid vertical={false} stroke="oklch(0.92 0.006 264)" />
            {unobserved}
            {xAxis(true)}
            <YAxis tickLine={false} axisLine={false} fontSize={12} width={52} unit="%" domain={[0, (max: number) => Math.min(100, Math.ceil(max / 10) * 10)]} />
            <Tooltip content={<SweepTooltip dimension={dimension} />} />
            <Area dataKey="sqlBandSure" stroke="none" fill={COLORS.sql} fillOpacity={0.18} isAnimationActive={false} legendType="none" connectNulls={false} />
            <Area dataKey="sqlBandUnsure" stroke="none" fill={COLORS.uncertain} fillOpacity={0.35} isAnimationActive={false} legendType="none" connectNulls={false} />
            <Area dataKey="customerBandSure" stroke="none" fill={COLORS.customer} fillOpacity={0.15} isAnimationActive={false} legendType="none" connectNulls={false} />
            <Line dataKey="sqlSure" name="MQL→SQL" stroke={COLORS.sql} strokeWidth={2} dot={false} isAnimationActive={false} connectNulls={false} />
            <Line dataKey="sqlUnsure" name="MQL→SQL, n < 30 or not observed" stroke={COLORS.sql} strokeOpacity={0.55} strokeWidth={1.5} strokeDasharray="4 4" dot={false} isAnimationActive={false} connectNulls={false} />
            <Line dataKey="customerSure" name="MQL→customer" stroke={COLORS.customer} strokeWidth={2} dot={false} isAnimationActive={false} connectNulls={false} />
            <Line dataKey="customerUnsure" name="MQL→customer, n < 30 or not observed" stroke={COLORS.customer} strokeOpacity={0.55} strokeWidth={1.5} strokeDasharray="4 4" dot={false} isAnimationActive={false} connectNulls={false} legendType="none" />
            {markLines(marks, { labels: false })}
            <Legend verticalAlign="top" height={24} iconType="plainline" wrapperStyle={{ fontSize: 12 }} />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}

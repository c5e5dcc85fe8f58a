"use client";
import { Bar, BarChart, Cell, ErrorBar, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { LiftRow } from "@/lib/analytics/lift";
import { formatLift } from "@/lib/analytics/lift";

/** Colours by what a bar says: more likely, less likely, no telling, too few records. */
export const LIFT_COLOURS = {
  over: "oklch(0.6 0.15 155)",
  under: "oklch(0.58 0.22 27)",
  neither: "oklch(0.72 0.06 275)",
  sparse: "oklch(0.88 0.005 264)",
} as const;

export function liftColour(row: Pick<LiftRow, "direction" | "sparse">): string {
  return row.sparse ? LIFT_COLOURS.sparse : LIFT_COLOURS[row.direction];
}

type Datum = { key: string; label: string; log: number; err: [number, number]; text: string; row: LiftRow };

const log2 = (x: number) => Math.log2(x);

/** A value's name on one line, cut short with an ellipsis rather than wrapped under the next bar. */
function CategoryTick(props: { x?: number; y?: number; payload?: { value: string } }) {
  const text = props.payload?.value ?? "";
  const shown = text.length > 36 ? `${text.slice(0, 35)}…` : text;
  return (
    <text x={props.x} y={props.y} dy={4} textAnchor="end" fontSize={12} fill="oklch(0.4 0.02 264)">
      <title>{text}</title>
      {shown}
    </text>
  );
}

/** 2^t as a multiple: 0.25×, 0.5×, 1×, 2×, 4×. */
function multiple(t: number): string {
  const v = 2 ** t;
  return `${v >= 1 ? v.toFixed(0) : Number(v.toFixed(3)).toString()}×`;
}

/**
 * Lift as diverging bars on a log scale, so 2× and 0.5× are as long: over-represented to the
 * right of 1×, under-represented to the left, each with its 95% interval as a whisker; values
 * without a clear direction in a muted tone, sparse ones greyed and labelled so.
 */
export function LiftChart({ rows, label }: { rows: { key: string; label: string; row: LiftRow }[]; label: string }) {
  const withLift = rows.filter((r) => r.row.lift);
  // Symmetric domain in powers of two that holds every lift and interval, at least 0.5×–2×, at
  // most 1/8×–8×; a lift of 0 (no outcome at all) sits at the left edge.
  const extent = (x: number) => Math.abs(Math.log2(Math.min(8, Math.max(x, 1 / 8))));
  const reach = Math.min(3, Math.max(1, Math.ceil(Math.max(0, ...withLift.flatMap((r) => [extent(r.row.lift!.value), extent(r.row.lift!.low), extent(r.row.lift!.high)])) - 1e-9)));
  const clamp = (t: number) => Math.max(-reach, Math.min(reach, t));
  const data: Datum[] = withLift.map(({ key, label, row }) => {
    const lift = row.lift!;
    const log = clamp(lift.value > 0 ? log2(lift.value) : -Infinity);
    const low = clamp(lift.low > 0 ? log2(lift.low) : -Infinity);
    const high = clamp(log2(Math.max(lift.high, 2 ** -reach)));
    return {
      key,
      label,
      log,
      err: [Math.max(0, log - low), Math.max(0, high - log)],
      text: `${formatLift(lift).split(" ")[0]}${row.sparse ? " · sparse" : ""}`,
      row,
    };
  });
  const ticks = Array.from({ length: 2 * reach + 1 }, (_, i) => i - reach);
  const height = Math.max(120, data.length * 30 + 40);
  return (
    <div className="w-full" style={{ height }} role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 8, right: 8, bottom: 8, left: 8 }} barCategoryGap={6}>
          <XAxis type="number" domain={[-reach, reach]} ticks={ticks} tickFormatter={multiple} tickLine={false} axisLine={false} fontSize={12} />
          <YAxis yAxisId="label" type="category" dataKey="label" width={230} tickLine={false} axisLine={false} interval={0} tick={<CategoryTick />} />
          <YAxis yAxisId="lift" orientation="right" type="category" dataKey="text" width={96} tickLine={false} axisLine={false} fontSize={12} interval={0} />
          <ReferenceLine yAxisId="label" x={0} stroke="oklch(0.52 0.02 264)" />
          <Tooltip
            cursor={{ fill: "oklch(0.965 0.004 264)" }}
            content={({ active, payload }) => {
              const d = active ? (payload?.[0]?.payload as Datum | undefined) : undefined;
              if (!d) return null;
              const r = d.row;
              return (
                <div className="rounded-md border bg-card px-3 py-2 text-xs shadow-sm">
                  <p className="font-medium">{d.label}</p>
                  <p>
                    {formatLift(r.lift!)} · {(r.rate.value * 100).toFixed(1)}% of {r.records.toLocaleString("en")}
                  </p>
                  {r.sparse ? <p className="text-muted-foreground">Sparse: fewer than 30 records</p> : null}
                </div>
              );
            }}
          />
          <Bar yAxisId="label" dataKey="log" isAnimationActive={false} radius={2}>
            {data.map((d) => (
              <Cell key={d.key} fill={liftColour(d.row)} />
            ))}
            <ErrorBar dataKey="err" direction="x" width={4} stroke="oklch(0.4 0.02 264)" strokeWidth={1} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

"use client";
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type FunnelStep = { stage: string; count: number };

/** Stage counts as bars; each bar is labelled with its count. */
export function FunnelChart({ steps }: { steps: FunnelStep[] }) {
  return (
    <div className="h-72 w-full" role="img" aria-label={`Funnel: ${steps.map((s) => `${s.stage} ${s.count}`).join(", ")}`}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={steps} margin={{ top: 24, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid vertical={false} stroke="oklch(0.92 0.006 264)" />
          <XAxis dataKey="stage" tickLine={false} axisLine={false} fontSize={12} />
          <YAxis tickLine={false} axisLine={false} fontSize={12} width={48} />
          <Tooltip cursor={{ fill: "oklch(0.965 0.004 264)" }} />
          <Bar dataKey="count" name="Contacts" fill="oklch(0.51 0.21 275)" radius={[4, 4, 0, 0]}>
            <LabelList dataKey="count" position="top" fontSize={12} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

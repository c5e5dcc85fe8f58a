"use client";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select";
import type { StudioDimension, StudioParams } from "@/lib/calibration/studio-params";
import { cn } from "@/lib/utils";

/** Sets URL parameters (null removes one) without scrolling: the page re-reads them. */
export function useStudioUrl() {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  return (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(search.toString());
    for (const [k, v] of Object.entries(patch)) (v == null || v === "" ? next.delete(k) : next.set(k, v));
    router.replace(`${pathname}?${next.toString()}`, { scroll: false });
  };
}

/** A number field that writes to the URL once typing pauses. */
function DebouncedNumber({ id, value, onCommit, min, max, step, className, suffix }: { id: string; value: number; onCommit: (v: number) => void; min: number; max: number; step?: number; className?: string; suffix?: string }) {
  const [text, setText] = useState(String(value));
  useEffect(() => setText(String(value)), [value]);
  useEffect(() => {
    const n = Number(text);
    if (text === "" || !Number.isFinite(n) || n < min || n > max || n === value) return;
    const t = setTimeout(() => onCommit(n), 500);
    return () => clearTimeout(t);
  }, [text, min, max, value, onCommit]);
  return (
    <div className={cn("relative", className)}>
      <Input id={id} type="number" inputMode="decimal" min={min} max={max} step={step} value={text} onChange={(e) => setText(e.target.value)} className={cn("tabular-nums", suffix && "pr-7")} />
      {suffix ? <span className="pointer-events-none absolute right-2.5 top-1/2 -translate-y-1/2 text-sm text-muted-foreground">{suffix}</span> : null}
    </div>
  );
}

const DIMENSIONS: { value: StudioDimension; label: string }[] = [
  { value: "fit", label: "Fit" },
  { value: "engagement", label: "Engagement" },
  { value: "both", label: "Fit × engagement" },
];

function monthsBack(to: string, months: number) {
  const d = new Date(`${to}T00:00:00Z`);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - months, d.getUTCDate())).toISOString().slice(0, 10);
}

/** What the studio looks at (range, score, region) and what it plans for (goal, SDRs, leads per rep). */
export function StudioControls({ params, regions, activeSdrs }: { params: StudioParams; regions: { region: string; records: number }[]; activeSdrs: number }) {
  const set = useStudioUrl();
  return (
    <div className="space-y-4 rounded-lg border bg-card p-4 shadow-sm">
      <div className="flex flex-wrap items-end gap-x-8 gap-y-4">
      <fieldset className="space-y-1.5">
        <legend className="text-xs font-medium text-muted-foreground">MQLs qualified</legend>
        <div className="flex flex-wrap items-center gap-2">
          <Input type="date" aria-label="From" value={params.from} max={params.to} onChange={(e) => e.target.value && set({ from: e.target.value })} className="w-36" />
          <span className="text-muted-foreground">–</span>
          <Input type="date" aria-label="To" value={params.to} min={params.from} onChange={(e) => e.target.value && set({ to: e.target.value })} className="w-36" />
          <NativeSelect aria-label="Range" value="" onChange={(e) => e.target.value && set({ from: monthsBack(params.to, Number(e.target.value)) })} className="w-32">
            <option value="">Last…</option>
            <option value="6">6 months</option>
            <option value="12">12 months</option>
            <option value="24">24 months</option>
          </NativeSelect>
        </div>
      </fieldset>
      <fieldset className="space-y-1.5">
        <legend className="text-xs font-medium text-muted-foreground">Threshold on</legend>
        <div className="inline-flex rounded-md border bg-muted p-0.5" role="radiogroup" aria-label="Threshold on">
          {DIMENSIONS.map((d) => (
            <button
              key={d.value}
              type="button"
              role="radio"
              aria-checked={params.dimension === d.value}
              onClick={() => set({ dimension: d.value })}
              className={cn("rounded px-3 py-1.5 text-sm font-medium", params.dimension === d.value ? "bg-card shadow-sm" : "text-muted-foreground hover:text-foreground")}
            >
              {d.label}
            </button>
          ))}
        </div>
      </fieldset>
      <div className="space-y-1.5">
        <Label htmlFor="studio-region" className="text-xs text-muted-foreground">
          Region
        </Label>
        <NativeSelect id="studio-region" value={params.segment ?? ""} onChange={(e) => set({ segment: e.target.value || null })} className="w-44">
          <option value="">All regions</option>
          {regions.map((r) => (
            <option key={r.region} value={r.region}>
              {r.region}
            </option>
          ))}
        </NativeSelect>
      </div>
      </div>
      <fieldset className="space-y-1.5 border-t pt-3">
        <legend className="sr-only">Recommend a threshold for</legend>
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <span className="font-medium">Recommend a threshold for</span>
          <NativeSelect aria-label="Recommend for" value={params.goal} onChange={(e) => set({ goal: e.target.value })} className="w-44">
            <option value="capacity">the SDR capacity</option>
            <option value="target">a target rate</option>
          </NativeSelect>
          {params.goal === "target" ? (
            <>
              <NativeSelect aria-label="Target rate" value={params.metric} onChange={(e) => set({ metric: e.target.value })} className="w-48">
                <option value="sql">MQL→SQL at least</option>
                <option value="customer">MQL→customer at least</option>
              </NativeSelect>
              <label className="sr-only" htmlFor="studio-target">
                Target rate, percent
              </label>
              <DebouncedNumber id="studio-target" value={Math.round(params.target * 1000) / 10} min={1} max={99} step={0.5} suffix="%" className="w-24" onCommit={(v) => set({ target: String(v / 100) })} />
            </>
          ) : null}
          <span className="ml-4 font-medium">SDR capacity</span>
          <label className="sr-only" htmlFor="studio-reps">
            SDRs
          </label>
          <DebouncedNumber id="studio-reps" value={params.reps ?? activeSdrs} min={0} max={10000} className="w-20" onCommit={(v) => set({ reps: v === activeSdrs ? null : String(v) })} />
          <span className="text-muted-foreground">SDRs ×</span>
          <label className="sr-only" htmlFor="studio-per-rep">
            Leads per SDR per month
          </label>
          <DebouncedNumber id="studio-per-rep" value={params.perRep} min={1} max={10000} className="w-20" onCommit={(v) => set({ perRep: String(v) })} />
          <span className="text-muted-foreground">leads a month each</span>
          <span className="text-xs text-muted-foreground">
            ({params.reps == null ? `the ${activeSdrs} active SDR${activeSdrs === 1 ? "" : "s"} today` : `planning for ${params.reps}; ${activeSdrs} active today`})
          </span>
        </div>
      </fieldset>
    </div>
  );
}

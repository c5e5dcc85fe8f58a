"use client";
import { ArrowDownWideNarrow, Clock } from "lucide-react";
import { NativeSelect } from "@/components/ui/select";
import { cn } from "@/lib/utils";
import { QUEUE_AGES } from "@/lib/validation/queue";

export type QueueFilterValues = { sort: string; segment?: string; source?: string; age?: string; overdue: boolean };

/** Order and filters of the queue; every change goes to the URL, so a view can be shared and kept. */
export function QueueFilters({
  values,
  segments,
  sources,
  onChange,
}: {
  values: QueueFilterValues;
  segments: string[];
  sources: string[];
  onChange: (patch: Partial<Record<keyof QueueFilterValues, string | undefined>>) => void;
}) {
  return (
    <div className="flex flex-wrap items-center gap-2" role="toolbar" aria-label="Queue order and filters">
      <div className="inline-flex rounded-md border p-0.5" role="radiogroup" aria-label="Order">
        {[
          { value: "score", label: "Hottest", icon: ArrowDownWideNarrow },
          { value: "sla", label: "SLA urgency", icon: Clock },
        ].map((o) => (
          <button
            key={o.value}
            type="button"
            role="radio"
            aria-checked={values.sort === o.value}
            onClick={() => onChange({ sort: o.value === "score" ? undefined : o.value })}
            className={cn(
              "inline-flex items-center gap-1.5 rounded px-2.5 py-1 text-sm font-medium transition-colors",
              values.sort === o.value ? "bg-primary text-primary-foreground" : "text-muted-foreground hover:text-foreground",
            )}
          >
            <o.icon className="size-3.5" /> {o.label}
          </button>
        ))}
      </div>
      <NativeSelect aria-label="Segment" value={values.segment ?? ""} onChange={(e) => onChange({ segment: e.target.value || undefined })} className="h-8 w-auto">
        <option value="">All segments</option>
        {segments.map((s) => (
          <option key={s}>{s}</option>
        ))}
      </NativeSelect>
      <NativeSelect aria-label="Source" value={values.source ?? ""} onChange={(e) => onChange({ source: e.target.value || undefined })} className="h-8 w-auto">
        <option value="">All sources</option>
        {sources.map((s) => (
          <option key={s} value={s}>
            {s.replace(/_/g, " ")}
          </option>
        ))}
      </NativeSelect>
      <NativeSelect aria-label="Age" value={values.age ?? ""} onChange={(e) => onChange({ age: e.target.value || undefined })} className="h-8 w-auto">
        <option value="">Any age</option>
        {Object.entries(QUEUE_AGES).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </NativeSelect>
      <label className="inline-flex h-8 cursor-pointer items-center gap-2 rounded-md border px-2.5 text-sm">
        <input type="checkbox" checked={values.overdue} onChange={(e) => onChange({ overdue: e.target.checked ? "1" : undefined })} className="accent-[var(--primary)]" />
        Overdue only
      </label>
    </div>
  );
}

"use client";
import { Loader2 } from "lucide-react";
import { useRouter } from "next/navigation";
import * as React from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select";
import { FUNNEL_GROUPS, type FunnelGroup } from "@/lib/analytics/funnel-query";
import { FUNNEL_PRESETS, GROUP_LABELS, funnelPageHref, type FunnelPageState } from "@/lib/analytics/funnel-range";
import { cn } from "@/lib/utils";

/**
 * The period and the breakdown, kept in the URL: a preset (relative to today), or custom dates
 * applied together, and the group. The page stays on screen while the next one loads.
 */
export function FunnelControls({ state }: { state: FunnelPageState }) {
  const router = useRouter();
  const [pending, startTransition] = React.useTransition();
  const go = (next: Partial<FunnelPageState>) => startTransition(() => router.push(funnelPageHref({ ...state, ...next }), { scroll: false }));

  return (
    <div className="mt-4 flex flex-wrap items-end gap-x-6 gap-y-3">
      <div role="group" aria-label="Period" className="flex flex-wrap items-center gap-1 rounded-md border bg-muted/40 p-1">
        {FUNNEL_PRESETS.map((p) => (
          <Button
            key={p.key}
            size="sm"
            variant="ghost"
            aria-pressed={state.preset === p.key}
            className={cn("h-7", state.preset === p.key && "bg-card shadow-sm hover:bg-card")}
            onClick={() => go({ preset: p.key })}
          >
            {p.label}
          </Button>
        ))}
      </div>
      <CustomDates key={`${state.preset}:${state.from}:${state.to}`} state={state} onApply={(from, to) => go({ preset: "custom", from, to })} />
      <div className="grid gap-1">
        <Label htmlFor="funnel-group" className="text-xs text-muted-foreground">
          Break down by
        </Label>
        <NativeSelect id="funnel-group" className="w-44" value={state.groupBy} onChange={(e) => go({ groupBy: e.target.value as FunnelGroup })}>
          {FUNNEL_GROUPS.map((g) => (
            <option key={g} value={g}>
              {GROUP_LABELS[g]}
            </option>
          ))}
        </NativeSelect>
      </div>
      <p aria-live="polite" className="flex h-8 items-center gap-1.5 text-xs text-muted-foreground">
        {pending ? (
          <>
            <Loader2 className="size-3.5 animate-spin" /> Updating…
          </>
        ) : null}
      </p>
    </div>
  );
}

/** From and to, applied together; reset to the page's dates whenever they change. */
function CustomDates({ state, onApply }: { state: FunnelPageState; onApply: (from: string, to: string) => void }) {
  const [from, setFrom] = React.useState(state.from);
  const [to, setTo] = React.useState(state.to);
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      aria-label="Custom dates"
      onSubmit={(e) => {
        e.preventDefault();
        onApply(from, to);
      }}
    >
      <div className="grid gap-1">
        <Label htmlFor="funnel-from" className="text-xs text-muted-foreground">
          From
        </Label>
        <Input id="funnel-from" type="date" value={from} max={to || undefined} onChange={(e) => setFrom(e.target.value)} className="h-8 w-40" required />
      </div>
      <div className="grid gap-1">
        <Label htmlFor="funnel-to" className="text-xs text-muted-foreground">
          To
        </Label>
        <Input id="funnel-to" type="date" value={to} min={from || undefined} onChange={(e) => setTo(e.target.value)} className="h-8 w-40" required />
      </div>
      <Button type="submit" size="sm" variant={state.preset === "custom" ? "secondary" : "outline"} disabled={!from || !to || (from === state.from && to === state.to && state.preset === "custom")}>
        Apply dates
      </Button>
    </form>
  );
}

"use client";
import type { GridCell } from "@/lib/analytics/sweep-query";
import { cn } from "@/lib/utils";
import { pct, perMonth, pointStatus, rangeText, STATUS_LABEL } from "./point-status";

const HATCH = "repeating-linear-gradient(135deg, oklch(0.9 0.005 264) 0 3px, oklch(0.97 0.003 264) 3px 7px)";

function compact(n: number) {
  if (n >= 9_950) return `${Math.round(n / 1000)}k`;
  if (n >= 1_000) return `${(n / 1000).toFixed(1)}k`;
  return String(Math.round(n));
}

/**
 * Fit (columns) × engagement (rows, high at the top) thresholds, each cell coloured by its MQL→SQL
 * rate and labelled with its MQLs per month; cells with too few outcomes or never observed are
 * hatched grey. Cells are buttons: choosing one makes it the candidate.
 */
export function ThresholdHeatmap({
  cells,
  step,
  inForce,
  candidate,
  recommended,
  capacity,
  onPick,
}: {
  cells: GridCell[];
  step: number;
  inForce: { fit: number; engagement: number } | null;
  candidate: { fit: number; engagement: number };
  recommended: { fit: number; engagement: number } | null;
  capacity: number;
  onPick: (cell: { fit: number; engagement: number }) => void;
}) {
  const axis = Array.from({ length: 100 / step + 1 }, (_, i) => i * step);
  const byKey = new Map(cells.map((c) => [`${c.fit}:${c.engagement}`, c]));
  const rates = cells.filter((c) => pointStatus(c) === "confident").map((c) => c.mqlToSqlRate?.value ?? 0);
  const lo = rates.length ? Math.min(...rates) : 0;
  const hi = rates.length ? Math.max(...rates) : 1;
  const shade = (rate: number) => {
    const t = hi > lo ? (rate - lo) / (hi - lo) : 0.5;
    return { background: `oklch(${(0.95 - t * 0.5).toFixed(3)} ${(0.03 + t * 0.15).toFixed(3)} 275)`, color: t > 0.5 ? "white" : "oklch(0.25 0.03 275)" };
  };
  const same = (a: { fit: number; engagement: number } | null, c: GridCell) => !!a && a.fit === c.fit && a.engagement === c.engagement;
  return (
    <div className="space-y-3">
      <div className="overflow-x-auto">
        <div className="inline-grid min-w-full gap-px" style={{ gridTemplateColumns: `3.5rem repeat(${axis.length}, minmax(2.1rem, 1fr))` }}>
          {[...axis].reverse().map((engagement) => (
            <div key={engagement} className="contents">
              <div className="flex items-center justify-end pr-1.5 text-[11px] tabular-nums text-muted-foreground">{engagement % 10 === 0 ? `≥ ${engagement}` : ""}</div>
              {axis.map((fit) => {
                const c = byKey.get(`${fit}:${engagement}`);
                if (!c) return <div key={fit} />;
                const status = pointStatus(c);
                const sure = status === "confident";
                const style = sure && c.mqlToSqlRate ? shade(c.mqlToSqlRate.value) : { background: status === "empty" ? "oklch(0.985 0.002 264)" : HATCH, color: "oklch(0.55 0.02 264)" };
                const label = `fit ≥ ${fit}, engagement ≥ ${engagement}: ${perMonth(c.mqlsPerMonth)} MQLs a month, MQL→SQL ${pct(c.mqlToSqlRate?.value)} (${rangeText(c.mqlToSqlRate)}), ${c.backing} MQLs behind it, ${STATUS_LABEL[status]}`;
                return (
                  <button
                    key={fit}
                    type="button"
                    title={label}
                    aria-label={label}
                    aria-pressed={same(candidate, c)}
                    onClick={() => onPick({ fit, engagement })}
                    style={style}
                    className={cn(
                      "relative flex h-8 items-center justify-center text-[10px] font-medium tabular-nums outline-offset-0",
                      c.mqlsPerMonth > capacity && capacity > 0 && sure && "opacity-60",
                      same(inForce, c) && "ring-2 ring-inset ring-[oklch(0.3_0.02_264)]",
                      same(candidate, c) && "z-10 ring-[3px] ring-[oklch(0.62_0.2_45)]",
                    )}
                  >
                    {c.backing > 0 ? compact(c.mqlsPerMonth) : ""}
                    {same(recommended, c) ? <span className="absolute -right-0.5 -top-1 text-[11px] text-[oklch(0.55_0.14_165)]" aria-hidden>★</span> : null}
                  </button>
                );
              })}
            </div>
          ))}
          <div />
          {axis.map((fit) => (
            <div key={fit} className="pt-1 text-center text-[11px] tabular-nums text-muted-foreground">
              {fit % 10 === 0 ? fit : ""}
            </div>
          ))}
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-x-5 gap-y-2 text-xs text-muted-foreground">
        <span>Columns: fit ≥ · rows: engagement ≥ · numbers: MQLs per month</span>
        <span className="flex items-center gap-1.5">
          MQL→SQL {pct(lo, 0)}
          <span className="h-3 w-20 rounded-sm" style={{ background: "linear-gradient(90deg, oklch(0.95 0.03 275), oklch(0.45 0.18 275))" }} />
          {pct(hi, 0)}
        </span>
        <span className="flex items-center gap-1.5">
          <span className="h-3 w-4 rounded-sm" style={{ background: HATCH }} /> n &lt; 30 or not observed
        </span>
        <span className="flex items-center gap-1.5">
          <span className="h-3 w-4 rounded-sm ring-2 ring-inset ring-[oklch(0.3_0.02_264)]" /> in force
        </span>
        <span className="flex items-center gap-1.5">
          <span className="h-3 w-4 rounded-sm ring-[3px] ring-inset ring-[oklch(0.62_0.2_45)]" /> candidate
        </span>
        <span className="flex items-center gap-1.5">
          <span className="text-[oklch(0.55_0.14_165)]">★</span> recommended
        </span>
        {capacity > 0 ? <span>faded: over the SDR capacity</span> : null}
      </div>
    </div>
  );
}

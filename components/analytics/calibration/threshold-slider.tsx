"use client";

/**
 * A candidate threshold: a slider named "<Fit|Engagement> threshold" (what assistive technology and
 * the end-to-end journey find it by), its value beside it, and the threshold in force marked.
 */
export function ThresholdSlider({ label, value, onChange, inForce, step = 1, testId }: { label: string; value: number; onChange: (v: number) => void; inForce: number | null; step?: number; testId: string }) {
  const id = `slider-${testId}`;
  return (
    <div className="space-y-1.5">
      <div className="flex items-baseline justify-between gap-3">
        <label htmlFor={id} className="text-sm font-medium">
          {label}
        </label>
        <span className="text-sm tabular-nums">
          <span className="text-lg font-semibold" data-testid={`${testId}-value`}>
            ≥ {value}
          </span>
          {inForce != null ? <span className="ml-2 text-xs text-muted-foreground">in force ≥ {inForce}</span> : null}
        </span>
      </div>
      <div className="relative">
        <input
          id={id}
          type="range"
          min={0}
          max={100}
          step={step}
          value={value}
          onChange={(e) => onChange(Number(e.target.value))}
          className="w-full accent-[oklch(0.51_0.21_275)]"
          data-testid={testId}
        />
        {inForce != null ? (
          <span aria-hidden className="pointer-events-none absolute top-full h-2 w-0.5 -translate-x-1/2 bg-[oklch(0.3_0.02_264)]" style={{ left: `calc(${inForce}% + ${(0.5 - inForce / 100) * 16}px)` }} />
        ) : null}
      </div>
    </div>
  );
}

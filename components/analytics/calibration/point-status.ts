import type { SweepPoint } from "@/lib/analytics/sweep-query";

/** How much a point can be trusted, as the charts, read-outs and tables all say it. */
export type PointStatus = "confident" | "sparse" | "unobserved" | "empty";

export function pointStatus(p: SweepPoint | null | undefined): PointStatus {
  if (!p || p.backing === 0) return "empty";
  if (!p.observed) return "unobserved";
  return p.sparse ? "sparse" : "confident";
}

export const STATUS_LABEL: Record<PointStatus, string> = {
  confident: "Enough outcomes",
  sparse: "n < 30: too few outcomes",
  unobserved: "Not observed: only leads that reached sales another way",
  empty: "No MQLs",
};

export const COLORS = {
  volume: "oklch(0.51 0.21 275)",
  uncertain: "oklch(0.83 0.01 264)",
  sql: "oklch(0.55 0.14 165)",
  customer: "oklch(0.62 0.17 45)",
  inForce: "oklch(0.3 0.02 264)",
  candidate: "oklch(0.51 0.21 275)",
  recommended: "oklch(0.55 0.14 165)",
  capacity: "oklch(0.58 0.22 27)",
} as const;

export const pct = (x: number | null | undefined, digits = 1) => (x == null ? "—" : `${(x * 100).toFixed(digits)}%`);
export const rangeText = (r: { low: number; high: number } | null) => (r ? `${(r.low * 100).toFixed(1)}–${(r.high * 100).toFixed(1)}%` : "—");
export const perMonth = (n: number) => Math.round(n).toLocaleString("en");

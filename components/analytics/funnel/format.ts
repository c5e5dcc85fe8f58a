/** How the funnel's figures read: rates as percentages, durations in days, spend in dollars. */
export function percent(fraction: number | null | undefined, digits = 1): string {
  return fraction === null || fraction === undefined || !Number.isFinite(fraction) ? "—" : `${(fraction * 100).toFixed(digits)}%`;
}

/** A share of a count, "—" when there is nothing to divide. */
export function share(n: number, of: number): number | null {
  return of > 0 ? n / of : null;
}

export function days(n: number | null | undefined): string {
  if (n === null || n === undefined) return "—";
  return n < 1 ? `${(n * 24).toFixed(1)} h` : `${n.toFixed(1)} d`;
}

const dollars = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });
export function money(cents: number | null | undefined): string {
  return cents === null || cents === undefined ? "—" : dollars.format(cents / 100);
}

/** Rounded for a CSV: fractions to 4 places, cents to whole cents. */
export const round = (n: number | null, places = 4) => (n === null ? null : Math.round(n * 10 ** places) / 10 ** places);

/** The chart palette: one hue per outcome, readable on white and distinct for common colour blindness. */
export const COLORS = {
  primary: "oklch(0.51 0.21 275)",
  secondary: "oklch(0.72 0.13 200)",
  customer: "oklch(0.55 0.15 155)",
  open: "oklch(0.72 0.12 240)",
  lost: "oklch(0.7 0.14 60)",
  rejected: "oklch(0.6 0.18 25)",
  other: "oklch(0.8 0.01 264)",
  grid: "oklch(0.92 0.006 264)",
  cursor: "oklch(0.965 0.004 264)",
};

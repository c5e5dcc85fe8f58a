/**
 * When a cohort of MQLs (one MQL month) is too young to judge. Its conversion still rises while
 * its leads are being worked, so a young cohort's rates understate what it will convert at.
 *
 * The rule: a cohort is immature while fewer days have passed since the end of its month than
 * the typical (median) MQL→customer time — its latest MQLs have not yet had the time most
 * customers take — or while more than half of its MQLs are still open.
 */
export const IMMATURE_OPEN_SHARE = 0.5;

export type CohortMaturity = { immature: boolean; reason: "young" | "open" | null };

export function cohortMaturity(
  cohort: { month: string; mqls: number; open: number },
  { now, typicalDaysToCustomer }: { now: Date; typicalDaysToCustomer: number | null },
): CohortMaturity {
  const [year, month] = cohort.month.split("-").map(Number) as [number, number];
  const monthEnd = Date.UTC(year, month, 1); // the first instant of the next month
  const daysSinceEnd = (now.getTime() - monthEnd) / 86_400_000;
  if (typicalDaysToCustomer !== null && daysSinceEnd < typicalDaysToCustomer) return { immature: true, reason: "young" };
  if (cohort.mqls > 0 && cohort.open / cohort.mqls > IMMATURE_OPEN_SHARE) return { immature: true, reason: "open" };
  return { immature: false, reason: null };
}

/** The rule in words, for the page. */
export function maturityRule(typicalDaysToCustomer: number | null): string {
  const open = `more than ${Math.round(IMMATURE_OPEN_SHARE * 100)}% of its MQLs are still open`;
  if (typicalDaysToCustomer === null) return `A cohort is immature while ${open} (no MQL has become a customer yet, so there is no typical time to close).`;
  return `A cohort is immature while less than the typical MQL → customer time (median ${typicalDaysToCustomer.toFixed(0)} days) has passed since its month ended, or while ${open}. Its rates will still rise.`;
}

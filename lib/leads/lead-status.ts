import type { MqlStatus } from "../../db/schema/enums";

/** Stage names as a sentence uses them ("moved it to SQL"). */
export const STAGE_LABELS: Record<MqlStatus, string> = {
  mql: "MQL",
  sal: "SAL",
  sql: "SQL",
  opportunity: "opportunity",
  customer: "customer",
  lost: "lost",
  rejected: "rejected",
  recycled: "recycled",
};

/** "this lead is …" */
export const STATUS_PHRASES: Record<MqlStatus, string> = {
  mql: "an MQL",
  sal: "a SAL",
  sql: "an SQL",
  opportunity: "an opportunity",
  customer: "a customer (won)",
  lost: "lost",
  rejected: "rejected and back in nurture",
  recycled: "recycled to nurture",
};

/** Records still being worked; the others are closed. */
export const OPEN_STATUSES = ["mql", "sal", "sql", "opportunity"] as const satisfies readonly MqlStatus[];

export function isOpen(status: MqlStatus): boolean {
  return (OPEN_STATUSES as readonly MqlStatus[]).includes(status);
}

function joinOr(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} or ${items.at(-1)}`;
}

/**
 * Null when the record's status is one the action starts from; otherwise why not, e.g.
 * "Only an MQL can be accepted; this lead is a SAL."
 */
export function refuseStatus(status: MqlStatus, allowed: readonly MqlStatus[], verb: string): string | null {
  if (allowed.includes(status)) return null;
  const only = joinOr(allowed.map((s) => STATUS_PHRASES[s]));
  return `Only ${only} can be ${verb}; this lead is ${STATUS_PHRASES[status]}.`;
}

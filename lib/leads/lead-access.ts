import type { MqlRecord } from "../../db/schema/mql-records";
import type { UserRole } from "../../db/schema/enums";

/** The person acting: the signed-in user's id and role, as the session reads them. */
export type LeadActor = { userId: string; role: UserRole };

/**
 * Which of a rep's two places a lead must be in for an action:
 *
 * - `queue`: the MQL/SAL queue — the lead is routed to them (`assignedRepId`). SDRs, and account
 *   executives where routing sends MQLs straight to them.
 * - `pipeline`: a sales rep's SQLs and opportunities — handed to them (`salesOwnerId`).
 * - `either`: anything they hold (logging an activity).
 *
 * Admins hold everything; marketers nothing (PRODUCT.md §1).
 */
export type LeadPlace = "queue" | "pipeline" | "either";

type Holders = Pick<MqlRecord, "assignedRepId" | "salesOwnerId">;

export function holdsInQueue(actor: LeadActor, record: Holders): boolean {
  return (actor.role === "sdr" || actor.role === "sales") && record.assignedRepId === actor.userId;
}

export function holdsInPipeline(actor: LeadActor, record: Holders): boolean {
  return actor.role === "sales" && record.salesOwnerId === actor.userId;
}

/** Null when the actor may act on the record there; otherwise the reason they may not. */
export function refuseAccess(actor: LeadActor, record: Holders, place: LeadPlace): string | null {
  if (actor.role === "admin") return null;
  if (actor.role === "marketer") return "Marketers can read leads but not act on them.";
  const queue = holdsInQueue(actor, record);
  const pipeline = holdsInPipeline(actor, record);
  if (place === "queue" && !queue) return "This lead is not in your queue.";
  if (place === "pipeline" && !pipeline) return actor.role === "sales" ? "This SQL is not in your pipeline." : "Only the sales rep it was handed to can do this.";
  if (place === "either" && !queue && !pipeline) return actor.role === "sales" ? "This lead is not in your queue or pipeline." : "This lead is not in your queue.";
  return null;
}

import type { Bant } from "../schema/mql-records";
import type { ActorType, LifecycleStage, MqlReason, MqlStatus } from "../schema/enums";

/** An MQL record as the generator builds it; times are epoch milliseconds. */
export type SeedMqlRecord = {
  id: string;
  contactId: string;
  accountId: string | null;
  status: MqlStatus;
  mqlAt: number;
  fitScore: number;
  engagementScore: number;
  priorityScore: number;
  modelVersionId: string;
  reason: MqlReason;
  reasonDetail: string | null;
  segment: string;
  region: string;
  source: string;
  campaignId: string | null;
  assignedRepId: string;
  assignedAt: number;
  routingRuleId: string;
  routingReason: string;
  slaDueAt: number;
  firstTouchAt: number | null;
  acceptedAt: number | null;
  sqlAt: number | null;
  bant: Bant | null;
  salesOwnerId: string | null;
  salesAcceptedAt: number | null;
  opportunityAt: number | null;
  wonAt: number | null;
  lostAt: number | null;
  lostReason: string | null;
  rejectedAt: number | null;
  rejectedById: string | null;
  rejectionReason: string | null;
  rejectionNote: string | null;
  recycledAt: number | null;
  closedAt: number | null;
  version: number;
  updatedAt: number;
};

export type SeedTransition = {
  contactId: string;
  mqlRecordId: string | null;
  fromStage: string | null;
  toStage: string;
  occurredAt: number;
  actorType: ActorType;
  actorUserId: string | null;
  modelVersionId: string | null;
  reason: string | null;
  note: string | null;
};

/** The contact stage a record's status puts its contact in: a rejected lead goes back to nurture. */
export function stageForStatus(status: MqlStatus): LifecycleStage {
  return status === "rejected" ? "recycled" : status;
}

export const OPEN_STATUSES: ReadonlySet<MqlStatus> = new Set(["mql", "sal"]);
export const TERMINAL_STATUSES: ReadonlySet<MqlStatus> = new Set(["customer", "lost", "rejected", "recycled"]);

import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { mqlRecords, routingRules, slaPolicies, territories, territoryMembers, userAvailability, users } from "../../db/schema";
import type { SlaPolicy } from "../../db/schema/routing";
import { chooseAssignee, type RepInput, type RoutingDecision, type RoutingRuleInput, type RoutingSubject, type TerritoryInput, type TerritoryMemberInput } from "./choose-assignee";
import { addBusinessHours, isValidTimeZone } from "./sla";

/** Users a lead can be routed to. */
const ROUTABLE_ROLES = ["sdr", "sales", "admin"] as const;
/** The statuses that count against a rep's cap: the leads waiting in their queue. */
export const QUEUE_STATUSES = ["mql", "sal"] as const;

type Territory = TerritoryInput & { slaPolicyId: string | null };

/**
 * Everything routing decides from, read once for a batch of assignments and kept current as it
 * assigns: the caller holds the routing lock, so no one else assigns meanwhile.
 */
export class RoutingState {
  private constructor(
    private readonly rules: RoutingRuleInput[],
    private readonly territories: Territory[],
    private readonly members: TerritoryMemberInput[],
    private readonly reps: (RepInput & { timezone: string })[],
    private readonly policies: SlaPolicy[],
  ) {}

  /**
   * Due times already computed, by instant, policy and time zone: a scoring run assigns thousands
   * of MQLs at one instant to reps in a handful of zones, and each computation walks the calendar
   * in the rep's zone (about 0.2 ms).
   */
  private readonly dueTimes = new Map<string, Date>();

  /**
   * Reads the routing state inside `tx`, first taking the transaction-scoped routing lock: two
   * assignments at once would otherwise both pick the same "least recently assigned" rep.
   */
  static async load(tx: Database): Promise<RoutingState> {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('handoff:routing'))`);
    const [rules, territoryRows, members, reps, openCounts, policies] = await Promise.all([
      tx.select().from(routingRules).where(eq(routingRules.isActive, true)),
      tx.select({ id: territories.id, name: territories.name, slaPolicyId: territories.slaPolicyId }).from(territories),
      tx.select().from(territoryMembers).orderBy(territoryMembers.territoryId, territoryMembers.userId),
      tx
        .select({
          id: users.id,
          name: users.name,
          timezone: users.timezone,
          deactivatedAt: users.deactivatedAt,
          isAvailable: userAvailability.isAvailable,
          unavailableUntil: userAvailability.unavailableUntil,
          maxOpenMqls: userAvailability.maxOpenMqls,
        })
        .from(users)
        .leftJoin(userAvailability, eq(userAvailability.userId, users.id))
        .where(inArray(users.role, [...ROUTABLE_ROLES])),
      tx
        .select({ repId: mqlRecords.assignedRepId, n: sql<number>`count(*)::int` })
        .from(mqlRecords)
        .where(and(inArray(mqlRecords.status, [...QUEUE_STATUSES]), sql`${mqlRecords.assignedRepId} is not null`))
        .groupBy(mqlRecords.assignedRepId),
      tx.select().from(slaPolicies).orderBy(slaPolicies.createdAt, slaPolicies.id),
    ]);
    const open = new Map(openCounts.map((r) => [r.repId!, Number(r.n)]));
    return new RoutingState(
      rules,
      territoryRows,
      members,
      reps.map((r) => ({
        id: r.id,
        name: r.name,
        timezone: isValidTimeZone(r.timezone) ? r.timezone : "UTC",
        deactivated: r.deactivatedAt !== null,
        isAvailable: r.isAvailable ?? true,
        unavailableUntil: r.unavailableUntil,
        maxOpenMqls: r.maxOpenMqls,
        openMqls: open.get(r.id) ?? 0,
      })),
      policies,
    );
  }

  /** Who gets the lead, and when its first touch is due. Records the assignment in this state. */
  assign(subject: RoutingSubject, at: Date): RoutingDecision & { slaDueAt: Date | null; slaPolicyId: string | null; repTimeZone: string | null } {
    const decision = chooseAssignee({ subject, rules: this.rules, territories: this.territories, members: this.members, reps: this.reps, now: at });
    if (!decision.repId) return { ...decision, slaDueAt: null, slaPolicyId: null, repTimeZone: null };
    const rep = this.reps.find((r) => r.id === decision.repId)!;
    rep.openMqls += 1;
    const member = this.members.find((m) => m.userId === rep.id && m.territoryId === decision.territoryId);
    if (member && decision.kind === "round_robin") {
      member.lastAssignedAt = at;
      member.assignedCount += 1;
    }
    const policy = this.policyFor(decision.territoryId, rep.id);
    const slaDueAt = policy ? this.dueTime(at, policy, rep.timezone) : null;
    return { ...decision, slaDueAt, slaPolicyId: policy?.id ?? null, repTimeZone: rep.timezone };
  }

  private dueTime(at: Date, policy: SlaPolicy, timeZone: string): Date {
    const key = `${at.getTime()}|${policy.id}|${timeZone}`;
    let due = this.dueTimes.get(key);
    if (!due) this.dueTimes.set(key, (due = addBusinessHours({ start: at, hours: policy.firstTouchHours, policy, timeZone })));
    return new Date(due);
  }

  /** The territory's SLA, else that of the rep's first territory, else the workspace's first policy. */
  private policyFor(territoryId: string | null, repId: string): SlaPolicy | undefined {
    const ownTerritory = territoryId ?? this.members.find((m) => m.userId === repId)?.territoryId;
    const policyId = this.territories.find((t) => t.id === ownTerritory)?.slaPolicyId;
    return this.policies.find((p) => p.id === policyId) ?? this.policies[0];
  }

  /** Writes back the round-robin's memory for the members assigned in this batch, in one statement. */
  async save(tx: Database, assigned: RoutingDecision[], at: Date): Promise<void> {
    const counts = new Map<string, { territory_id: string; user_id: string; n: number }>();
    for (const d of assigned) {
      if (d.kind !== "round_robin" || !d.repId || !d.territoryId) continue;
      const key = `${d.territoryId}|${d.repId}`;
      const seat = counts.get(key) ?? { territory_id: d.territoryId, user_id: d.repId, n: 0 };
      seat.n += 1;
      counts.set(key, seat);
    }
    if (counts.size === 0) return;
    await tx.execute(sql`
      update territory_members m set last_assigned_at = ${at.toISOString()}::timestamptz, assigned_count = m.assigned_count + v.n
      from json_to_recordset(${JSON.stringify([...counts.values()])}::json) as v(territory_id uuid, user_id uuid, n int)
      where m.territory_id = v.territory_id and m.user_id = v.user_id`);
  }
}


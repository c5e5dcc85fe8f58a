import { copyRows, jsonb, type SqlRunner } from "./bulk-copy";
import { campaignSpend, type SeedCampaign } from "./campaigns";
import type { Random } from "./random";
import type { SeedMqlRecord } from "./records";
import type { RoundRobin, Team } from "./team";
import { DAY_MS, HOUR_MS, isoTimestamp } from "./time";

/** The small tables: the team, its territories and routing, campaigns, and a few notifications. */

const day = (ms: number) => isoTimestamp(ms).slice(0, 10);

export async function writeTeam(runner: SqlRunner, team: Team, passwordHash: string, createdAtMs: number, nowMs: number): Promise<number> {
  const created = new Date(createdAtMs);
  let rows = await copyRows(
    runner,
    "users",
    ["id", "name", "email", "password_hash", "role", "timezone", "title", "created_at"],
    team.members.map((m) => [m.id, m.name, m.email, passwordHash, m.role, m.timezone, m.title, created]),
  );
  rows += await copyRows(
    runner,
    "user_availability",
    ["user_id", "is_available", "unavailable_until", "max_open_mqls", "updated_at"],
    team.members
      .filter((m) => m.role === "sdr" || m.role === "sales")
      .map((m) => {
        const awayNow = m.awayFrom !== undefined && m.awayUntil !== undefined && m.awayFrom <= nowMs && nowMs < m.awayUntil;
        return [m.id, !awayNow, awayNow ? new Date(m.awayUntil!) : null, m.maxOpenMqls ?? null, new Date(awayNow ? m.awayFrom! : createdAtMs)];
      }),
  );
  rows += await copyRows(
    runner,
    "sla_policies",
    ["id", "name", "first_touch_hours", "created_at"],
    team.slaPolicies.filter((p) => !p.existing).map((p) => [p.id, p.name, p.firstTouchHours, created]),
  );
  // The workspace's own policy came first: routing falls back to the oldest one.
  for (const p of team.slaPolicies.filter((p) => p.existing)) {
    await runner.query("update sla_policies set created_at = $1 where id = $2", [new Date(createdAtMs - 60_000).toISOString(), p.id]);
  }
  const territories = Object.values(team.territories);
  rows += await copyRows(
    runner,
    "territories",
    ["id", "name", "description", "sla_policy_id", "created_at"],
    territories.map((t) => [t.id, t.name, `SDRs who work ${t.region} leads`, t.slaPolicyId, created]),
  );
  rows += await copyRows(
    runner,
    "routing_rules",
    ["id", "name", "priority", "conditions", "territory_id", "is_active", "created_at"],
    territories.map((t) => [t.ruleId, t.ruleName, t.rulePriority, jsonb({ regions: [t.region] }), t.id, true, created]),
  );
  return rows;
}

/** Members with the round-robin's memory of whom it served last, as routing left it. */
export async function writeTerritoryMembers(runner: SqlRunner, team: Team, routing: RoundRobin): Promise<number> {
  const rows = Object.values(team.territories).flatMap((t) =>
    t.sdrs.map((rep) => {
      const last = routing.lastAssignedAt.get(rep.id);
      return [t.id, rep.id, last === undefined ? null : new Date(last), routing.assignedCount.get(rep.id) ?? 0];
    }),
  );
  return copyRows(runner, "territory_members", ["territory_id", "user_id", "last_assigned_at", "assigned_count"], rows);
}

export async function writeCampaigns(
  runner: SqlRunner,
  rng: Random,
  campaigns: readonly SeedCampaign[],
  nowMs: number,
  spendScale: number,
): Promise<{ campaigns: number; spend: number }> {
  const written = await copyRows(
    runner,
    "campaigns",
    ["id", "name", "channel", "starts_on", "ends_on", "created_at"],
    campaigns.map((c) => [c.id, c.name, c.channel, day(c.startsOn), c.endsOn === null ? null : day(c.endsOn), new Date(c.startsOn - 7 * DAY_MS)]),
  );
  const spend = campaignSpend(rng, campaigns, nowMs, spendScale);
  await copyRows(runner, "campaign_spend", ["campaign_id", "month", "amount_cents"], spend.map((s) => [s.campaignId, s.month, s.amountCents]));
  return { campaigns: written, spend: spend.length };
}

export type NotificationSubject = { record: SeedMqlRecord; contactName: string; company: string | null };

/** The bell for the demo SDR: the newest leads routed to them, and the ones past their SLA. */
export async function writeNotifications(
  runner: SqlRunner,
  ids: Random,
  userId: string,
  open: readonly NotificationSubject[],
  nowMs: number,
): Promise<number> {
  const newest = [...open].sort((a, b) => b.record.mqlAt - a.record.mqlAt).slice(0, 10);
  const rows = newest.map(({ record: r, contactName, company }, i) => [
    "mql.assigned",
    `New MQL: ${contactName}${company ? ` (${company})` : ""}`,
    `Fit ${Math.round(r.fitScore)} · engagement ${Math.round(r.engagementScore)}. First touch due ${isoTimestamp(r.slaDueAt).slice(0, 16).replace("T", " ")} UTC.`,
    `/contacts/${r.contactId}`,
    r.id,
    i < 6 ? null : new Date(Math.min(nowMs, r.assignedAt + 2 * HOUR_MS)),
    new Date(r.assignedAt),
  ]);
  const overdue = open.filter(({ record: r }) => r.status === "mql" && r.firstTouchAt === null && r.slaDueAt < nowMs).slice(0, 5);
  for (const { record: r, contactName } of overdue) {
    rows.push(["sla.overdue", `First touch overdue: ${contactName}`, "The SLA for the first touch has passed.", `/contacts/${r.contactId}`, r.id, null, new Date(r.slaDueAt)]);
  }
  return copyRows(
    runner,
    "notifications",
    ["kind", "title", "body", "href", "mql_record_id", "read_at", "created_at", "user_id", "id"],
    rows.map((row) => [...row, userId, ids.uuid()]),
  );
}

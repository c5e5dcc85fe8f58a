import type { UserRole } from "../schema/enums";
import type { Region } from "./geography";
import type { Random } from "./random";
import { generatedReps } from "./team-growth";
import { DAY_MS } from "./time";

export type TeamMember = {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  title: string;
  timezone: string;
  /** Whole-hour UTC offset of the timezone, for business-hour arithmetic. */
  utcOffset: number;
  regions: Region[];
  /** Out of office over [awayFrom, awayUntil): routing skips the rep. */
  awayFrom?: number;
  awayUntil?: number;
  maxOpenMqls?: number;
  /** Share of the last two weeks' leads still waiting for this rep's first touch. */
  untouchedShare?: number;
};

/** A member before ids and dates: `awayDays` is the out-of-office span in days around now. */
export type MemberSpec = Omit<TeamMember, "id" | "awayFrom" | "awayUntil"> & { awayDays?: [number, number] };

/** One demo login per role (the first four), then the rest of a realistic revenue team. */
const MEMBERS: readonly MemberSpec[] = [
  { email: "admin@handoff.demo", name: "Avery Admin", role: "admin", title: "Revenue Operations Lead", timezone: "America/New_York", utcOffset: -5, regions: [] },
  { email: "marketer@handoff.demo", name: "Morgan Marketer", role: "marketer", title: "Demand Generation Manager", timezone: "America/Chicago", utcOffset: -6, regions: [] },
  // The demo SDR is a little behind, so the queue shows what overdue leads look like.
  { email: "sdr@handoff.demo", name: "Sam Rivera", role: "sdr", title: "Sales Development Representative", timezone: "America/New_York", utcOffset: -5, regions: ["North America"], untouchedShare: 0.15 },
  { email: "sales@handoff.demo", name: "Alex Chen", role: "sales", title: "Account Executive", timezone: "America/Los_Angeles", utcOffset: -8, regions: ["North America"] },
  { email: "sdr2@handoff.demo", name: "Jordan Patel", role: "sdr", title: "Sales Development Representative", timezone: "America/Chicago", utcOffset: -6, regions: ["North America"], maxOpenMqls: 12 },
  { email: "sdr3@handoff.demo", name: "Priya Shah", role: "sdr", title: "Sales Development Representative", timezone: "Europe/London", utcOffset: 0, regions: ["EMEA"] },
  { email: "sdr4@handoff.demo", name: "Lukas Weber", role: "sdr", title: "Sales Development Representative", timezone: "Europe/Berlin", utcOffset: 1, regions: ["EMEA"], awayDays: [-4, 6] },
  { email: "sdr5@handoff.demo", name: "Wei Ling Tan", role: "sdr", title: "Sales Development Representative", timezone: "Asia/Singapore", utcOffset: 8, regions: ["APAC"], maxOpenMqls: 40 },
  { email: "sdr6@handoff.demo", name: "Camila Souza", role: "sdr", title: "Sales Development Representative", timezone: "America/Sao_Paulo", utcOffset: -3, regions: ["LATAM"] },
  { email: "ae2@handoff.demo", name: "Marcus Johnson", role: "sales", title: "Senior Account Executive", timezone: "America/New_York", utcOffset: -5, regions: ["North America", "LATAM"] },
  { email: "ae3@handoff.demo", name: "Oliver Bennett", role: "sales", title: "Account Executive, EMEA", timezone: "Europe/London", utcOffset: 0, regions: ["EMEA"] },
  { email: "ae4@handoff.demo", name: "Hannah Kim", role: "sales", title: "Account Executive, APAC", timezone: "Australia/Sydney", utcOffset: 10, regions: ["APAC"] },
];

export type SeedTerritory = {
  id: string;
  name: string;
  region: Region;
  utcOffset: number;
  slaPolicyId: string;
  slaHours: number;
  ruleId: string;
  ruleName: string;
  rulePriority: number;
  sdrs: TeamMember[];
};

export type SeedSlaPolicy = { id: string; name: string; firstTouchHours: number; existing: boolean };

export type Team = {
  members: TeamMember[];
  byEmail: Map<string, TeamMember>;
  territories: Record<Region, SeedTerritory>;
  aesByRegion: Record<Region, TeamMember[]>;
  slaPolicies: SeedSlaPolicy[];
};

const TERRITORY_SPECS: readonly { region: Region; name: string; utcOffset: number; extendedSla: boolean; priority: number }[] = [
  { region: "North America", name: "North America SDRs", utcOffset: -5, extendedSla: false, priority: 10 },
  { region: "EMEA", name: "EMEA SDRs", utcOffset: 0, extendedSla: false, priority: 20 },
  { region: "APAC", name: "APAC SDRs", utcOffset: 8, extendedSla: true, priority: 30 },
  { region: "LATAM", name: "LATAM SDRs", utcOffset: -3, extendedSla: true, priority: 40 },
];

export const EXTENDED_SLA = { name: "Follow-the-sun: 8 business hours", firstTouchHours: 8 };

/**
 * The named team, and for a data set of more than `TEAM_GROWS_ABOVE_CONTACTS` contacts the
 * generated reps it needs (`size.rng` draws them, so the seed decides who they are).
 */
export function buildTeam(
  ids: Random,
  nowMs: number,
  standardSla: { id: string; firstTouchHours: number; name: string },
  size?: { contacts: number; rng: Random },
): Team {
  const specs = size ? [...MEMBERS, ...generatedReps(size.rng, size.contacts, MEMBERS)] : MEMBERS;
  const members: TeamMember[] = specs.map(({ awayDays, ...spec }) => ({
    ...spec,
    id: ids.uuid(),
    ...(awayDays ? { awayFrom: nowMs + awayDays[0] * DAY_MS, awayUntil: nowMs + awayDays[1] * DAY_MS } : {}),
  }));
  const extended: SeedSlaPolicy = { id: ids.uuid(), ...EXTENDED_SLA, existing: false };
  const standard: SeedSlaPolicy = { ...standardSla, existing: true };
  const territories = {} as Record<Region, SeedTerritory>;
  const aesByRegion = {} as Record<Region, TeamMember[]>;
  for (const spec of TERRITORY_SPECS) {
    const sla = spec.extendedSla ? extended : standard;
    territories[spec.region] = {
      id: ids.uuid(),
      name: spec.name,
      region: spec.region,
      utcOffset: spec.utcOffset,
      slaPolicyId: sla.id,
      slaHours: sla.firstTouchHours,
      ruleId: ids.uuid(),
      ruleName: `${spec.region} leads`,
      rulePriority: spec.priority,
      sdrs: members.filter((m) => m.role === "sdr" && m.regions.includes(spec.region)),
    };
    aesByRegion[spec.region] = members.filter((m) => m.role === "sales" && m.regions.includes(spec.region));
  }
  return { members, byEmail: new Map(members.map((m) => [m.email, m])), territories, aesByRegion, slaPolicies: [standard, extended] };
}

export type Assignment = { rep: TeamMember; reason: string };

/**
 * Round-robin within a territory, as the router does it: skip reps who are out of office at the
 * time and reps already at their cap of open leads. Only recent leads count against the cap
 * (older ones were closed long ago); `release` gives the slot back when one is closed.
 */
export class RoundRobin {
  private next = new Map<string, number>();
  readonly openCount = new Map<string, number>();
  readonly assignedCount = new Map<string, number>();
  readonly lastAssignedAt = new Map<string, number>();

  /** A lead that counted against the rep's cap has been closed. */
  release(rep: TeamMember): void {
    this.openCount.set(rep.id, Math.max(0, (this.openCount.get(rep.id) ?? 0) - 1));
  }

  assign(territory: SeedTerritory, atMs: number, countsAsOpen: boolean): Assignment {
    const reps = territory.sdrs;
    const start = this.next.get(territory.id) ?? 0;
    const skipped: string[] = [];
    let chosen: TeamMember | undefined;
    for (let i = 0; i < reps.length && !chosen; i++) {
      const rep = reps[(start + i) % reps.length];
      const away = rep.awayFrom !== undefined && rep.awayUntil !== undefined && atMs >= rep.awayFrom && atMs < rep.awayUntil;
      const full = countsAsOpen && rep.maxOpenMqls !== undefined && (this.openCount.get(rep.id) ?? 0) >= rep.maxOpenMqls;
      if (away) skipped.push(`${rep.name} (out of office)`);
      else if (full) skipped.push(`${rep.name} (at capacity)`);
      else chosen = rep;
    }
    // Everyone away or full: the lead still needs an owner, so the rotation's next rep takes it.
    chosen ??= reps[start % reps.length];
    this.next.set(territory.id, (reps.indexOf(chosen) + 1) % reps.length);
    if (countsAsOpen) this.openCount.set(chosen.id, (this.openCount.get(chosen.id) ?? 0) + 1);
    this.assignedCount.set(chosen.id, (this.assignedCount.get(chosen.id) ?? 0) + 1);
    this.lastAssignedAt.set(chosen.id, Math.max(this.lastAssignedAt.get(chosen.id) ?? 0, atMs));
    const reason = `Rule “${territory.ruleName}” → ${territory.name}, round-robin${skipped.length ? `; skipped ${skipped.join(", ")}` : ""}`;
    return { rep: chosen, reason };
  }
}

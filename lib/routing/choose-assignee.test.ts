import { describe, expect, it } from "vitest";
import {
  chooseAssignee,
  matchesConditions,
  repUnavailableBecause,
  type RepInput,
  type RoutingDecision,
  type RoutingRuleInput,
  type RoutingSubject,
  type TerritoryInput,
  type TerritoryMemberInput,
} from "./choose-assignee";

const MINUTE = 60_000;
const NOW = new Date("2026-03-02T09:00:00.000Z");
const minutesAfter = (minutes: number, from: Date = NOW) => new Date(from.getTime() + minutes * MINUTE);

function rep(id: string, overrides: Partial<RepInput> = {}): RepInput {
  return { id, name: id, deactivated: false, isAvailable: true, unavailableUntil: null, maxOpenMqls: null, openMqls: 0, ...overrides };
}

function member(territoryId: string, userId: string, overrides: Partial<TerritoryMemberInput> = {}): TerritoryMemberInput {
  return { territoryId, userId, lastAssignedAt: null, assignedCount: 0, ...overrides };
}

function rule(id: string, overrides: Partial<RoutingRuleInput> = {}): RoutingRuleInput {
  return { id, name: id, priority: 100, conditions: {}, territoryId: null, userId: null, isActive: true, ...overrides };
}

function subject(overrides: Partial<RoutingSubject> = {}): RoutingSubject {
  return { region: "EMEA", country: "Germany", industry: "Software", employees: 500, accountOwnerId: null, ...overrides };
}

type World = { rules: RoutingRuleInput[]; territories: TerritoryInput[]; members: TerritoryMemberInput[]; reps: RepInput[] };

const EMEA: TerritoryInput = { id: "t-emea", name: "EMEA SDRs" };

/** One territory, one catch-all rule to it, and a member seat for every rep given. */
function teamWorld(reps: RepInput[]): World {
  return {
    rules: [rule("r-emea", { name: "EMEA mid-market", territoryId: EMEA.id })],
    territories: [EMEA],
    members: reps.map((r) => member(EMEA.id, r.id)),
    reps,
  };
}

/** What the caller does after an assignment, before routing the next MQL. */
function record(world: World, decision: RoutingDecision, at: Date): void {
  if (decision.repId === null) return;
  if (decision.territoryId !== null) {
    const seat = world.members.find((m) => m.territoryId === decision.territoryId && m.userId === decision.repId)!;
    seat.lastAssignedAt = at;
    seat.assignedCount += 1;
  }
  world.reps.find((r) => r.id === decision.repId)!.openMqls += 1;
}

/** Routes `count` MQLs a minute apart, recording each; returns how many each rep received. */
function routeMany(world: World, count: number, start: Date = NOW): Map<string, number> {
  const received = new Map<string, number>(world.reps.map((r) => [r.id, 0]));
  for (let i = 0; i < count; i++) {
    const now = minutesAfter(i, start);
    const decision = chooseAssignee({ subject: subject(), ...world, now });
    expect(decision.kind).toBe("round_robin");
    record(world, decision, now);
    received.set(decision.repId!, received.get(decision.repId!)! + 1);
  }
  return received;
}

function spread(received: Map<string, number>, ids: string[]): { min: number; max: number; total: number } {
  const counts = ids.map((id) => received.get(id) ?? 0);
  return { min: Math.min(...counts), max: Math.max(...counts), total: counts.reduce((a, b) => a + b, 0) };
}

describe("matchesConditions", () => {
  it("treats an empty conditions object as a catch-all, even for a subject we know nothing about", () => {
    const unknown = subject({ region: null, country: null, industry: null, employees: null });
    expect(matchesConditions({}, unknown)).toBe(true);
    expect(matchesConditions({ regions: [], countries: [], industries: [] }, unknown)).toBe(true);
  });

  it("requires the subject's value to be in each listed condition", () => {
    expect(matchesConditions({ regions: ["EMEA", "APAC"] }, subject({ region: "APAC" }))).toBe(true);
    expect(matchesConditions({ regions: ["EMEA"] }, subject({ region: "North America" }))).toBe(false);
    expect(matchesConditions({ countries: ["France", "Germany"] }, subject({ country: "Germany" }))).toBe(true);
    expect(matchesConditions({ countries: ["France"] }, subject({ country: "Germany" }))).toBe(false);
    expect(matchesConditions({ industries: ["Software"] }, subject({ industry: "Software" }))).toBe(true);
    expect(matchesConditions({ industries: ["Retail"] }, subject({ industry: "Software" }))).toBe(false);
  });

  it("requires every listed condition to hold, not just one", () => {
    const c = { regions: ["EMEA"], countries: ["France"] };
    expect(matchesConditions(c, subject({ region: "EMEA", country: "France" }))).toBe(true);
    expect(matchesConditions(c, subject({ region: "EMEA", country: "Germany" }))).toBe(false);
  });

  it("compares case-insensitively and ignores surrounding spaces", () => {
    expect(matchesConditions({ regions: ["emea"] }, subject({ region: " EMEA " }))).toBe(true);
    expect(matchesConditions({ countries: [" united kingdom"] }, subject({ country: "United Kingdom" }))).toBe(true);
    expect(matchesConditions({ industries: ["SOFTWARE"] }, subject({ industry: "software" }))).toBe(true);
  });

  it("does not match a listed condition when the subject's value is unknown or blank", () => {
    expect(matchesConditions({ countries: ["Germany"] }, subject({ country: null }))).toBe(false);
    expect(matchesConditions({ countries: ["Germany"] }, subject({ country: "  " }))).toBe(false);
  });

  it("ignores blank entries instead of letting them match contacts with no value", () => {
    expect(matchesConditions({ countries: [""] }, subject({ country: "Germany" }))).toBe(true);
    expect(matchesConditions({ countries: ["", "France"] }, subject({ country: "" }))).toBe(false);
  });

  it("includes both employee bounds", () => {
    const midMarket = { minEmployees: 200, maxEmployees: 1000 };
    expect(matchesConditions(midMarket, subject({ employees: 199 }))).toBe(false);
    expect(matchesConditions(midMarket, subject({ employees: 200 }))).toBe(true);
    expect(matchesConditions(midMarket, subject({ employees: 1000 }))).toBe(true);
    expect(matchesConditions(midMarket, subject({ employees: 1001 }))).toBe(false);
    expect(matchesConditions({ minEmployees: 1000 }, subject({ employees: 50_000 }))).toBe(true);
    expect(matchesConditions({ maxEmployees: 50 }, subject({ employees: 51 }))).toBe(false);
  });

  it("does not match a bounded rule when the employee count is unknown", () => {
    expect(matchesConditions({ minEmployees: 200 }, subject({ employees: null }))).toBe(false);
    expect(matchesConditions({ maxEmployees: 50 }, subject({ employees: null }))).toBe(false);
    expect(matchesConditions({ regions: ["EMEA"] }, subject({ employees: null }))).toBe(true);
  });
});

describe("repUnavailableBecause", () => {
  it("is null for a rep who can take an MQL", () => {
    expect(repUnavailableBecause(rep("ana"), NOW)).toBeNull();
    expect(repUnavailableBecause(rep("ana", { maxOpenMqls: 20, openMqls: 19 }), NOW)).toBeNull();
  });

  it("names the reason a rep is skipped", () => {
    expect(repUnavailableBecause(rep("ana", { deactivated: true }), NOW)).toBe("deactivated");
    expect(repUnavailableBecause(rep("ana", { isAvailable: false }), NOW)).toBe("marked unavailable");
    expect(repUnavailableBecause(rep("ana", { maxOpenMqls: 20, openMqls: 20 }), NOW)).toBe("at their cap of 20 open MQLs");
    expect(repUnavailableBecause(rep("ana", { maxOpenMqls: 1, openMqls: 3 }), NOW)).toBe("at their cap of 1 open MQL");
  });

  it("says until when a rep is out of office, in UTC, with the year only when it differs", () => {
    const away = (until: string) => rep("ana", { isAvailable: false, unavailableUntil: new Date(until) });
    expect(repUnavailableBecause(away("2026-03-12T08:00:00Z"), NOW)).toBe("out of office until 12 Mar");
    expect(repUnavailableBecause(away("2027-01-04T08:00:00Z"), NOW)).toBe("out of office until 4 Jan 2027");
    expect(repUnavailableBecause(away("2026-03-02T14:30:00Z"), NOW)).toBe("out of office until 14:30 UTC");
    // A scheduled absence counts even while the rep is still flagged available.
    expect(repUnavailableBecause(rep("ana", { unavailableUntil: new Date("2026-03-12T08:00:00Z") }), NOW)).toBe(
      "out of office until 12 Mar",
    );
  });

  it("lets a rep back in once the out-of-office date has passed, even if the flag was never reset", () => {
    expect(repUnavailableBecause(rep("ana", { isAvailable: false, unavailableUntil: minutesAfter(-1) }), NOW)).toBeNull();
    expect(repUnavailableBecause(rep("ana", { isAvailable: false, unavailableUntil: NOW }), NOW)).toBeNull();
  });
});

describe("round-robin within a territory", () => {
  it("shares 1,000 MQLs over 5 available reps to within one of each other", () => {
    const ids = ["ana", "ben", "cara", "dev", "eli"];
    const world = teamWorld(ids.map((id) => rep(id)));
    const received = routeMany(world, 1000);
    const { min, max, total } = spread(received, ids);
    expect(total).toBe(1000);
    expect(max - min).toBeLessThanOrEqual(1);
    expect(world.members.map((m) => m.assignedCount)).toEqual([200, 200, 200, 200, 200]);
  });

  it("serves never-assigned reps first, then the least recently assigned, deterministically", () => {
    const world = teamWorld([rep("cara"), rep("ana"), rep("ben")]);
    world.members[0].lastAssignedAt = minutesAfter(-10); // cara: served 10 minutes ago
    const order: string[] = [];
    for (let i = 0; i < 6; i++) {
      const now = minutesAfter(i);
      const d = chooseAssignee({ subject: subject(), ...world, now });
      record(world, d, now);
      order.push(d.repId!);
    }
    expect(order).toEqual(["ana", "ben", "cara", "ana", "ben", "cara"]);
  });

  it("breaks a tie in recency by the lower assigned count", () => {
    const at = minutesAfter(-5);
    const world = teamWorld([rep("ana"), rep("ben")]);
    world.members[0] = member(EMEA.id, "ana", { lastAssignedAt: at, assignedCount: 7 });
    world.members[1] = member(EMEA.id, "ben", { lastAssignedAt: at, assignedCount: 3 });
    expect(chooseAssignee({ subject: subject(), ...world, now: NOW }).repId).toBe("ben");
  });

  it("skips unavailable, out-of-office and capped reps and shares fairly among the rest", () => {
    const available = ["ana", "dev", "eli", "fay"];
    const world = teamWorld([
      rep("ana"),
      rep("ben", { name: "Ben Okafor", maxOpenMqls: 20, openMqls: 20 }),
      rep("cara", { isAvailable: false }),
      rep("dev"),
      rep("eli"),
      rep("fay"),
      rep("gus", { isAvailable: false, unavailableUntil: minutesAfter(60 * 24 * 30) }),
    ]);
    const received = routeMany(world, 1000);
    expect(received.get("ben")).toBe(0);
    expect(received.get("cara")).toBe(0);
    expect(received.get("gus")).toBe(0);
    const { min, max, total } = spread(received, available);
    expect(total).toBe(1000);
    expect(max - min).toBeLessThanOrEqual(1);
  });

  it("includes a rep whose out-of-office date has already passed", () => {
    const ids = ["ana", "dev", "eli", "fay", "gus"];
    const world = teamWorld([
      rep("ana"),
      rep("ben", { maxOpenMqls: 20, openMqls: 20 }),
      rep("cara", { isAvailable: false }),
      rep("dev"),
      rep("eli"),
      rep("fay"),
      rep("gus", { isAvailable: false, unavailableUntil: minutesAfter(-60) }),
    ]);
    const received = routeMany(world, 1000);
    const { min, max, total } = spread(received, ids);
    expect(received.get("gus")).toBeGreaterThan(0);
    expect(total).toBe(1000);
    expect(max - min).toBeLessThanOrEqual(1);
  });

  it("takes a rep back into the rotation when they return, without handing them a backlog", () => {
    const ids = ["ana", "ben", "cara", "dev", "eli"];
    const world = teamWorld(ids.map((id) => rep(id)));
    world.reps[4].unavailableUntil = minutesAfter(500);
    const before = routeMany(world, 500);
    expect(before.get("eli")).toBe(0);
    const afterStart = minutesAfter(500);
    const first = chooseAssignee({ subject: subject(), ...world, now: afterStart });
    expect(first.repId).toBe("eli"); // least recently served: never
    const after = routeMany(world, 500, afterStart);
    const { min, max } = spread(after, ids);
    expect(max - min).toBeLessThanOrEqual(1); // one turn each, not 125 in a row for eli
  });

  it("stops at a rep's cap as their open count grows, and lets them back in when it drops", () => {
    const world = teamWorld([rep("ana"), rep("ben", { name: "Ben Okafor", maxOpenMqls: 10 }), rep("cara")]);
    const received = routeMany(world, 90);
    expect(received.get("ben")).toBe(10);
    expect(received.get("ana")).toBe(40);
    expect(received.get("cara")).toBe(40);

    const capped = chooseAssignee({ subject: subject(), ...world, now: minutesAfter(90) });
    expect(capped.repId).not.toBe("ben");
    expect(capped.reason).toBe("Rule “EMEA mid-market” → EMEA SDRs, round-robin (skipped Ben Okafor: at their cap of 10 open MQLs)");

    world.reps[1].openMqls -= 1; // Ben closed one
    const back = chooseAssignee({ subject: subject(), ...world, now: minutesAfter(90) });
    expect(back.repId).toBe("ben");
    record(world, back, minutesAfter(90));
    expect(chooseAssignee({ subject: subject(), ...world, now: minutesAfter(91) }).repId).not.toBe("ben");
  });

  it("does not mutate its inputs; the caller records the assignment", () => {
    const world = teamWorld([rep("cara"), rep("ana"), rep("ben", { isAvailable: false })]);
    world.rules.push(rule("r-other", { priority: 1, conditions: { regions: ["APAC"] }, userId: "ana" }));
    const snapshot = structuredClone(world);
    chooseAssignee({ subject: subject(), ...world, now: NOW });
    expect(world).toEqual(snapshot);
  });
});

describe("chooseAssignee", () => {
  const ana = () => rep("ana", { name: "Ana Ruiz" });
  const ben = () => rep("ben", { name: "Ben Okafor" });

  it("gives the MQL to the account owner over every rule", () => {
    const world = teamWorld([ana(), ben()]);
    world.rules.push(rule("r-ben", { priority: 0, userId: "ben" }));
    const d = chooseAssignee({ subject: subject({ accountOwnerId: "ana" }), ...world, now: NOW });
    expect(d).toEqual({ repId: "ana", ruleId: null, territoryId: null, kind: "account_owner", reason: "Account owner Ana Ruiz" });
  });

  it("keeps the account with an owner who is away or at their cap, and says so", () => {
    const world = teamWorld([rep("ana", { name: "Ana Ruiz", unavailableUntil: new Date("2026-03-12T00:00:00Z") }), ben()]);
    const away = chooseAssignee({ subject: subject({ accountOwnerId: "ana" }), ...world, now: NOW });
    expect(away.repId).toBe("ana");
    expect(away.reason).toBe("Account owner Ana Ruiz (out of office until 12 Mar)");

    world.reps[0] = rep("ana", { name: "Ana Ruiz", maxOpenMqls: 5, openMqls: 5 });
    const full = chooseAssignee({ subject: subject({ accountOwnerId: "ana" }), ...world, now: NOW });
    expect(full.repId).toBe("ana");
    expect(full.reason).toBe("Account owner Ana Ruiz (at their cap of 5 open MQLs)");
  });

  it("routes past a deactivated or unknown account owner to the rules", () => {
    const world = teamWorld([rep("ana", { name: "Ana Ruiz", deactivated: true }), ben()]);
    const d = chooseAssignee({ subject: subject({ accountOwnerId: "ana" }), ...world, now: NOW });
    expect(d.kind).toBe("round_robin");
    expect(d.repId).toBe("ben");
    expect(d.reason).toBe(
      "Rule “EMEA mid-market” → EMEA SDRs, round-robin (skipped Ana Ruiz: deactivated). Account owner Ana Ruiz is deactivated",
    );

    const unknown = chooseAssignee({ subject: subject({ accountOwnerId: "someone-else" }), ...world, now: NOW });
    expect(unknown.kind).toBe("round_robin");
    expect(unknown.reason).toContain("Account owner is not a routable rep");
  });

  it("tries active rules in ascending priority, ties by id, whatever order they arrive in", () => {
    const reps = [ana(), ben(), rep("cara")];
    const rules = [
      rule("r-c", { priority: 20, userId: "cara" }),
      rule("r-b", { priority: 10, userId: "ben" }),
      rule("r-a", { priority: 10, userId: "ana" }),
    ];
    const d = chooseAssignee({ subject: subject(), rules, territories: [], members: [], reps, now: NOW });
    expect(d).toEqual({ repId: "ana", ruleId: "r-a", territoryId: null, kind: "rule_rep", reason: "Rule “r-a” → Ana Ruiz" });
  });

  it("ignores inactive rules", () => {
    const rules = [rule("r-off", { priority: 1, userId: "ana", isActive: false }), rule("r-on", { priority: 2, userId: "ben" })];
    const d = chooseAssignee({ subject: subject(), rules, territories: [], members: [], reps: [ana(), ben()], now: NOW });
    expect(d.ruleId).toBe("r-on");
    expect(d.repId).toBe("ben");
  });

  it("skips rules whose conditions do not match and lands on the catch-all", () => {
    const rules = [
      rule("r-apac", { priority: 1, conditions: { regions: ["APAC"] }, userId: "ana" }),
      rule("r-enterprise", { priority: 2, conditions: { minEmployees: 1000 }, userId: "ana" }),
      rule("r-retail", { priority: 3, conditions: { industries: ["retail"] }, userId: "ana" }),
      rule("r-all", { priority: 99, name: "Everyone else", userId: "ben" }),
    ];
    const input = { rules, territories: [], members: [], reps: [ana(), ben()], now: NOW };
    expect(chooseAssignee({ subject: subject({ employees: 500 }), ...input }).ruleId).toBe("r-all");
    expect(chooseAssignee({ subject: subject({ employees: 1000 }), ...input }).ruleId).toBe("r-enterprise");
    expect(chooseAssignee({ subject: subject({ employees: null, industry: " Retail " }), ...input }).ruleId).toBe("r-retail");
    expect(chooseAssignee({ subject: subject({ region: "apac" }), ...input }).ruleId).toBe("r-apac");
  });

  it("falls through a rule whose single rep is out of office to the next matching rule, and says why", () => {
    const world = teamWorld([rep("ana", { name: "Ana Ruiz", unavailableUntil: new Date("2026-03-12T00:00:00Z") }), ben()]);
    world.rules.push(rule("r-named", { name: "Named accounts", priority: 1, userId: "ana" }));
    const d = chooseAssignee({ subject: subject(), ...world, now: NOW });
    expect(d).toEqual({
      repId: "ben",
      ruleId: "r-emea",
      territoryId: EMEA.id,
      kind: "round_robin",
      reason:
        "Rule “EMEA mid-market” → EMEA SDRs, round-robin (skipped Ana Ruiz: out of office until 12 Mar). " +
        "Rule “Named accounts” matched but Ana Ruiz is out of office until 12 Mar",
    });
  });

  it("falls back from a rule's rep to the rule's territory when the rule names both", () => {
    const world = teamWorld([rep("ana", { name: "Ana Ruiz", isAvailable: false }), ben()]);
    world.rules = [rule("r-both", { name: "Key accounts", userId: "ana", territoryId: EMEA.id })];
    const d = chooseAssignee({ subject: subject(), ...world, now: NOW });
    expect(d.repId).toBe("ben");
    expect(d.kind).toBe("round_robin");
    expect(d.ruleId).toBe("r-both");
  });

  it("skips a matching rule whose territory has no members, or that names nobody", () => {
    const empty: TerritoryInput = { id: "t-empty", name: "New team" };
    const rules = [
      rule("r-empty", { name: "Empty team", priority: 1, territoryId: empty.id }),
      rule("r-none", { name: "Half-configured", priority: 2 }),
      rule("r-ben", { name: "Fallback", priority: 3, userId: "ben" }),
    ];
    const d = chooseAssignee({ subject: subject(), rules, territories: [empty], members: [], reps: [ben()], now: NOW });
    expect(d.repId).toBe("ben");
    expect(d.reason).toBe(
      "Rule “Fallback” → Ben Okafor. Rule “Empty team” matched but New team has no members. " +
        "Rule “Half-configured” matched but routes to no rep or territory",
    );
  });

  it("leaves the MQL unassigned when no rule matches, describing the contact", () => {
    const rules = [rule("r-emea", { conditions: { regions: ["EMEA"] }, userId: "ana" })];
    const d = chooseAssignee({
      subject: subject({ region: "APAC", country: "Japan", industry: "Software", employees: 250 }),
      rules,
      territories: [],
      members: [],
      reps: [ana()],
      now: NOW,
    });
    expect(d).toEqual({
      repId: null,
      ruleId: null,
      territoryId: null,
      kind: "unassigned",
      reason: "No routing rule matches region APAC, country Japan, industry Software, 250 employees",
    });
    const unknown = chooseAssignee({
      subject: subject({ region: null, country: null, industry: null, employees: null }),
      rules,
      territories: [],
      members: [],
      reps: [ana()],
      now: NOW,
    });
    expect(unknown.reason).toBe("No routing rule matches region unknown, country unknown, industry unknown, employees unknown");
  });

  it("leaves the MQL unassigned when the matching rule's whole team is unavailable, naming each", () => {
    const world = teamWorld([
      rep("ana", { name: "Ana Ruiz", unavailableUntil: new Date("2026-03-12T00:00:00Z") }),
      rep("ben", { name: "Ben Okafor", maxOpenMqls: 20, openMqls: 20 }),
      rep("cara", { name: "Cara Diaz", isAvailable: false }),
    ]);
    world.rules[0].name = "EMEA";
    const d = chooseAssignee({ subject: subject(), ...world, now: NOW });
    expect(d.kind).toBe("unassigned");
    expect(d.repId).toBeNull();
    expect(d.ruleId).toBeNull();
    expect(d.reason).toBe(
      "Rule “EMEA” matched but every rep of EMEA SDRs is unavailable: " +
        "Ana Ruiz (out of office until 12 Mar), Ben Okafor (at their cap of 20 open MQLs), Cara Diaz (marked unavailable)",
    );
  });
});

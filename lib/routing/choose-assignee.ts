import type { RoutingConditions } from "../../db/schema/routing";

/**
 * Who gets a new MQL (PRODUCT.md §6), decided from data the caller has already loaded:
 *
 *   1. the account's owner, when they are still an active rep (the account is theirs);
 *   2. otherwise the active routing rules, lowest priority number first — the first rule that
 *      matches *and* yields a rep decides (a single rep, or a fair round-robin in a territory);
 *   3. otherwise nobody, with a reason a manager can act on.
 *
 * Pure on purpose: no database, no clock. The caller passes `now` and, after assigning, records
 * the round-robin's memory (`lastAssignedAt = now`, `assignedCount + 1`) and the rep's load
 * (`openMqls + 1`) before routing the next MQL — so the same inputs always give the same answer,
 * and 1,000 MQLs can be replayed in a unit test.
 */

/** What routing looks at: the contact's region/country and its account's industry, size and owner. */
export type RoutingSubject = {
  region: string | null;
  country: string | null;
  industry: string | null;
  employees: number | null;
  accountOwnerId: string | null;
};

export type RoutingRuleInput = {
  id: string;
  name: string;
  priority: number;
  conditions: RoutingConditions;
  territoryId: string | null;
  userId: string | null;
  isActive: boolean;
};

export type TerritoryInput = { id: string; name: string };

/** A rep's seat in a territory, with the round-robin's memory of when it last served them. */
export type TerritoryMemberInput = {
  territoryId: string;
  userId: string;
  lastAssignedAt: Date | null;
  assignedCount: number;
};

/** A rep with their availability (`user_availability`) and current load of open MQLs. */
export type RepInput = {
  id: string;
  name: string;
  deactivated: boolean;
  isAvailable: boolean;
  unavailableUntil: Date | null;
  maxOpenMqls: number | null;
  openMqls: number;
};

export type RoutingDecisionKind = "account_owner" | "rule_rep" | "round_robin" | "unassigned";

export type RoutingDecision = {
  repId: string | null;
  /** The rule that decided; null for the account owner and for "unassigned". */
  ruleId: string | null;
  /** The territory whose round-robin chose the rep; null unless `kind` is "round_robin". */
  territoryId: string | null;
  kind: RoutingDecisionKind;
  /** A sentence for the MQL record's `routing_reason`: who, by which rule, and who was passed over. */
  reason: string;
};

export type ChooseAssigneeInput = {
  subject: RoutingSubject;
  rules: RoutingRuleInput[];
  territories: TerritoryInput[];
  members: TerritoryMemberInput[];
  reps: RepInput[];
  now: Date;
};

/**
 * Trimmed and lower-cased, so "EMEA", " emea" and "Emea" are one region: values come from
 * CSV imports, forms and CRM syncs that never agree on case. Blank means unknown.
 */
function normalize(value: string | null | undefined): string | null {
  const v = value?.trim().toLowerCase();
  return v ? v : null;
}

/**
 * A list condition holds when it lists nothing (an admin who picked no country means "any") or
 * lists the subject's value. Blank entries are ignored rather than matching blank values, so a
 * form that posts `[""]` does not turn into a rule for contacts with no country.
 */
function listMatches(allowed: string[] | undefined, value: string | null): boolean {
  const wanted = (allowed ?? []).map(normalize).filter((v): v is string => v !== null);
  if (wanted.length === 0) return true;
  const v = normalize(value);
  return v !== null && wanted.includes(v);
}

/**
 * Whether every condition the rule lists holds for the subject. An empty conditions object is a
 * catch-all. Employee bounds are inclusive; a subject whose size is unknown does not match a
 * bounded rule, because "mid-market (200–1,000)" should not silently collect every account
 * nobody enriched — those fall through to a broader rule instead.
 */
export function matchesConditions(conditions: RoutingConditions, subject: RoutingSubject): boolean {
  if (!listMatches(conditions.regions, subject.region)) return false;
  if (!listMatches(conditions.countries, subject.country)) return false;
  if (!listMatches(conditions.industries, subject.industry)) return false;
  // `!= null`: conditions are jsonb, and a stored `null` bound means "no bound" as much as absence does.
  const min = conditions.minEmployees;
  const max = conditions.maxEmployees;
  if (min != null || max != null) {
    if (subject.employees == null) return false;
    if (min != null && subject.employees < min) return false;
    if (max != null && subject.employees > max) return false;
  }
  return true;
}

const DAY_MONTH = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const DAY_MONTH_YEAR = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const HOUR_MINUTE = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "UTC" });

/**
 * "12 Mar", "12 Mar 2027" in another year, "14:30 UTC" later today. In UTC because the reason is
 * stored once and read by people in many zones; a pure module must not depend on the machine's zone.
 */
function formatUntil(until: Date, now: Date): string {
  const sameDay = until.toISOString().slice(0, 10) === now.toISOString().slice(0, 10);
  if (sameDay) return `${HOUR_MINUTE.format(until)} UTC`;
  return until.getUTCFullYear() === now.getUTCFullYear() ? DAY_MONTH.format(until) : DAY_MONTH_YEAR.format(until);
}

/**
 * Null when the rep can take a new MQL now; otherwise a short reason for the routing record.
 *
 * `unavailableUntil` is an out-of-office window that ends by itself: once it has passed the rep
 * is eligible again even if `isAvailable` is still false (nothing flips the flag back when the
 * holiday ends). `isAvailable = false` with no end date is an indefinite "marked unavailable".
 * The cap counts open MQLs against `maxOpenMqls`; null means no cap.
 */
export function repUnavailableBecause(rep: RepInput, now: Date): string | null {
  if (rep.deactivated) return "deactivated";
  if (rep.unavailableUntil && rep.unavailableUntil.getTime() > now.getTime()) {
    return `out of office until ${formatUntil(rep.unavailableUntil, now)}`;
  }
  if (!rep.isAvailable && rep.unavailableUntil === null) return "marked unavailable";
  if (rep.maxOpenMqls !== null && rep.openMqls >= rep.maxOpenMqls) {
    return `at their cap of ${rep.maxOpenMqls} open MQL${rep.maxOpenMqls === 1 ? "" : "s"}`;
  }
  return null;
}

/**
 * Fair order: least recently served first (never served before anyone), then fewer assignments,
 * then user id so ties are deterministic. Recency leads rather than count so a rep back from two
 * weeks off rejoins the rotation instead of receiving every new MQL until their count catches up.
 */
function fairOrder(a: TerritoryMemberInput, b: TerritoryMemberInput): number {
  const at = a.lastAssignedAt?.getTime() ?? -Infinity;
  const bt = b.lastAssignedAt?.getTime() ?? -Infinity;
  if (at !== bt) return at < bt ? -1 : 1;
  if (a.assignedCount !== b.assignedCount) return a.assignedCount - b.assignedCount;
  return a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0;
}

function byPriority(a: RoutingRuleInput, b: RoutingRuleInput): number {
  if (a.priority !== b.priority) return a.priority - b.priority;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** What one rule produced: a rep, or why it could not. */
type RuleYield =
  | { ok: true; repId: string; kind: "rule_rep" | "round_robin"; territoryId: string | null; detail: string }
  | { ok: false; why: string };

function describeSubject(s: RoutingSubject): string {
  return [
    `region ${s.region?.trim() || "unknown"}`,
    `country ${s.country?.trim() || "unknown"}`,
    `industry ${s.industry?.trim() || "unknown"}`,
    s.employees == null ? "employees unknown" : `${s.employees} employees`,
  ].join(", ");
}

/**
 * Chooses the rep for a new MQL and says why. See the module comment for the order; a matching
 * rule that yields nobody (its rep away, its territory empty or everyone unavailable) is passed
 * over for the next matching rule, and the reason records it, so an MQL is never parked while a
 * broader rule could have placed it — and the manager can still see the specific rule failed.
 */
export function chooseAssignee({ subject, rules, territories, members, reps, now }: ChooseAssigneeInput): RoutingDecision {
  const repsById = new Map(reps.map((r) => [r.id, r]));
  const territoryNames = new Map(territories.map((t) => [t.id, t.name]));
  let ownerNote: string | null = null;
  const ruleNotes: string[] = [];

  if (subject.accountOwnerId !== null) {
    const owner = repsById.get(subject.accountOwnerId);
    if (owner && !owner.deactivated) {
      // The account is theirs even when they are away or full: splitting an account across reps
      // costs more than a delayed first touch, and the SLA flags the delay.
      const why = repUnavailableBecause(owner, now);
      return {
        repId: owner.id,
        ruleId: null,
        territoryId: null,
        kind: "account_owner",
        reason: `Account owner ${owner.name}${why ? ` (${why})` : ""}`,
      };
    }
    ownerNote = owner ? `Account owner ${owner.name} is deactivated` : "Account owner is not a routable rep";
  }

  const repLabel = (id: string) => repsById.get(id)?.name ?? `unknown rep ${id}`;
  const whyNot = (id: string) => {
    const rep = repsById.get(id);
    return rep ? repUnavailableBecause(rep, now) : "not a routable rep";
  };

  function pickSingleRep(userId: string): RuleYield {
    const why = whyNot(userId);
    if (why) return { ok: false, why: `${repLabel(userId)} is ${why}` };
    return { ok: true, repId: userId, kind: "rule_rep", territoryId: null, detail: repLabel(userId) };
  }

  function pickRoundRobin(territoryId: string): RuleYield {
    const name = territoryNames.get(territoryId) ?? `territory ${territoryId}`;
    const seats = members.filter((m) => m.territoryId === territoryId).sort(fairOrder);
    if (seats.length === 0) return { ok: false, why: `${name} has no members` };
    // Only members ahead of the chosen one in the fair order were actually "skipped"; naming
    // every ineligible member on every MQL would bury the one that matters.
    const skipped: string[] = [];
    for (const seat of seats) {
      const why = whyNot(seat.userId);
      if (!why) {
        const passed = skipped.length ? ` (skipped ${skipped.join("; ")})` : "";
        return { ok: true, repId: seat.userId, kind: "round_robin", territoryId, detail: `${name}, round-robin${passed}` };
      }
      skipped.push(`${repLabel(seat.userId)}: ${why}`);
    }
    const everyone = seats.map((s) => `${repLabel(s.userId)} (${whyNot(s.userId)})`).join(", ");
    return { ok: false, why: `every rep of ${name} is unavailable: ${everyone}` };
  }

  for (const rule of rules.filter((r) => r.isActive).sort(byPriority)) {
    if (!matchesConditions(rule.conditions, subject)) continue;
    // A rule may name a rep and a territory: the rep first, their team as the fallback.
    const failures: string[] = [];
    let pick: RuleYield | null = null;
    if (rule.userId !== null) {
      const single = pickSingleRep(rule.userId);
      if (single.ok) pick = single;
      else failures.push(single.why);
    }
    if (!pick && rule.territoryId !== null) {
      const team = pickRoundRobin(rule.territoryId);
      if (team.ok) pick = team;
      else failures.push(team.why);
    }
    if (pick?.ok) {
      return {
        repId: pick.repId,
        ruleId: rule.id,
        territoryId: pick.territoryId,
        kind: pick.kind,
        reason: sentence(`Rule “${rule.name}” → ${pick.detail}`, [ownerNote, ...ruleNotes]),
      };
    }
    const why = failures.length ? failures.join(", and ") : "routes to no rep or territory";
    ruleNotes.push(`Rule “${rule.name}” matched but ${why}`);
  }

  // Nothing yielded: lead with the first matching rule's failure, the likeliest thing to fix.
  const [head = `No routing rule matches ${describeSubject(subject)}`, ...rest] = ruleNotes;
  return {
    repId: null,
    ruleId: null,
    territoryId: null,
    kind: "unassigned",
    reason: sentence(head, [...rest, ownerNote]),
  };
}

/** The decision first, then what was passed over on the way, as sentences (no final stop, like the rest). */
function sentence(head: string, notes: (string | null)[]): string {
  const rest = notes.filter((n): n is string => n !== null);
  return [head, ...rest].join(". ");
}

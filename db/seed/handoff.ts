import type { MqlReason, MqlStatus } from "../schema/enums";
import type { SeedContact } from "./contacts";
import { BANT, CALL_OUTCOMES, LOST_REASONS, RECYCLE_REASONS, REJECTION_NOTES, REP_EMAIL_SUBJECTS } from "./content";
import { DEFAULT_REJECTION_REASONS, type RejectionReasonCode } from "./defaults";
import { sigmoid, type Random } from "./random";
import { OPEN_STATUSES, TERMINAL_STATUSES, type SeedMqlRecord, type SeedTransition } from "./records";
import type { RoundRobin, SeedTerritory, TeamMember } from "./team";
import { addBusinessHours, DAY_MS, duringWorkingHours, HOUR_MS, MINUTE_MS } from "./time";
import { Timeline, type SeedEvent } from "./timeline";

export type HandoffInput = {
  contact: SeedContact;
  recordId: string;
  mqlAt: number;
  fit: number;
  engagement: number;
  reason: MqlReason;
  reasonDetail: string | null;
  fromStage: string;
  modelVersionId: string;
  territory: SeedTerritory;
  aes: readonly TeamMember[];
  routing: RoundRobin;
  nowMs: number;
};

export type HandoffResult = {
  record: SeedMqlRecord;
  transitions: SeedTransition[];
  /** What the reps did and the contact answered, to merge into the timeline. */
  repEvents: SeedEvent[];
};

type Step = { status: MqlStatus; at: number; actor: "sdr" | "ae"; reason?: string; note?: string };

const REASON_LABEL = new Map<string, string>(DEFAULT_REJECTION_REASONS.map((r) => [r.code, r.label]));

/** Why an SDR would turn this person down; the reasons follow what is visibly wrong with them. */
function rejectionReason(rng: Random, c: SeedContact): RejectionReasonCode {
  if (c.account?.competitor) return "competitor";
  if (c.student) return rng.chance(0.8) ? "student" : "bad_fit";
  const small = (c.account?.employees ?? 20) < 20;
  return rng.weighted<RejectionReasonCode>(
    ["bad_fit", "no_budget", "wrong_person", "no_response", "duplicate", "other"],
    [
      c.personal ? 35 : 20,
      small ? 30 : 12,
      c.seniority === "individual_contributor" ? 30 : 10,
      28,
      4,
      5,
    ],
  );
}

/**
 * What happens to one MQL: routing, first touch (speed-to-lead), acceptance or rejection, and —
 * for the good ones — SQL, opportunity and a won or lost deal. The chances rise with fit,
 * engagement and the contact's hidden quality, so the scores really predict outcomes, with noise.
 * The offsets are set for a B2B funnel: about half the MQLs accepted, 25–30% reaching SQL, some
 * 60% of SQLs an opportunity and a quarter of those won — MQL→customer of a few percent.
 * Whatever would happen after `now` has not happened yet, which leaves recent MQLs open.
 */
export function simulateHandoff(rng: Random, input: HandoffInput): HandoffResult {
  const { contact: c, mqlAt, nowMs, territory } = input;
  const age = nowMs - mqlAt;
  const recent = age < 21 * DAY_MS;
  // The router sees a recent lead as open; whether it still is at `now` is settled below.
  const { rep, reason: routingReason } = input.routing.assign(territory, mqlAt, recent);
  const off = rep.utcOffset;
  // Recent leads wait in a backlog; older ones were all worked eventually.
  const backlog = recent ? rng.uniform(0, 12) * DAY_MS : 0;

  const u = rng.next();
  const delayHours =
    u < 0.3 ? rng.logNormal(0.3, 0.8) : u < 0.65 ? rng.logNormal(2.5, 0.6) : u < 0.9 ? rng.logNormal(18, 0.5) : rng.logNormal(70, 0.5);
  // Some leads of the last two weeks have not been touched yet: that is what makes a queue overdue.
  const untouched = age < 14 * DAY_MS && rng.chance(rep.untouchedShare ?? 0.08);
  const touchAt = untouched ? Infinity : duringWorkingHours(rng, mqlAt + Math.max(2 * MINUTE_MS, delayHours * HOUR_MS), off);
  const reasonBoost = input.reason === "qualifying_action" ? 0.5 : input.reason === "manual" ? 0.2 : 0;
  const z =
    -1.0 + 0.055 * (input.fit - 60) + 0.035 * (input.engagement - 45) + c.quality + reasonBoost - 0.25 * Math.log1p(delayHours / 2);

  const steps: Step[] = [];
  const firstTouchAt: number | null = touchAt <= nowMs ? touchAt : null;
  let acceptedAt: number | null = null;
  let lostReason: string | null = null;
  let rejection: { code: RejectionReasonCode; note: string | null } | null = null;
  let bant: SeedMqlRecord["bant"] = null;
  const push = (step: Step) => {
    if (step.at > nowMs) return false;
    steps.push(step);
    return true;
  };
  // People act in working hours: each step lands a log-normal number of days after the last one.
  const later = (from: number, medianDays: number, sigma: number, extra = 0) =>
    duringWorkingHours(rng, from + rng.logNormal(medianDays, sigma) * DAY_MS + extra, off);

  if (firstTouchAt !== null) {
    const accepted = rng.chance(sigmoid(z + 0.7));
    const skipSal = accepted && rng.chance(0.05);
    if (accepted) {
      const at = later(touchAt, 1.2, 0.8, backlog);
      const qualifies = skipSal || rng.chance(sigmoid(z));
      if (skipSal || push({ status: "sal", at, actor: "sdr" })) {
        acceptedAt = skipSal ? null : at;
        if (qualifies) {
          const sqlAt = skipSal ? at : later(at, 7, 0.7);
          bant = { budget: rng.pick(BANT.budget), authority: rng.pick(BANT.authority), need: rng.pick(BANT.need), timeline: rng.pick(BANT.timeline) };
          if (push({ status: "sql", at: sqlAt, actor: "sdr", note: `Budget: ${bant.budget}. Need: ${bant.need}.` })) {
            if (rng.chance(sigmoid(z + 0.3))) {
              const oppAt = later(sqlAt, 10, 0.6);
              if (push({ status: "opportunity", at: oppAt, actor: "ae" })) {
                if (rng.chance(sigmoid(z - 1.6))) push({ status: "customer", at: later(oppAt, 45, 0.5), actor: "ae" });
                else {
                  lostReason = rng.pick(LOST_REASONS);
                  if (!push({ status: "lost", at: later(oppAt, 35, 0.6), actor: "ae", reason: lostReason })) lostReason = null;
                }
              }
            } else push({ status: "recycled", at: later(sqlAt, 25, 0.6), actor: "ae", reason: rng.pick(RECYCLE_REASONS) });
          } else bant = null;
        } else if (rng.chance(0.65)) {
          push({ status: "recycled", at: later(at, 12, 0.6), actor: "sdr", reason: rng.pick(RECYCLE_REASONS) });
        } else {
          const code = rng.pick<RejectionReasonCode>(["no_budget", "wrong_person", "no_response"]);
          if (push({ status: "rejected", at: later(at, 5, 0.6), actor: "sdr", reason: code })) rejection = { code, note: null };
        }
      }
    } else {
      const code = rejectionReason(rng, c);
      const note = code === "other" ? rng.pick(REJECTION_NOTES) : null;
      if (push({ status: "rejected", at: later(touchAt, 0.8, 0.9, backlog), actor: "sdr", reason: code, note: note ?? undefined })) {
        rejection = { code, note };
      }
    }
  }

  const status: MqlStatus = steps.length > 0 ? steps[steps.length - 1].status : "mql";
  if (recent && !OPEN_STATUSES.has(status)) input.routing.release(rep);
  const sqlStep = steps.find((s) => s.status === "sql");
  const ae = sqlStep ? (c.account?.ownerId ? input.aes.find((a) => a.id === c.account!.ownerId) : undefined) ?? rng.pick(input.aes) : null;
  const actorFor = (step: Step) => (step.actor === "ae" && ae ? ae.id : rep.id);
  const at = (s: MqlStatus) => steps.find((step) => step.status === s)?.at ?? null;
  const last = steps[steps.length - 1];
  const salesAcceptedAt = sqlStep ? later(sqlStep.at, 0.6, 0.7) : null;

  const record: SeedMqlRecord = {
    id: input.recordId,
    contactId: c.id,
    accountId: c.account?.id ?? null,
    status,
    mqlAt,
    fitScore: input.fit,
    engagementScore: round1(input.engagement),
    priorityScore: round1((input.fit + input.engagement) / 2),
    modelVersionId: input.modelVersionId,
    reason: input.reason,
    reasonDetail: input.reasonDetail,
    segment: c.region,
    region: c.region,
    source: c.source,
    campaignId: c.campaign?.id ?? null,
    assignedRepId: rep.id,
    assignedAt: mqlAt,
    routingRuleId: territory.ruleId,
    routingReason: input.reason === "manual" ? `Created manually by ${rep.name}` : routingReason,
    slaDueAt: addBusinessHours(mqlAt, territory.slaHours, off),
    firstTouchAt,
    acceptedAt,
    sqlAt: at("sql"),
    bant,
    salesOwnerId: ae?.id ?? null,
    // SQLs handed over in the last week and not yet worked wait for the AE to take them,
    // so every demo pipeline has handovers to accept or reject.
    salesAcceptedAt:
      salesAcceptedAt !== null && salesAcceptedAt <= nowMs && !(status === "sql" && nowMs - sqlStep!.at < 7 * DAY_MS) ? salesAcceptedAt : null,
    opportunityAt: at("opportunity"),
    wonAt: at("customer"),
    lostAt: at("lost"),
    lostReason,
    rejectedAt: at("rejected"),
    rejectedById: rejection ? rep.id : null,
    rejectionReason: rejection?.code ?? null,
    rejectionNote: rejection?.note ?? null,
    recycledAt: at("recycled"),
    closedAt: TERMINAL_STATUSES.has(status) ? last.at : null,
    version: steps.length,
    updatedAt: last?.at ?? firstTouchAt ?? mqlAt,
  };

  const transitions: SeedTransition[] = [
    {
      contactId: c.id,
      mqlRecordId: record.id,
      fromStage: input.fromStage,
      toStage: "mql",
      occurredAt: mqlAt,
      actorType: input.reason === "manual" ? "user" : "system",
      actorUserId: input.reason === "manual" ? rep.id : null,
      modelVersionId: input.modelVersionId,
      reason: input.reason,
      note: input.reasonDetail,
    },
  ];
  let from = "mql";
  for (const step of steps) {
    transitions.push({
      contactId: c.id,
      mqlRecordId: record.id,
      fromStage: from,
      toStage: step.status,
      occurredAt: step.at,
      actorType: "user",
      actorUserId: actorFor(step),
      modelVersionId: null,
      reason: step.reason ?? null,
      note: step.note ?? null,
    });
    from = step.status;
  }

  const repEvents = repActivity(rng, { ...input, record, rep, ae, steps });
  return { record, transitions, repEvents };
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** The timeline of the handoff: calls, emails, meetings and notes by the reps, and replies. */
function repActivity(
  rng: Random,
  x: HandoffInput & { record: SeedMqlRecord; rep: TeamMember; ae: TeamMember | null; steps: Step[] },
): SeedEvent[] {
  const { record: r, rep, ae, contact: c } = x;
  const tl = new Timeline(r.mqlAt + 1, x.nowMs);
  const company = c.account?.name ?? `${c.firstName} ${c.lastName}`;
  const meetingAt = (from: number, minDays: number, maxDays: number, host: TeamMember) =>
    duringWorkingHours(rng, from + rng.uniform(minDays, maxDays) * DAY_MS, host.utcOffset);
  const touch = (t: number) => {
    if (rng.chance(0.6)) {
      const call = rng.pick(CALL_OUTCOMES);
      const connected = call.outcome === "connected";
      tl.add("call", t, "salesforce", { durationSec: connected ? rng.int(120, 1500) : rng.int(8, 60), outcome: call.outcome, notes: call.notes }, rep.id);
    } else {
      tl.add("email_sent", t, "salesforce", { subject: rng.pick(REP_EMAIL_SUBJECTS), campaign: "SDR follow-up" }, rep.id);
    }
  };
  if (r.firstTouchAt === null) return tl.sorted();
  touch(r.firstTouchAt);
  const decidedAt = x.steps[0]?.at ?? x.nowMs;
  for (let t = r.firstTouchAt + rng.uniform(1.5, 4) * DAY_MS, n = 0; t < decidedAt && n < 3; t += rng.uniform(1.5, 4) * DAY_MS, n++) {
    touch(duringWorkingHours(rng, t, rep.utcOffset));
  }
  const accepted = r.acceptedAt ?? r.sqlAt;
  if (accepted !== null) {
    if (rng.chance(0.5)) tl.add("email_reply", rng.uniform(r.firstTouchAt, accepted), "salesforce", { subject: "Re: Following up on your interest in Handoff", campaign: "SDR follow-up" });
    if (rng.chance(0.6)) tl.add("meeting", meetingAt(accepted, 0.2, 4, rep), "salesforce", { title: `Discovery call – ${company}`, durationMin: 30 }, rep.id);
  }
  if (r.sqlAt !== null) {
    tl.add("note", r.sqlAt, "handoff", { text: `Qualified. Budget: ${r.bant?.budget}. Authority: ${r.bant?.authority}. Need: ${r.bant?.need}. Timeline: ${r.bant?.timeline}.` }, rep.id);
    if (ae) tl.add("meeting", meetingAt(r.sqlAt, 1, 6, ae), "salesforce", { title: `Intro with ${ae.name} – ${company}`, durationMin: 30 }, ae.id);
  }
  if (r.opportunityAt !== null && ae) {
    tl.add("meeting", meetingAt(r.opportunityAt, 1, 8, ae), "salesforce", { title: `Product demo – ${company}`, durationMin: 60 }, ae.id);
    tl.add("meeting", meetingAt(r.opportunityAt, 10, 30, ae), "salesforce", { title: `Pricing and proposal review – ${company}`, durationMin: 45 }, ae.id);
  }
  if (r.wonAt !== null && ae) tl.add("note", r.wonAt, "handoff", { text: "Closed won: annual plan signed." }, ae.id);
  if (r.lostAt !== null && ae) tl.add("note", r.lostAt, "handoff", { text: `Closed lost: ${r.lostReason}.` }, ae.id);
  if (r.rejectedAt !== null) {
    const label = REASON_LABEL.get(r.rejectionReason ?? "") ?? r.rejectionReason;
    tl.add("note", r.rejectedAt, "handoff", { text: `Rejected: ${label}${r.rejectionNote ? ` (${r.rejectionNote})` : ""}.` }, rep.id);
  }
  if (r.recycledAt !== null) {
    const step = x.steps.find((s) => s.status === "recycled");
    tl.add("note", r.recycledAt, "handoff", { text: `Recycled to nurture: ${step?.reason ?? "not now"}.` }, step?.actor === "ae" && ae ? ae.id : rep.id);
  }
  return tl.sorted();
}

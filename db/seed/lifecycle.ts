import {
  computeEngagementScore,
  engagementRuleMatches,
  evaluateMqlRule,
  scoringHorizonDays,
  thresholdsFor,
  type ScoringModelDefinition,
} from "../../lib/scoring";
import type { LifecycleStage } from "../schema/enums";
import type { SeedContact } from "./contacts";
import { MANUAL_MQL_DETAILS } from "./content";
import { simulateHandoff } from "./handoff";
import type { Random } from "./random";
import { stageForStatus, type SeedMqlRecord, type SeedTransition } from "./records";
import type { RoundRobin, Team } from "./team";
import { DAY_MS } from "./time";
import { mergeEvents, Timeline, type SeedEvent } from "./timeline";

export type LifecycleContext = {
  model: ScoringModelDefinition;
  modelVersionId: string;
  team: Team;
  routing: RoundRobin;
  ids: Random;
  nowMs: number;
};

export type ContactHistory = {
  events: SeedEvent[];
  records: SeedMqlRecord[];
  transitions: SeedTransition[];
  stage: LifecycleStage;
  stageChangedAt: number;
  ownerId: string | null;
  engagementNow: number;
  lastActivityAt: number | null;
};

/**
 * Replays a contact's timeline through the published model the way the scoring engine would on
 * ingest: after each event that could move the score, the MQL rule is evaluated with the scores at
 * that moment and the event just performed as the action. The first time it qualifies an MQL
 * record opens and is worked (see `simulateHandoff`). A recycled contact must first fall back
 * below the thresholds — or raise its hand again — before it can qualify anew.
 */
export function simulateLifecycle(rng: Random, contact: SeedContact, behaviour: SeedEvent[], ctx: LifecycleContext): ContactHistory {
  const { model } = ctx;
  const rules = model.engagementRules;
  // The horizon is part of the model's meaning: the app's scoring leaves older events out too.
  const horizonDays = scoringHorizonDays(model);
  const scoreAt = (events: readonly SeedEvent[], at: Date) =>
    computeEngagementScore(events, rules, { at, halfLifeDays: model.halfLifeDays, horizonDays }).score;
  const fit = contact.fit;
  const segment = contact.region;
  const limits = thresholdsFor(model.thresholds, segment);
  const actionMinFit = new Map<string, number>();
  for (const a of model.thresholds.qualifyingActions) {
    actionMinFit.set(a.eventType, Math.min(actionMinFit.get(a.eventType) ?? Infinity, a.minFit));
  }
  const canReachThreshold = fit >= limits.fit;

  const records: SeedMqlRecord[] = [];
  const transitions: SeedTransition[] = [
    {
      contactId: contact.id,
      mqlRecordId: null,
      fromStage: null,
      toStage: "lead",
      occurredAt: contact.createdAt,
      actorType: "system",
      actorUserId: null,
      modelVersionId: null,
      reason: "created",
      note: `Source: ${contact.source}`,
    },
  ];
  let stage: LifecycleStage = "lead";
  let stageChangedAt = contact.createdAt;

  const open = (mqlAt: number, engagement: number, reason: SeedMqlRecord["reason"], detail: string | null) => {
    const territory = ctx.team.territories[contact.region];
    const result = simulateHandoff(rng, {
      contact,
      recordId: ctx.ids.uuid(),
      mqlAt,
      fit,
      engagement,
      reason,
      reasonDetail: detail,
      fromStage: stage,
      modelVersionId: ctx.modelVersionId,
      territory,
      aes: ctx.team.aesByRegion[contact.region],
      routing: ctx.routing,
      nowMs: ctx.nowMs,
    });
    records.push(result.record);
    transitions.push(...result.transitions);
    const lastTransition = result.transitions[result.transitions.length - 1];
    stage = stageForStatus(result.record.status);
    stageChangedAt = lastTransition.occurredAt;
    return result;
  };

  // Decayed sums of the positive rules, kept up to date event by event: an upper bound of the
  // engagement score (negative rules only lower it). The exact score is computed only when the
  // bound reaches the threshold, which most events of most contacts never do.
  const positiveRules = rules
    .map((rule, index) => ({ rule, index, halfLife: rule.halfLifeDays ?? model.halfLifeDays }))
    .filter((x) => x.rule.points > 0);
  const sums = new Float64Array(rules.length);
  const threshold = limits.engagement - 1e-6;
  let previousT = contact.createdAt;
  let events = behaviour;
  let eligibleFrom = contact.createdAt;
  let closed = false;
  let armed = true;

  for (let i = 0; i < events.length && !closed; i++) {
    const e = events[i];
    const elapsedDays = (e.t - previousT) / DAY_MS;
    previousT = e.t;
    let bound = 0;
    let raisesScore = false;
    for (const { rule, index, halfLife } of positiveRules) {
      let sum = sums[index];
      if (sum > 0 && elapsedDays > 0) sum *= Math.pow(0.5, elapsedDays / halfLife);
      if (engagementRuleMatches(rule, e)) {
        sum += rule.points;
        raisesScore = true;
      }
      sums[index] = sum;
      bound += sum < rule.cap ? sum : rule.cap;
    }
    if (e.t < eligibleFrom) continue;
    const minFit = actionMinFit.get(e.type);
    const isAction = minFit !== undefined && fit >= minFit;
    if (!isAction && !(raisesScore && canReachThreshold && bound >= threshold)) {
      // Below the line again: a recycled contact may now qualify anew when it crosses it.
      if (bound < threshold) armed = true;
      continue;
    }

    let last = i;
    while (last + 1 < events.length && events[last + 1].t === e.t) last++;
    const engagement = scoreAt(events.slice(0, last + 1), e.occurredAt);
    let decision = evaluateMqlRule({ fit, engagement, segmentValue: segment, actions: [e.type], thresholds: model.thresholds });
    if (!decision.qualifies) {
      armed = true;
      continue;
    }
    if (decision.reason === "threshold" && !armed) {
      // Still above the line since it was recycled: only a new hand-raise qualifies it again.
      if (!isAction) continue;
      decision = { qualifies: true, reason: "qualifying_action", detail: e.type };
    }

    const { record, repEvents } = open(e.t, engagement, decision.reason, decision.detail);
    events = mergeEvents(events, repEvents);
    // Back in nurture, the contact may qualify again later; a deal won, lost or in progress ends it.
    if (record.status === "rejected" || record.status === "recycled") {
      eligibleFrom = record.closedAt! + 1;
      armed = false;
    } else {
      closed = true;
    }
  }

  // Hand-raisers and sales-sourced leads below the thresholds, so calibration can see how leads
  // under the line convert.
  if (records.length === 0 && ctx.nowMs - contact.createdAt > 5 * DAY_MS && rng.chance(0.004 + 0.025 * contact.intent)) {
    const at = rng.uniform(contact.createdAt + 3 * DAY_MS, ctx.nowMs - DAY_MS);
    const upTo = events.filter((e) => e.t <= at);
    const engagement = scoreAt(upTo, new Date(at));
    if (!evaluateMqlRule({ fit, engagement, segmentValue: segment, thresholds: model.thresholds }).qualifies) {
      const detail = rng.pick(MANUAL_MQL_DETAILS);
      const { record, repEvents } = open(Math.floor(at), engagement, "manual", detail);
      const note = new Timeline(contact.createdAt, ctx.nowMs);
      note.add("note", record.mqlAt, "handoff", { text: `Marked as MQL by hand. ${detail}.` }, record.assignedRepId);
      events = mergeEvents(events, mergeEvents(note.sorted(), repEvents));
    }
  }

  const lastRecord = records[records.length - 1];
  return {
    events,
    records,
    transitions,
    stage,
    stageChangedAt,
    ownerId: lastRecord ? (lastRecord.salesOwnerId ?? lastRecord.assignedRepId) : null,
    engagementNow: events.length > 0 ? scoreAt(events, new Date(ctx.nowMs)) : 0,
    lastActivityAt: events.length > 0 ? events[events.length - 1].t : null,
  };
}

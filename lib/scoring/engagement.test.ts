import { describe, expect, it } from "vitest";
import { computeEngagementScore, decayedPoints, engagementRuleMatches, type ScoredEvent } from "./engagement";
import type { EngagementRule, PropertyFilter } from "./model-schema";

const DAY = 86_400_000;
const AT = new Date("2025-06-01T12:00:00.000Z");
const daysBefore = (days: number, from: Date = AT) => new Date(from.getTime() - days * DAY);

function rule(overrides: Partial<EngagementRule> & Pick<EngagementRule, "id" | "eventType" | "points" | "cap">): EngagementRule {
  return { label: overrides.id, filters: [], halfLifeDays: null, ...overrides };
}

let nextId = 1;
function event(type: string, ageDays: number, properties?: Record<string, unknown> | null): ScoredEvent {
  return { id: nextId++, type, occurredAt: daysBefore(ageDays), properties };
}

const pricing = rule({
  id: "pricing",
  eventType: "page_view",
  filters: [{ property: "url", operator: "contains", value: "/pricing" }],
  points: 8,
  cap: 24,
});
const demo = rule({ id: "demo", eventType: "demo_request", points: 30, cap: 30 });
const unsubscribe = rule({ id: "unsubscribe", eventType: "unsubscribe", points: -20, cap: 20, halfLifeDays: 90 });

const pricingView = (ageDays: number) => event("page_view", ageDays, { url: "https://handoff.example/pricing" });

describe("decayedPoints", () => {
  it("gives full points to an event of age 0", () => {
    expect(decayedPoints(8, 0, 30)).toBe(8);
    expect(decayedPoints(-20, 0, 90)).toBe(-20);
  });

  it("halves the points at each half-life", () => {
    expect(decayedPoints(8, 30, 30)).toBe(4); // 8 × 0.5¹
    expect(decayedPoints(8, 60, 30)).toBe(2); // 8 × 0.5²
    expect(decayedPoints(8, 90, 30)).toBe(1); // 8 × 0.5³ = 8 / 8
    expect(decayedPoints(-20, 90, 90)).toBe(-10);
  });

  it("decays continuously between half-lives", () => {
    // 8 × 0.5^0.5 = 8 / √2 ≈ 5.656854
    expect(decayedPoints(8, 15, 30)).toBeCloseTo(5.656854, 6);
    // 10 × 0.5^1.5 = 10 / (2√2) ≈ 3.535534
    expect(decayedPoints(10, 45, 30)).toBeCloseTo(3.535534, 6);
    // 12 × 0.5^(1/3) ≈ 12 × 0.793701 ≈ 9.524406
    expect(decayedPoints(12, 10, 30)).toBeCloseTo(9.524406, 5);
  });

  it("gives nothing to an event from the future", () => {
    expect(decayedPoints(8, -1, 30)).toBe(0);
    expect(decayedPoints(8, -0.0001, 30)).toBe(0);
    expect(decayedPoints(-20, -5, 90)).toBe(0);
  });
});

describe("engagementRuleMatches", () => {
  const withFilter = (filter: PropertyFilter) => rule({ id: "r", eventType: "page_view", filters: [filter], points: 1, cap: 10 });
  const view = (properties?: Record<string, unknown> | null): ScoredEvent => ({ id: 1, type: "page_view", occurredAt: AT, properties });

  it("requires the event type to match exactly", () => {
    const r = rule({ id: "r", eventType: "page_view", points: 1, cap: 10 });
    expect(engagementRuleMatches(r, view())).toBe(true);
    expect(engagementRuleMatches(r, { id: 1, type: "form_submit", occurredAt: AT })).toBe(false);
  });

  it("compares `equals` case-insensitively and in full", () => {
    const r = withFilter({ property: "form", operator: "equals", value: "Contact Us" });
    expect(engagementRuleMatches(r, view({ form: "contact us" }))).toBe(true);
    expect(engagementRuleMatches(r, view({ form: "CONTACT US" }))).toBe(true);
    expect(engagementRuleMatches(r, view({ form: "Contact us today" }))).toBe(false);
  });

  it("compares `equals` numbers and text alike", () => {
    const r = withFilter({ property: "step", operator: "equals", value: 3 });
    expect(engagementRuleMatches(r, view({ step: 3 }))).toBe(true);
    expect(engagementRuleMatches(r, view({ step: "3" }))).toBe(true);
    expect(engagementRuleMatches(r, view({ step: 4 }))).toBe(false);
  });

  it("matches `contains` case-insensitively anywhere in the value", () => {
    const r = withFilter({ property: "url", operator: "contains", value: "/PRICING" });
    expect(engagementRuleMatches(r, view({ url: "https://handoff.example/Pricing?plan=pro" }))).toBe(true);
    expect(engagementRuleMatches(r, view({ url: "https://handoff.example/pricing" }))).toBe(true);
    expect(engagementRuleMatches(r, view({ url: "https://handoff.example/blog" }))).toBe(false);
  });

  it("compares `gte` and `lte` as numbers, bounds included", () => {
    const gte = withFilter({ property: "durationSec", operator: "gte", value: 60 });
    expect(engagementRuleMatches(gte, view({ durationSec: 60 }))).toBe(true);
    expect(engagementRuleMatches(gte, view({ durationSec: 600 }))).toBe(true);
    expect(engagementRuleMatches(gte, view({ durationSec: 59 }))).toBe(false);
    // "120" ≥ 60 as numbers (it would be < "60" as text).
    expect(engagementRuleMatches(gte, view({ durationSec: "120" }))).toBe(true);

    const lte = withFilter({ property: "durationSec", operator: "lte", value: "30" });
    expect(engagementRuleMatches(lte, view({ durationSec: 30 }))).toBe(true);
    expect(engagementRuleMatches(lte, view({ durationSec: 5 }))).toBe(true);
    expect(engagementRuleMatches(lte, view({ durationSec: 31 }))).toBe(false);
  });

  it("does not match a numeric filter on a non-numeric value", () => {
    const gte = withFilter({ property: "durationSec", operator: "gte", value: 60 });
    expect(engagementRuleMatches(gte, view({ durationSec: "long" }))).toBe(false);
  });

  it("never matches a filter whose property is missing", () => {
    for (const filter of [
      { property: "url", operator: "contains", value: "/pricing" },
      { property: "url", operator: "equals", value: "/pricing" },
      { property: "durationSec", operator: "gte", value: 0 },
      { property: "durationSec", operator: "lte", value: 1000 },
    ] satisfies PropertyFilter[]) {
      const r = withFilter(filter);
      expect(engagementRuleMatches(r, view({ other: "x" }))).toBe(false);
      expect(engagementRuleMatches(r, view({ [filter.property]: null }))).toBe(false);
      expect(engagementRuleMatches(r, view({}))).toBe(false);
      expect(engagementRuleMatches(r, view(null))).toBe(false);
      expect(engagementRuleMatches(r, view(undefined))).toBe(false);
    }
  });

  it("requires every filter to hold", () => {
    const r = rule({
      id: "r",
      eventType: "page_view",
      filters: [
        { property: "url", operator: "contains", value: "/pricing" },
        { property: "durationSec", operator: "gte", value: 30 },
      ],
      points: 1,
      cap: 10,
    });
    expect(engagementRuleMatches(r, view({ url: "/pricing", durationSec: 45 }))).toBe(true);
    expect(engagementRuleMatches(r, view({ url: "/pricing", durationSec: 10 }))).toBe(false);
    expect(engagementRuleMatches(r, view({ url: "/blog", durationSec: 45 }))).toBe(false);
  });
});

describe("computeEngagementScore", () => {
  const opts = { at: AT, halfLifeDays: 30 };

  it("caps a rule's total and still lists every event that counted", () => {
    const views = [0, 0, 0, 0, 0].map(() => pricingView(0));
    const result = computeEngagementScore(views, [pricing], opts);
    // 5 × 8 = 40 > cap 24
    expect(result.score).toBe(24);
    expect(result.contributions).toEqual([
      {
        ruleId: "pricing",
        label: "pricing",
        points: 24,
        capped: true,
        events: views.map((e) => ({ eventId: e.id, occurredAt: e.occurredAt, points: 8 })),
      },
    ]);
  });

  it("applies the cap after decay", () => {
    // 4 views one half-life old: 4 × 8 × 0.5 = 16 ≤ 24 — undecayed they would be 32 and capped.
    const old = computeEngagementScore([30, 30, 30, 30].map(pricingView), [pricing], opts);
    expect(old.score).toBe(16);
    expect(old.contributions[0].points).toBe(16);
    expect(old.contributions[0].capped).toBe(false);
    expect(old.contributions[0].events?.map((e) => e.points)).toEqual([4, 4, 4, 4]);

    // 5 views two half-lives old: 5 × 8 × 0.25 = 10.
    expect(computeEngagementScore([60, 60, 60, 60, 60].map(pricingView), [pricing], opts).score).toBe(10);

    // 3 fresh views (24) + 1 view one half-life old (4) = 28 → capped at 24.
    const mixed = computeEngagementScore([0, 0, 0, 30].map(pricingView), [pricing], opts);
    expect(mixed.score).toBe(24);
    expect(mixed.contributions[0].capped).toBe(true);
    expect(mixed.contributions[0].events?.map((e) => e.points)).toEqual([8, 8, 8, 4]);
  });

  it("uses a rule's own half-life over the model's", () => {
    const fast = rule({ id: "fast", eventType: "email_open", points: 8, cap: 8, halfLifeDays: 10 });
    const slow = rule({ id: "slow", eventType: "email_click", points: 8, cap: 8 });
    const result = computeEngagementScore([event("email_open", 10), event("email_click", 10)], [fast, slow], opts);
    // fast: 8 × 0.5^(10/10) = 4; slow (model's 30): 8 × 0.5^(10/30) ≈ 8 × 0.793701 = 6.349604
    expect(result.contributions[0].points).toBe(4);
    expect(result.contributions[1].points).toBeCloseTo(6.349604, 5);
    expect(result.score).toBeCloseTo(10.349604, 5);
  });

  it("scores only events that pass the rule's filters", () => {
    const events = [
      pricingView(0),
      event("page_view", 0, { url: "https://handoff.example/PRICING/enterprise" }),
      event("page_view", 0, { url: "https://handoff.example/blog" }),
      event("page_view", 0, {}),
      event("page_view", 0, null),
    ];
    const result = computeEngagementScore(events, [pricing], opts);
    expect(result.score).toBe(16); // the two pricing pages × 8
    expect(result.contributions[0].events?.map((e) => e.eventId)).toEqual([events[0].id, events[1].id]);
  });

  it("lets negative rules reduce the total", () => {
    // demo 30 + unsubscribe −20 = 10
    const fresh = computeEngagementScore([event("demo_request", 0), event("unsubscribe", 0)], [demo, unsubscribe], opts);
    expect(fresh.score).toBe(10);
    expect(fresh.contributions.map((c) => [c.ruleId, c.points])).toEqual([
      ["demo", 30],
      ["unsubscribe", -20],
    ]);

    // unsubscribe one of its own half-lives (90 days) ago: −20 × 0.5 = −10; demo at 0: 30 → 20
    const older = computeEngagementScore([event("demo_request", 0), event("unsubscribe", 90)], [demo, unsubscribe], opts);
    expect(older.score).toBe(20);
  });

  it("caps negative rules by absolute value", () => {
    // 3 × −20 = −60 → −20
    const result = computeEngagementScore([0, 0, 0].map((a) => event("unsubscribe", a)), [demo, unsubscribe], opts);
    expect(result.contributions).toHaveLength(1);
    expect(result.contributions[0].points).toBe(-20);
    expect(result.contributions[0].capped).toBe(true);
  });

  it("clamps the total at 0 when only negative events count", () => {
    const result = computeEngagementScore([event("unsubscribe", 0)], [demo, unsubscribe], opts);
    expect(result.score).toBe(0);
    // The breakdown still shows what pulled the score down.
    expect(result.contributions.map((c) => [c.ruleId, c.points])).toEqual([["unsubscribe", -20]]);
  });

  it("clamps the total at 100", () => {
    const meeting = rule({ id: "meeting", eventType: "meeting", points: 15, cap: 30 });
    const form = rule({ id: "form", eventType: "form_submit", points: 12, cap: 24 });
    const webinar = rule({ id: "webinar", eventType: "webinar_attended", points: 12, cap: 24 });
    const events = [
      event("demo_request", 0),
      event("meeting", 0),
      event("meeting", 0),
      event("form_submit", 0),
      event("form_submit", 0),
      event("webinar_attended", 0),
      event("webinar_attended", 0),
      ...[0, 0, 0].map(pricingView),
    ];
    const result = computeEngagementScore(events, [demo, meeting, form, webinar, pricing], opts);
    // 30 + 30 + 24 + 24 + 24 = 132 → 100
    expect(result.contributions.reduce((s, c) => s + c.points, 0)).toBe(132);
    expect(result.score).toBe(100);
  });

  it("gives 0 and no contributions when nothing matches", () => {
    expect(computeEngagementScore([], [demo, pricing], opts)).toEqual({ score: 0, contributions: [] });
    expect(computeEngagementScore([event("email_open", 0)], [demo, pricing], opts)).toEqual({ score: 0, contributions: [] });
  });

  it("lists contributions in rule order, omitting rules with no events", () => {
    const result = computeEngagementScore([pricingView(0), event("demo_request", 0)], [demo, unsubscribe, pricing], opts);
    expect(result.contributions.map((c) => c.ruleId)).toEqual(["demo", "pricing"]);
  });

  it("counts an event at exactly `at` in full and ignores events after it", () => {
    const atNow: ScoredEvent = { id: "now", type: "demo_request", occurredAt: new Date(AT.getTime()) };
    const later: ScoredEvent = { id: "later", type: "demo_request", occurredAt: new Date(AT.getTime() + 1) };
    expect(computeEngagementScore([later], [demo], opts)).toEqual({ score: 0, contributions: [] });
    const result = computeEngagementScore([atNow, later], [demo], opts);
    expect(result.score).toBe(30);
    expect(result.contributions[0].events).toEqual([{ eventId: "now", occurredAt: atNow.occurredAt, points: 30 }]);
  });

  it("replays history: the score at a past time is the score of the events up to that time", () => {
    const rules = [demo, pricing, unsubscribe, rule({ id: "open", eventType: "email_open", points: 1, cap: 5, halfLifeDays: 14 })];
    const events = [
      pricingView(120),
      event("email_open", 100),
      pricingView(75),
      pricingView(61),
      event("email_open", 59.5),
      event("demo_request", 45),
      pricingView(44),
      event("unsubscribe", 20),
      pricingView(3),
      event("demo_request", 1),
    ];
    for (const pastDays of [130, 90, 60, 59.5, 45, 44.5, 10, 0]) {
      const t = daysBefore(pastDays);
      const upToT = events.filter((e) => e.occurredAt.getTime() <= t.getTime());
      expect(computeEngagementScore(events, rules, { at: t, halfLifeDays: 30 })).toEqual(
        computeEngagementScore(upToT, rules, { at: t, halfLifeDays: 30 }),
      );
    }

    // At 60 days before AT, by hand (ages relative to t, model half-life 30):
    //   pricing: views aged 60, 15, 1 → 8×0.25 + 8×0.5^0.5 + 8×0.5^(1/30)
    //          = 2 + 5.656854 + 7.817280 = 15.474134 (under the cap of 24)
    //   open (half-life 14): opened 40 days before t → 1 × 0.5^(40/14) = 0.138011
    //   (the open 59.5 days before AT is 0.5 days after t — it has not happened yet)
    const at60 = computeEngagementScore(events, rules, { at: daysBefore(60), halfLifeDays: 30 });
    expect(at60.contributions.map((c) => c.ruleId)).toEqual(["pricing", "open"]);
    expect(at60.contributions[0].points).toBeCloseTo(15.474134, 5);
    expect(at60.contributions[1].points).toBeCloseTo(0.138011, 5);
    expect(at60.score).toBeCloseTo(15.612145, 5);
  });

  it("is a pure function of its inputs", () => {
    const events = [event("demo_request", 2), pricingView(0), pricingView(40), event("unsubscribe", 10)];
    const rules = [demo, pricing, unsubscribe];
    const eventsBefore = structuredClone(events);
    const rulesBefore = structuredClone(rules);
    const first = computeEngagementScore(events, rules, opts);
    const second = computeEngagementScore(events, rules, { at: new Date(AT.getTime()), halfLifeDays: 30 });
    expect(second).toEqual(first);
    expect(events).toEqual(eventsBefore);
    expect(rules).toEqual(rulesBefore);
  });
});

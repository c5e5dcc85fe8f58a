import { describe, expect, it } from "vitest";
import { DEFAULT_MODEL } from "./default-model";
import type { ScoredEvent } from "./engagement";
import { explainScores, segmentValueOf } from "./explain";
import type { FitSubject } from "./fit";

const DAY = 86_400_000;
const AT = new Date("2025-06-01T12:00:00.000Z");
const daysBefore = (days: number) => new Date(AT.getTime() - days * DAY);

/** A VP of Marketing at a 1,000-person software company in North America that uses HubSpot. */
const vpMarketing: FitSubject = {
  email: "dana.reyes@northwind.io",
  title: "VP of Marketing",
  seniority: "vp",
  jobFunction: "marketing",
  country: "US",
  region: "North America",
  source: "organic",
  account: {
    industry: "Software",
    employees: 1000,
    annualRevenue: 120_000_000,
    country: "US",
    region: "North America",
    technologies: ["HubSpot", "Slack", "Zoom"],
  },
};

const pricingUrl = "https://handoff.example/pricing";
const events: ScoredEvent[] = [
  { id: 1, type: "demo_request", occurredAt: daysBefore(0), properties: { form: "Book a demo" } },
  { id: 2, type: "page_view", occurredAt: daysBefore(30), properties: { url: pricingUrl } },
  { id: 3, type: "page_view", occurredAt: daysBefore(30), properties: { url: `${pricingUrl}?plan=pro` } },
];

describe("explainScores on the default model", () => {
  const explanation = explainScores({ subject: vpMarketing, events, model: DEFAULT_MODEL, at: AT });

  it("gives the fit the default rules add up to", () => {
    // sen-exec (vp) 20 + fn-revenue (marketing) 15 + ind-core (Software) 15
    // + size-sweet (1,000 in 200–5,000) 20 + region-core (North America) 10 + tech-crm (HubSpot) 10 = 90;
    // a company domain, not a student, not a competitor: no negative rule.
    expect(explanation.fit.score).toBe(90);
    expect(explanation.fit.contributions).toEqual([
      { ruleId: "sen-exec", label: "C-level or VP", points: 20 },
      { ruleId: "fn-revenue", label: "Marketing, sales or revenue ops", points: 15 },
      { ruleId: "ind-core", label: "Core industry", points: 15 },
      { ruleId: "size-sweet", label: "200–5,000 employees", points: 20 },
      { ruleId: "region-core", label: "North America or EMEA", points: 10 },
      { ruleId: "tech-crm", label: "Uses Salesforce or HubSpot", points: 10 },
    ]);
  });

  it("gives the engagement the default rules add up to, event by event", () => {
    // Model half-life 30 days.
    // demo:    1 request at age 0           → 30 × 1   = 30   (cap 30, not exceeded)
    // pricing: 2 views at age 30 (url has /pricing) → 2 × 8 × 0.5 = 8   (cap 24)
    // page:    the same 2 views also count as visits → 2 × 1 × 0.5 = 1 (cap 10)
    // total 30 + 8 + 1 = 39
    expect(explanation.engagement.score).toBe(39);
    expect(explanation.engagement.contributions).toEqual([
      {
        ruleId: "demo",
        label: "Requested a demo",
        points: 30,
        capped: false,
        events: [{ eventId: 1, occurredAt: events[0].occurredAt, points: 30 }],
      },
      {
        ruleId: "pricing",
        label: "Viewed pricing",
        points: 8,
        capped: false,
        events: [
          { eventId: 2, occurredAt: events[1].occurredAt, points: 4 },
          { eventId: 3, occurredAt: events[2].occurredAt, points: 4 },
        ],
      },
      {
        ruleId: "page",
        label: "Visited the website",
        points: 1,
        capped: false,
        events: [
          { eventId: 2, occurredAt: events[1].occurredAt, points: 0.5 },
          { eventId: 3, occurredAt: events[2].occurredAt, points: 0.5 },
        ],
      },
    ]);
  });

  it("uses the default thresholds for North America", () => {
    expect(explanation.thresholds).toEqual({ fit: 50, engagement: 40, segment: null });
    expect(explanation.at).toBe(AT);
  });

  it("qualifies the contact on the demo request: engagement 39 misses 40, but fit 90 clears the action's 35", () => {
    expect(explanation.decision).toEqual({ qualifies: true, reason: "qualifying_action", detail: "demo_request" });
  });

  it("does not count a demo request made after the time of the explanation", () => {
    const later: ScoredEvent = { id: 4, type: "demo_request", occurredAt: new Date(AT.getTime() + DAY) };
    const withoutDemo = [events[1], events[2], later];
    const result = explainScores({ subject: vpMarketing, events: withoutDemo, model: DEFAULT_MODEL, at: AT });
    expect(result.engagement.score).toBe(9); // 8 + 1, as above
    expect(result.decision).toEqual({ qualifies: false });
  });

  it("qualifies on the thresholds once engagement reaches 40", () => {
    // One more fresh page view: + 1 → 40.
    const more = [...events, { id: 5, type: "page_view", occurredAt: AT, properties: { url: "https://handoff.example/blog" } }];
    const result = explainScores({ subject: vpMarketing, events: more, model: DEFAULT_MODEL, at: AT });
    expect(result.engagement.score).toBe(40);
    expect(result.decision).toEqual({
      qualifies: true,
      reason: "threshold",
      detail: "fit ≥ 50, engagement ≥ 40",
      fitThreshold: 50,
      engagementThreshold: 40,
    });
  });

  it("applies the APAC override for a contact in APAC", () => {
    const apac: FitSubject = { ...vpMarketing, region: "apac" };
    // No region-core: 90 − 10 = 80. Engagement with all three events fresh:
    // demo 30 + pricing 2 × 8 = 16 + page 2 × 1 = 2 → 48.
    const fresh = events.map((e) => ({ ...e, occurredAt: AT }));
    const result = explainScores({ subject: apac, events: fresh, model: DEFAULT_MODEL, at: AT });
    expect(result.fit.score).toBe(80);
    expect(result.engagement.score).toBe(48);
    expect(result.thresholds).toEqual({ fit: 55, engagement: 45, segment: "APAC" });
    expect(result.decision).toMatchObject({ qualifies: true, reason: "threshold", fitThreshold: 55, engagementThreshold: 45 });
    expect(result.decision.qualifies && result.decision.detail).toContain("APAC");
  });

  it("gives the same explanation for the same inputs", () => {
    expect(explainScores({ subject: vpMarketing, events, model: DEFAULT_MODEL, at: AT })).toEqual(explanation);
  });
});

describe("segmentValueOf", () => {
  it("reads the contact's segment field", () => {
    expect(segmentValueOf(vpMarketing, "region")).toBe("North America");
    expect(segmentValueOf(vpMarketing, "country")).toBe("US");
    expect(segmentValueOf(vpMarketing, "source")).toBe("organic");
    expect(segmentValueOf({ email: "x@y.z" }, "region")).toBeNull();
  });
});

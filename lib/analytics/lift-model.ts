import { fitRuleMatches, type FitSubject } from "../scoring/fit";
import type { EngagementRule, FitField, FitRule, ScoringModelDefinition } from "../scoring/model-schema";
import type { ModelWeight } from "./lift";

/**
 * What lift looks at, and what the published model gives each value — pure, so the points the
 * card prints are the ones `computeFitScore` and `computeEngagementScore` would give.
 */

/**
 * The fit-rule fields lift breaks down by. Left out: free text with a value per person (title,
 * email domain), and the account's country and region, which repeat the contact's.
 */
export const LIFT_ATTRIBUTES = [
  "account.industry",
  "account.employees",
  "account.annualRevenue",
  "seniority",
  "jobFunction",
  "region",
  "country",
  "source",
  "account.technologies",
  "personalEmail",
] as const satisfies readonly FitField[];
export type LiftAttribute = (typeof LIFT_ATTRIBUTES)[number];

export const LIFT_FIELD_LABELS: Record<LiftAttribute | "event" | "engagementRule", string> = {
  "account.industry": "Industry",
  "account.employees": "Company size",
  "account.annualRevenue": "Annual revenue",
  seniority: "Seniority",
  jobFunction: "Function",
  region: "Region",
  country: "Country",
  source: "Source",
  "account.technologies": "Technology",
  personalEmail: "Personal email",
  event: "Did",
  engagementRule: "Did (rule)",
};

export type BandedField = "account.employees" | "account.annualRevenue";

/** Customary company-size and revenue bands, used where the model's own ranges leave a gap. */
const STANDARD_EDGES: Record<BandedField, number[]> = {
  "account.employees": [10, 50, 200, 1000, 5000],
  "account.annualRevenue": [1e6, 1e7, 5e7, 1e8, 5e8, 1e9],
};

/**
 * The band edges of a numeric field, ascending: band 0 is below the first edge, band i is from
 * edge i−1 up to (not including) edge i, the last band is from the last edge up. Every bound of the
 * model's range rules on the field is an edge (a rule's `max` closes the band below `max + 1`, the
 * fields being whole numbers), so each band lies wholly inside or outside each rule and has one
 * model weight. A customary edge fills in only where no model edge is within a factor of 1.5 of it
 * (the model's 5,001 stands in for 5,000).
 */
export function bandEdges(field: BandedField, rules: readonly FitRule[]): number[] {
  const model = new Set<number>();
  for (const rule of rules) {
    if (rule.field !== field || rule.operator !== "range") continue;
    if (rule.min !== null) model.add(Math.ceil(rule.min));
    if (rule.max !== null) model.add(Math.floor(rule.max) + 1);
  }
  const near = (a: number, b: number) => (a > 0 && b > 0 ? Math.max(a, b) / Math.min(a, b) < 1.5 : a === b);
  const standard = STANDARD_EDGES[field].filter((s) => ![...model].some((m) => near(m, s)));
  return [...new Set([...model, ...standard])].sort((a, b) => a - b);
}

const count = new Intl.NumberFormat("en");
const money = (n: number) => `$${new Intl.NumberFormat("en", { notation: "compact", maximumFractionDigits: 1 }).format(n)}`;

/** "Under 10", "200–999", "5,001+" (employees); "Under $1M", "$1M–$10M", "$1B+" (revenue). */
export function bandLabel(field: BandedField, edges: readonly number[], band: number): string {
  if (edges.length === 0) return "Any";
  if (field === "account.employees") {
    if (band === 0) return `Under ${count.format(edges[0]!)}`;
    if (band >= edges.length) return `${count.format(edges[edges.length - 1]!)}+`;
    return `${count.format(edges[band - 1]!)}–${count.format(edges[band]! - 1)}`;
  }
  if (band === 0) return `Under ${money(edges[0]!)}`;
  if (band >= edges.length) return `${money(edges[edges.length - 1]!)}+`;
  return `${money(edges[band - 1]!)}–${money(edges[band]!)}`;
}

/** A number inside the band, to test the model's range rules with. */
function bandRepresentative(edges: readonly number[], band: number): number {
  if (edges.length === 0) return 0;
  return band === 0 ? edges[0]! - 1 : edges[Math.min(band, edges.length) - 1]!;
}

/** The subject a fit rule on `field` sees for one value (every other field empty). */
function subjectWith(field: LiftAttribute, value: string | number): FitSubject {
  const subject: FitSubject = { email: "", account: {} };
  switch (field) {
    case "account.industry":
      subject.account!.industry = String(value);
      break;
    case "account.employees":
      subject.account!.employees = Number(value);
      break;
    case "account.annualRevenue":
      subject.account!.annualRevenue = Number(value);
      break;
    case "account.technologies":
      subject.account!.technologies = [String(value)];
      break;
    case "personalEmail":
      break;
    default:
      subject[field] = String(value);
  }
  return subject;
}

/**
 * The fit points the model gives one value of an attribute: the sum of the rules on that field it
 * matches. `value` is the stored text, the band number for banded fields, `"true"`/`"false"` for
 * personal email; null (nothing recorded) matches no rule, as in `computeFitScore`.
 */
export function attributeWeight(field: LiftAttribute, value: string | null, rules: readonly FitRule[], edges: readonly number[] = []): ModelWeight {
  const weight: ModelWeight = { points: 0, rules: [] };
  if (value === null) return weight;
  const tested = field === "account.employees" || field === "account.annualRevenue" ? bandRepresentative(edges, Number(value)) : value;
  for (const rule of rules) {
    if (rule.field !== field) continue;
    const matches = field === "personalEmail" ? rule.operator === "is_true" && value === "true" : fitRuleMatches(rule, subjectWith(field, tested));
    if (!matches) continue;
    weight.points += rule.points;
    weight.rules.push(rule.label);
  }
  return weight;
}

/** The engagement rules that score an event type whatever its properties, with their caps summed. */
export function eventTypeWeight(eventType: string, model: Pick<ScoringModelDefinition, "engagementRules" | "thresholds">): ModelWeight {
  const weight: ModelWeight = { points: 0, rules: [] };
  let cap = 0;
  for (const rule of model.engagementRules) {
    if (rule.eventType !== eventType || rule.filters.length > 0) continue;
    weight.points += rule.points;
    cap += rule.cap;
    weight.rules.push(rule.label);
  }
  if (weight.rules.length) weight.cap = cap;
  const actions = model.thresholds.qualifyingActions.filter((a) => a.eventType === eventType);
  if (actions.length) weight.qualifiesFromFit = Math.min(...actions.map((a) => a.minFit));
  return weight;
}

/** Rules with property filters (e.g. pricing page views) are behaviours of their own. */
export function filteredRules(model: Pick<ScoringModelDefinition, "engagementRules">): EngagementRule[] {
  return model.engagementRules.filter((r) => r.filters.length > 0);
}

export function filteredRuleWeight(rule: EngagementRule): ModelWeight {
  return { points: rule.points, rules: [rule.label], cap: rule.cap };
}

const EVENT_LABELS: Record<string, string> = {
  email_sent: "Was sent an email",
  email_open: "Opened an email",
  email_click: "Clicked an email",
  email_reply: "Replied to an email",
  email_bounce: "Had an email bounce",
  unsubscribe: "Unsubscribed",
  page_view: "Visited the website",
  form_submit: "Submitted a form",
  content_download: "Downloaded content",
  webinar_registered: "Registered for a webinar",
  webinar_attended: "Attended a webinar",
  demo_request: "Requested a demo",
  call: "Had a call",
  meeting: "Had a meeting",
  note: "Had a note logged",
};

/** "Requested a demo"; a custom type reads as its words ("trial_started" → "Trial started"). */
export function behaviourLabel(eventType: string): string {
  const known = EVENT_LABELS[eventType];
  if (known) return known;
  const words = eventType.replace(/[_.-]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

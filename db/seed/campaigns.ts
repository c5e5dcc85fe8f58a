import type { Random } from "./random";
import { DAY_MS } from "./time";

export const CONTACT_SOURCES = ["organic", "paid_search", "paid_social", "events", "content", "outbound", "partner", "referral"] as const;
export type ContactSource = (typeof CONTACT_SOURCES)[number];
export const SOURCE_WEIGHTS = [22, 17, 14, 9, 14, 12, 6, 6];

export type SeedCampaign = {
  id: string;
  name: string;
  channel: Exclude<ContactSource, "referral">;
  startsOn: number;
  endsOn: number | null;
  /** Dollars per active month before the demo's size scaling; events spend in one go. */
  monthlySpend: number;
  landingPath: string;
};

type CampaignSpec = {
  name: string;
  channel: SeedCampaign["channel"];
  monthlySpend: number;
  landingPath: string;
  /** Where in the window it runs, as fractions of it; events last about a month. */
  span: [number, number | null];
};

const SPECS: readonly CampaignSpec[] = [
  { name: "Google Search – Brand", channel: "paid_search", monthlySpend: 6_000, landingPath: "/", span: [0, null] },
  { name: "Google Search – Lead scoring keywords", channel: "paid_search", monthlySpend: 14_000, landingPath: "/lp/lead-scoring", span: [0, null] },
  { name: "Google Search – Competitor terms", channel: "paid_search", monthlySpend: 8_000, landingPath: "/compare", span: [0.3, null] },
  { name: "LinkedIn – RevOps ICP", channel: "paid_social", monthlySpend: 12_000, landingPath: "/lp/revops", span: [0, null] },
  { name: "LinkedIn – Lead Gen Forms", channel: "paid_social", monthlySpend: 9_000, landingPath: "/lp/playbook", span: [0.2, null] },
  { name: "Meta – Retargeting", channel: "paid_social", monthlySpend: 3_500, landingPath: "/pricing", span: [0.5, null] },
  { name: "SaaStr Annual booth", channel: "events", monthlySpend: 45_000, landingPath: "/events/saastr", span: [0.25, 0.33] },
  { name: "RevOps Summit London", channel: "events", monthlySpend: 30_000, landingPath: "/events/revops-summit", span: [0.6, 0.68] },
  { name: "Webinar series: Fixing the MQL", channel: "events", monthlySpend: 2_500, landingPath: "/webinars", span: [0, null] },
  { name: "State of Lead Management report", channel: "content", monthlySpend: 4_000, landingPath: "/resources/state-of-lead-management", span: [0.1, null] },
  { name: "Lead scoring playbook ebook", channel: "content", monthlySpend: 2_500, landingPath: "/resources/lead-scoring-playbook", span: [0, null] },
  { name: "Outbound – Enterprise North America", channel: "outbound", monthlySpend: 5_000, landingPath: "/", span: [0, null] },
  { name: "Outbound – EMEA mid-market", channel: "outbound", monthlySpend: 3_500, landingPath: "/", span: [0.4, null] },
  { name: "Partner: HubSpot App Marketplace", channel: "partner", monthlySpend: 1_500, landingPath: "/integrations/hubspot", span: [0, null] },
  { name: "Partner: Salesforce AppExchange", channel: "partner", monthlySpend: 2_000, landingPath: "/integrations/salesforce", span: [0, null] },
  { name: "SEO – Blog", channel: "organic", monthlySpend: 1_800, landingPath: "/blog", span: [0, null] },
];

export function generateCampaigns(ids: Random, windowStartMs: number, nowMs: number): SeedCampaign[] {
  const window = nowMs - windowStartMs;
  return SPECS.map((spec) => ({
    id: ids.uuid(),
    name: spec.name,
    channel: spec.channel,
    startsOn: windowStartMs + spec.span[0] * window,
    endsOn: spec.span[1] === null ? null : windowStartMs + spec.span[1] * window,
    monthlySpend: spec.monthlySpend,
    landingPath: spec.landingPath,
  }));
}

/** A campaign of the source's channel running at `atMs` (events also collect leads shortly after). */
export function campaignFor(rng: Random, campaigns: readonly SeedCampaign[], source: ContactSource, atMs: number): SeedCampaign | null {
  if (source === "referral") return null;
  if (source === "organic" && rng.chance(0.6)) return null;
  const running = campaigns.filter(
    (c) => c.channel === source && c.startsOn <= atMs && (c.endsOn === null || atMs <= c.endsOn + 21 * DAY_MS),
  );
  return running.length > 0 ? rng.pick(running) : null;
}

export type SpendRow = { campaignId: string; month: string; amountCents: number };

/**
 * One row per campaign per calendar month it ran, scaled with the size of the demo so that cost
 * per MQL stays plausible whatever the number of contacts.
 */
export function campaignSpend(rng: Random, campaigns: readonly SeedCampaign[], nowMs: number, scale: number): SpendRow[] {
  const rows: SpendRow[] = [];
  for (const c of campaigns) {
    const start = new Date(c.startsOn);
    const end = new Date(c.endsOn ?? nowMs);
    const oneOff = c.channel === "events" && c.endsOn !== null;
    const firstMonth = start.getUTCFullYear() * 12 + start.getUTCMonth();
    const lastMonth = end.getUTCFullYear() * 12 + end.getUTCMonth();
    for (let key = firstMonth; key <= lastMonth; key++) {
      const month = `${Math.floor(key / 12)}-${String((key % 12) + 1).padStart(2, "0")}-01`;
      // An event is paid for up front; what follows is the follow-up programme.
      const dollars = oneOff && key > firstMonth ? c.monthlySpend * 0.1 : c.monthlySpend;
      rows.push({ campaignId: c.id, month, amountCents: Math.round(dollars * scale * rng.uniform(0.8, 1.2) * 100) });
    }
  }
  return rows;
}

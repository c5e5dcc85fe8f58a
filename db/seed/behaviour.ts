import type { SeedContact } from "./contacts";
import {
  ASSETS,
  BLOG_POSTS,
  DEMO_PAGE,
  NURTURE_EMAILS,
  OTHER_PAGES,
  PRICING_PAGE,
  PRODUCT_PAGES,
  PROOF_PAGES,
  REP_EMAIL_SUBJECTS,
  SITE,
  type Page,
} from "./content";
import type { Random } from "./random";
import type { TeamMember } from "./team";
import { DAY_MS, HOUR_MS, MINUTE_MS, workdayMoment } from "./time";
import { Timeline, type SeedEvent } from "./timeline";

export type Webinar = { title: string; at: number };

export type BehaviourContext = {
  nowMs: number;
  webinars: readonly Webinar[];
  /** Multiplies how often people are emailed and visit the site (tunes events per contact). */
  activity: number;
  sdrsFor: (contact: SeedContact) => readonly TeamMember[];
};

const PAGE_KINDS = ["blog", "product", "pricing", "proof", "other"] as const;
const PAGES_BY_KIND: Record<(typeof PAGE_KINDS)[number], readonly Page[]> = {
  blog: BLOG_POSTS,
  product: PRODUCT_PAGES,
  pricing: [PRICING_PAGE],
  proof: PROOF_PAGES,
  other: OTHER_PAGES,
};

/**
 * The contact's own behaviour over its lifetime — what marketing systems record before and
 * around any sales conversation. Engaged, well-fitting people read pricing, attend webinars and
 * ask for demos, often in a burst while they evaluate; the rest mostly receive email.
 */
export function generateBehaviour(rng: Random, contact: SeedContact, ctx: BehaviourContext): SeedEvent[] {
  const tl = new Timeline(contact.createdAt, ctx.nowMs);
  const intent = contact.intent;
  const offset = contact.country.utcOffset;
  const lifeDays = (ctx.nowMs - contact.createdAt) / DAY_MS;
  const randomDay = (from: number, to: number) => workdayMoment(rng, rng.uniform(from, to), offset);

  const session = (start: number, pricingBoost = 1) => {
    let t = start;
    let pages = 1;
    while (pages < 8 && rng.chance(0.4 + 0.25 * intent)) pages++;
    for (let i = 0; i < pages; i++) {
      const kind = rng.weighted(PAGE_KINDS, [
        4 * (1 - intent) + 0.5,
        1 + 2 * intent,
        (0.08 + 2.5 * intent ** 1.5) * pricingBoost,
        0.2 + intent,
        0.3,
      ]);
      const page = rng.pick(PAGES_BY_KIND[kind]);
      const durationSec = Math.round(Math.min(1800, Math.max(3, rng.logNormal((kind === "pricing" ? 70 : 40) * (0.5 + intent), 0.8))));
      tl.add("page_view", t, "web", { url: page.url, title: page.title, durationSec });
      t += durationSec * 1000 + rng.uniform(2, 20) * 1000;
    }
    return t;
  };

  const gatedDownload = (t: number) => {
    const asset = rng.pick(ASSETS);
    tl.add("form_submit", t, "hubspot", { form: "Ebook download", url: `${SITE}/resources/${asset.slug}` });
    tl.add("content_download", t + 3000, "hubspot", { asset: asset.asset });
  };

  acquisition(rng, contact, ctx, tl, session, gatedDownload);

  // Nurture programme: a marketing email every week and a half or so until unsubscribe or bounce.
  const sends: { t: number; subject: string; campaign: string }[] = [];
  if (contact.source !== "outbound" || rng.chance(0.5)) {
    const interval = (10.5 / ctx.activity) * DAY_MS;
    for (let t = contact.createdAt + rng.uniform(1, 7) * DAY_MS; t < ctx.nowMs; t += interval * rng.uniform(0.7, 1.3)) {
      const email = rng.pick(NURTURE_EMAILS);
      const sentAt = workdayMoment(rng, t, offset);
      const props = { subject: email.subject, campaign: email.campaign };
      if (!tl.add("email_sent", sentAt, "marketo", props)) continue;
      if (contact.badAddress) {
        tl.add("email_bounce", sentAt + rng.uniform(1, 30) * 1000, "marketo", props);
        break;
      }
      sends.push({ t: sentAt, ...props });
      if (!rng.chance(0.1 + 0.45 * intent)) continue;
      const openedAt = sentAt + Math.min(5 * DAY_MS, rng.exponential(8 * HOUR_MS));
      tl.add("email_open", openedAt, "marketo", props);
      if (rng.chance(0.0025 + 0.008 * (1 - intent))) {
        if (tl.add("unsubscribe", openedAt + rng.uniform(10, 300) * 1000, "marketo", props)) contact.unsubscribedAt = openedAt;
        break;
      }
      if (rng.chance(0.08 + 0.3 * intent)) {
        const clickedAt = openedAt + rng.uniform(5, 300) * 1000;
        tl.add("email_click", clickedAt, "marketo", props);
        session(clickedAt + 5000);
      }
    }
  }

  const sessions = rng.poisson(ctx.activity * (lifeDays / 30) * (0.15 + 2.2 * intent ** 2));
  for (let i = 0; i < sessions; i++) session(randomDay(contact.createdAt, ctx.nowMs));

  const downloads = rng.poisson(ctx.activity * (lifeDays / 30) * (0.015 + 0.1 * intent));
  for (let i = 0; i < downloads; i++) gatedDownload(randomDay(contact.createdAt, ctx.nowMs));

  for (const webinar of ctx.webinars) {
    if (webinar.at < contact.createdAt || !rng.chance(0.008 + 0.09 * intent)) continue;
    const registeredAt = Math.max(contact.createdAt, webinar.at - rng.uniform(1, 14) * DAY_MS);
    tl.add("webinar_registered", registeredAt, "zoom", { webinar: webinar.title });
    if (rng.chance(0.35 + 0.4 * intent)) tl.add("webinar_attended", webinar.at + rng.uniform(0, 10) * MINUTE_MS, "zoom", { webinar: webinar.title });
  }

  // Buying windows: a few weeks of evaluation, more frequent (and hotter) the higher the intent.
  // They come at a steady rate over a person's life, not once per lifetime: a lifetime squeezed
  // into the last weeks would pile the database's MQLs up just before `now`. Inbound people
  // often sign up in the middle of one.
  const perYear = WINDOWS_PER_YEAR * intent ** 1.3;
  const waitForNext = () => rng.exponential((365 * DAY_MS) / Math.max(perYear, 1e-6));
  const inMarketAtSignUp = contact.source !== "outbound" && rng.chance(SIGN_UP_IN_MARKET * intent);
  let start = inMarketAtSignUp ? contact.createdAt + rng.uniform(0, 10) * DAY_MS : contact.createdAt + waitForNext();
  for (let burst = 0; burst < 3 && start < ctx.nowMs; burst++) {
    const end = start + rng.uniform(7, 25) * DAY_MS;
    buyingWindow(rng, contact, tl, sends, session, gatedDownload, start, end, offset);
    // Whoever just evaluated (and bought or not) is out of the market for a couple of months.
    start = end + 60 * DAY_MS + waitForNext();
  }
  return tl.sorted();
}

/** Buying windows a year at intent 1 (scaled by intent^1.3), and the share at sign-up. */
const WINDOWS_PER_YEAR = 2.2;
const SIGN_UP_IN_MARKET = 0.5;

function buyingWindow(
  rng: Random,
  contact: SeedContact,
  tl: Timeline,
  sends: readonly { t: number; subject: string; campaign: string }[],
  session: (start: number, pricingBoost?: number) => number,
  gatedDownload: (t: number) => void,
  start: number,
  end: number,
  offset: number,
) {
  const intent = contact.intent;
  const at = () => workdayMoment(rng, rng.uniform(start, end), offset);
  const visits = 2 + rng.poisson(5 * intent);
  for (let i = 0; i < visits; i++) session(at(), 3);
  if (rng.chance(0.12 + 0.55 * intent)) {
    const t = at();
    tl.add("page_view", t, "web", { url: DEMO_PAGE.url, title: DEMO_PAGE.title, durationSec: rng.int(20, 90) });
    tl.add("demo_request", t + rng.uniform(20, 120) * 1000, "web", { form: "Demo request", url: "/demo" });
  }
  if (rng.chance(0.35)) gatedDownload(at());
  if (rng.chance(0.2 * intent)) tl.add("form_submit", at(), "hubspot", { form: "Contact sales", url: `${SITE}/contact` });
  const lastSend = [...sends].reverse().find((s) => s.t < end);
  if (lastSend && rng.chance(0.1 + 0.3 * intent)) {
    tl.add("email_reply", Math.max(lastSend.t, start) + rng.uniform(1, 48) * HOUR_MS, "marketo", {
      subject: `Re: ${lastSend.subject}`,
      campaign: lastSend.campaign,
    });
  }
}

/** How the contact entered the database, which depends on where they came from. */
function acquisition(
  rng: Random,
  contact: SeedContact,
  ctx: BehaviourContext,
  tl: Timeline,
  session: (start: number, pricingBoost?: number) => number,
  gatedDownload: (t: number) => void,
) {
  const t0 = contact.createdAt;
  const campaign = contact.campaign;
  const landing = `${SITE}${campaign?.landingPath ?? "/"}`;
  switch (contact.source) {
    case "organic": {
      const t = session(t0);
      tl.add("form_submit", t, "hubspot", { form: "Newsletter signup", url: `${SITE}/blog` });
      break;
    }
    case "paid_search":
    case "paid_social":
    case "content": {
      let t = t0;
      if (contact.source !== "paid_social" || rng.chance(0.4)) {
        tl.add("page_view", t, "web", { url: landing, title: campaign?.name ?? "Handoff", durationSec: rng.int(15, 180) });
        t += rng.uniform(30, 200) * 1000;
        gatedDownload(t);
      } else {
        const asset = rng.pick(ASSETS);
        tl.add("form_submit", t, "hubspot", { form: "LinkedIn Lead Gen Form", url: "https://www.linkedin.com/" });
        tl.add("content_download", t + 5000, "hubspot", { asset: asset.asset });
      }
      break;
    }
    case "events": {
      const webinar = campaign?.name.startsWith("Webinar");
      tl.add("form_submit", t0, "hubspot", { form: `${webinar ? "Webinar registration" : "Event lead capture"}: ${campaign?.name ?? "Trade show"}`, url: landing });
      if (webinar) {
        const next = ctx.webinars.find((w) => w.at > t0);
        if (next) tl.add("webinar_registered", t0 + 1000, "zoom", { webinar: next.title });
      }
      break;
    }
    case "outbound": {
      // An SDR sequence: a few emails days apart until the person replies or the steps run out.
      const sdrs = ctx.sdrsFor(contact);
      const rep = sdrs.length > 0 ? rng.pick(sdrs) : null;
      let t = t0 + rng.uniform(0.1, 1) * DAY_MS;
      const steps = rng.int(3, 5);
      for (let step = 0; step < steps; step++) {
        const props = { subject: rng.pick(REP_EMAIL_SUBJECTS), campaign: campaign?.name ?? "Outbound sequence" };
        const sentAt = workdayMoment(rng, t, contact.country.utcOffset);
        tl.add("email_sent", sentAt, "salesforce", props, rep?.id ?? null);
        if (rng.chance(0.2 + 0.4 * contact.intent)) tl.add("email_open", sentAt + rng.exponential(6 * HOUR_MS), "salesforce", props);
        if (rng.chance(0.02 + 0.2 * contact.intent)) {
          tl.add("email_reply", sentAt + rng.uniform(1, 72) * HOUR_MS, "salesforce", { ...props, subject: `Re: ${props.subject}` });
          break;
        }
        t += rng.uniform(2, 5) * DAY_MS;
      }
      break;
    }
    case "partner":
      tl.add("form_submit", t0, "hubspot", { form: "Partner referral", url: `${SITE}/partners/refer` });
      break;
    case "referral":
      tl.add("page_view", t0, "web", { url: PRICING_PAGE.url, title: PRICING_PAGE.title, durationSec: rng.int(30, 240) });
      tl.add("form_submit", t0 + rng.uniform(60, 600) * 1000, "hubspot", { form: "Contact sales", url: `${SITE}/contact` });
      break;
  }
}

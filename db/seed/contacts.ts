import { computeFitScore, type FitRule } from "../../lib/scoring";
import { drawAccount, type AccountPool, type SeedAccount } from "./accounts";
import { campaignFor, CONTACT_SOURCES, SOURCE_WEIGHTS, type ContactSource, type SeedCampaign } from "./campaigns";
import { phoneNumber, pickCountry, pickRegion, type Country, type Region } from "./geography";
import {
  personName,
  personalEmail,
  pickJobFunction,
  pickSeniority,
  pickTitle,
  workEmailLocalPart,
  type JobFunction,
  type Seniority,
} from "./people";
import { sigmoid, type Random } from "./random";

export type SeedContact = {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  title: string;
  seniority: Seniority;
  jobFunction: JobFunction;
  phone: string | null;
  country: Country;
  region: Region;
  source: ContactSource;
  campaign: SeedCampaign | null;
  account: SeedAccount | null;
  createdAt: number;
  personal: boolean;
  student: boolean;
  fit: number;
  /** Unobserved readiness to buy: drives behaviour and, with fit, whether a deal happens. */
  quality: number;
  /** 0–1: how actively the person researches; the engagement generators read it. */
  intent: number;
  /** The address is dead: the first email bounces. */
  badAddress: boolean;
  unsubscribedAt: number | null;
};

const SOURCE_INTENT: Record<ContactSource, number> = {
  organic: 0.2,
  paid_search: 0.25,
  paid_social: -0.3,
  events: 0.1,
  content: 0,
  outbound: -0.5,
  partner: 0.45,
  referral: 0.8,
};

export type ContactContext = {
  accounts: AccountPool;
  campaigns: readonly SeedCampaign[];
  fitRules: readonly FitRule[];
  takenEmails: Set<string>;
  windowStartMs: number;
  nowMs: number;
};

/** When the contact entered the database: more recently the more the database grows. */
function creationTime(rng: Random, ctx: ContactContext): number {
  // Density ∝ e^(g·x) on [0, 1]: g = ln 2.2 makes this month's intake 2.2× that of a year ago.
  const g = Math.log(2.2);
  const x = Math.log(1 + rng.next() * (Math.exp(g) - 1)) / g;
  return ctx.windowStartMs + x * (ctx.nowMs - ctx.windowStartMs);
}

function uniqueEmail(rng: Random, candidate: string, taken: Set<string>): string {
  let email = candidate;
  const at = candidate.indexOf("@");
  while (taken.has(email)) email = `${candidate.slice(0, at)}${rng.int(2, 999)}${candidate.slice(at)}`;
  taken.add(email);
  return email;
}

export function generateContact(rng: Random, ids: Random, ctx: ContactContext): SeedContact {
  const kind = rng.next();
  const competitor = kind < 0.004;
  const student = !competitor && kind < 0.03;
  const personal = !competitor && (student ? rng.chance(0.6) : kind < 0.11);
  let account: SeedAccount | null = null;
  if (competitor) account = rng.pick(ctx.accounts.competitors);
  else if (student && !personal && ctx.accounts.education.length > 0) account = rng.pick(ctx.accounts.education);
  else if (!personal) account = drawAccount(rng, ctx.accounts);

  const region = account && rng.chance(0.88) ? account.region : pickRegion(rng);
  const country = account && region === account.region && rng.chance(0.85) ? account.country : pickCountry(rng, region);
  const { firstName, lastName } = personName(rng, country.nameLocales);
  const seniority = pickSeniority(rng, account?.employees ?? null, student);
  const jobFunction = pickJobFunction(rng, seniority);
  const title = pickTitle(rng, seniority, jobFunction);
  const candidate = account
    ? `${workEmailLocalPart(rng, firstName, lastName, (account.employees ?? 100) < 50)}@${account.domain}`
    : personalEmail(rng, firstName, lastName, country.name);
  const email = uniqueEmail(rng, candidate, ctx.takenEmails);
  const source = rng.weighted(CONTACT_SOURCES, SOURCE_WEIGHTS);
  const createdAt = creationTime(rng, ctx);

  const fit = computeFitScore(
    {
      email,
      title,
      seniority,
      jobFunction,
      country: country.name,
      region,
      source,
      account: account && {
        industry: account.industry,
        employees: account.employees,
        annualRevenue: account.annualRevenue,
        country: account.country.name,
        region: account.region,
        technologies: account.technologies,
      },
    },
    ctx.fitRules,
  ).score;
  const quality = rng.normal();
  // The intercept sets how many people are in the market at all: at -1.4 about a fifth of the
  // contacts reach MQL within a year (the 200k MQL records per 1M contacts of PRODUCT.md §10).
  const intent = sigmoid(-1.4 + 0.035 * (fit - 45) + 0.9 * quality + SOURCE_INTENT[source] + rng.normal(0, 0.7));

  return {
    id: ids.uuid(),
    email,
    firstName,
    lastName,
    title,
    seniority,
    jobFunction,
    phone: rng.chance(personal ? 0.35 : 0.7) ? phoneNumber(rng, country) : null,
    country,
    region,
    source,
    campaign: campaignFor(rng, ctx.campaigns, source, createdAt),
    account,
    createdAt,
    personal,
    student,
    fit,
    quality,
    intent,
    badAddress: rng.chance(0.03),
    unsubscribedAt: null,
  };
}

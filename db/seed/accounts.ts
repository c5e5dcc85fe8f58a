import { companyName, INDUSTRIES, INDUSTRY_WEIGHTS, topLevelDomain, uniqueDomain, type Industry } from "./company-names";
import { COUNTRIES, pickCountry, pickRegion, type Country, type Region } from "./geography";
import type { Random } from "./random";
import { DAY_MS } from "./time";

export type SeedAccount = {
  id: string;
  domain: string;
  name: string;
  industry: Industry | null;
  employees: number | null;
  annualRevenue: number | null;
  country: Country;
  region: Region;
  technologies: string[];
  ownerId: string | null;
  createdAt: number;
  competitor: boolean;
};

const MEDIAN_EMPLOYEES: Record<Industry, number> = {
  Software: 150,
  "Financial Services": 400,
  "E-commerce": 60,
  "Marketing & Advertising": 40,
  Healthcare: 300,
  Manufacturing: 250,
  "Professional Services": 80,
  Telecommunications: 800,
  Education: 500,
  Government: 1200,
  "Non-profit": 60,
  Retail: 200,
};

const REVENUE_PER_EMPLOYEE: Record<Industry, number> = {
  Software: 220_000,
  "Financial Services": 400_000,
  "E-commerce": 300_000,
  "Marketing & Advertising": 150_000,
  Healthcare: 180_000,
  Manufacturing: 250_000,
  "Professional Services": 160_000,
  Telecommunications: 450_000,
  Education: 90_000,
  Government: 150_000,
  "Non-profit": 80_000,
  Retail: 250_000,
};

const TECH_HEAVY = new Set<Industry>(["Software", "Financial Services", "E-commerce", "Marketing & Advertising", "Telecommunications"]);

function roundEmployees(n: number): number {
  if (n > 10_000) return Math.round(n / 500) * 500;
  if (n > 1_000) return Math.round(n / 50) * 50;
  return Math.max(1, Math.round(n));
}

/** Two significant digits, as enrichment providers report revenue. */
function roundRevenue(n: number): number {
  const magnitude = Math.pow(10, Math.max(0, Math.floor(Math.log10(n)) - 1));
  return Math.round(n / magnitude) * magnitude;
}

/** What the company runs, more of it (and more enterprise tools) the bigger it is. */
function technologies(rng: Random, industry: Industry | null, employees: number | null): string[] {
  const size = Math.min(1, Math.log10(Math.max(1, employees ?? 100)) / 4);
  const techy = industry !== null && TECH_HEAVY.has(industry);
  const commerce = industry === "E-commerce" || industry === "Retail";
  const out: string[] = [];
  const add = (name: string, p: number) => {
    if (rng.chance(p)) out.push(name);
  };
  const salesforce = rng.chance(0.12 + 0.5 * size);
  if (salesforce) out.push("Salesforce");
  add("HubSpot", salesforce ? 0.12 : 0.45 - 0.2 * size);
  add("Marketo", 0.03 + 0.25 * size * (techy ? 1.2 : 0.7));
  if (salesforce) add("Pardot", 0.12);
  add("Microsoft Dynamics", salesforce ? 0.02 : 0.1 * size);
  add("Snowflake", (techy ? 0.08 : 0.03) + 0.3 * size * (techy ? 1 : 0.5));
  add("Segment", techy || commerce ? 0.25 : 0.05);
  add("Zendesk", 0.18);
  add("Intercom", techy ? 0.2 : 0.05);
  add("Slack", 0.55);
  add("Google Analytics", 0.7);
  add("Outreach", 0.18 * size * (techy ? 1.3 : 0.7));
  add("Salesloft", 0.1 * size);
  add("Gong", 0.14 * size * (techy ? 1.3 : 0.6));
  add("ZoomInfo", 0.18 * size);
  add("6sense", 0.06 * size);
  add("Shopify", commerce ? 0.5 : 0.02);
  add("Stripe", techy || commerce ? 0.35 : 0.05);
  add("AWS", 0.35);
  add("Azure", 0.2);
  add("Looker", 0.1 * size + 0.03);
  add("Tableau", 0.15 * size + 0.03);
  add("dbt", techy ? 0.1 : 0.02);
  add("Workday", 0.18 * size);
  return out;
}

export type AccountPool = {
  accounts: SeedAccount[];
  /** Cumulative selection weights: bigger companies have more people in the database. */
  cumulativeWeights: Float64Array;
  education: SeedAccount[];
  competitors: SeedAccount[];
};

export function generateAccounts(
  rng: Random,
  ids: Random,
  options: { count: number; windowStartMs: number; aesByRegion: Record<Region, string[]> },
): AccountPool {
  const taken = new Set<string>();
  const accounts: SeedAccount[] = [];
  const competitors: SeedAccount[] = [
    competitorAccount(ids, "LeadForge", "leadforge.io", 180, options.windowStartMs),
    competitorAccount(ids, "PipelinePro", "pipelinepro.com", 320, options.windowStartMs),
  ];
  for (const c of competitors) taken.add(c.domain);
  const industryWeights = INDUSTRIES.map((i) => INDUSTRY_WEIGHTS[i]);
  for (let i = 0; i < options.count; i++) {
    const industry = rng.weighted(INDUSTRIES, industryWeights);
    const region = pickRegion(rng);
    const country = pickCountry(rng, region);
    const named = companyName(rng, industry);
    const domain = uniqueDomain(rng, named.slug, topLevelDomain(rng, industry, country.tld, country.name), taken);
    const rawEmployees = rng.logNormal(MEDIAN_EMPLOYEES[industry], 1.5);
    const employees = rng.chance(0.06) ? null : roundEmployees(Math.min(250_000, rawEmployees));
    const revenueKnown = industry === "Government" ? rng.chance(0.3) : rng.chance(0.85);
    const annualRevenue =
      employees !== null && revenueKnown ? roundRevenue(employees * REVENUE_PER_EMPLOYEE[industry] * rng.logNormal(1, 0.4)) : null;
    const sizeForOwnership = employees ?? 100;
    const ownershipChance = sizeForOwnership >= 1000 ? 0.7 : sizeForOwnership >= 200 ? 0.45 : 0.12;
    const aes = options.aesByRegion[region];
    accounts.push({
      id: ids.uuid(),
      domain,
      name: named.name,
      industry: rng.chance(0.04) ? null : industry,
      employees,
      annualRevenue,
      country,
      region,
      technologies: technologies(rng, industry, employees),
      ownerId: aes.length > 0 && rng.chance(ownershipChance) ? rng.pick(aes) : null,
      createdAt: options.windowStartMs - rng.uniform(1, 60) * DAY_MS,
      competitor: false,
    });
  }
  const cumulativeWeights = new Float64Array(accounts.length);
  let total = 0;
  for (let i = 0; i < accounts.length; i++) {
    total += Math.sqrt(accounts[i].employees ?? 100) * rng.logNormal(1, 0.5);
    cumulativeWeights[i] = total;
  }
  return {
    accounts: [...accounts, ...competitors],
    cumulativeWeights,
    education: accounts.filter((a) => a.industry === "Education"),
    competitors,
  };
}

function competitorAccount(ids: Random, name: string, domain: string, employees: number, windowStartMs: number): SeedAccount {
  const country = COUNTRIES[0];
  return {
    id: ids.uuid(),
    domain,
    name,
    industry: "Software",
    employees,
    annualRevenue: employees * 180_000,
    country,
    region: country.region,
    technologies: ["Salesforce", "Segment", "Snowflake", "Slack"],
    ownerId: null,
    createdAt: windowStartMs - 30 * DAY_MS,
    competitor: true,
  };
}

/** An account drawn in proportion to its selection weight (competitors are never drawn here). */
export function drawAccount(rng: Random, pool: AccountPool): SeedAccount {
  const weights = pool.cumulativeWeights;
  const target = rng.next() * weights[weights.length - 1];
  let lo = 0;
  let hi = weights.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (weights[mid] <= target) lo = mid + 1;
    else hi = mid;
  }
  return pool.accounts[lo];
}

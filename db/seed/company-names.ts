import { en } from "@faker-js/faker";
import type { Random } from "./random";

export const INDUSTRIES = [
  "Software",
  "Financial Services",
  "E-commerce",
  "Marketing & Advertising",
  "Healthcare",
  "Manufacturing",
  "Professional Services",
  "Telecommunications",
  "Education",
  "Government",
  "Non-profit",
  "Retail",
] as const;
export type Industry = (typeof INDUSTRIES)[number];

export const INDUSTRY_WEIGHTS: Record<Industry, number> = {
  Software: 22,
  "Financial Services": 10,
  "E-commerce": 8,
  "Marketing & Advertising": 8,
  Healthcare: 8,
  Manufacturing: 9,
  "Professional Services": 9,
  Telecommunications: 4,
  Education: 6,
  Government: 3,
  "Non-profit": 4,
  Retail: 7,
};

const WORDS = [
  "Blue", "North", "Bright", "Silver", "Iron", "Clear", "Swift", "Nova", "Apex", "Summit", "Harbor", "Cedar",
  "Maple", "Pine", "Oak", "River", "Stone", "Lake", "Sky", "Sun", "Star", "Cloud", "Signal", "Quantum", "Vertex",
  "Atlas", "Orbit", "Pixel", "Pulse", "Spark", "Echo", "Lumen", "Terra", "Aero", "Zen", "Core", "Prime", "True",
  "Open", "Key", "Ever", "Crown", "Falcon", "Kestrel", "Hawk", "Fox", "Wolf", "Lynx", "Otter", "Heron", "Raven",
  "Meridian", "Beacon", "Compass", "Anchor", "Bridge", "Canyon", "Delta", "Ember", "Frontier", "Granite", "Horizon",
  "Juniper", "Keystone", "Lighthouse", "Mosaic", "Nimbus", "Onyx", "Pioneer", "Redwood", "Sage", "Tidal", "Union",
  "Vantage", "Willow", "Zenith", "Aurora", "Cobalt", "Copper", "Indigo", "Jade", "Sterling", "Amber", "Birch", "Elm",
  "Harvest", "Ivy", "Laurel", "Marble", "Noble", "Opal", "Pacific", "Atlantic", "Alpine", "Coastal", "Metro", "Civic",
  "Pinnacle", "Crescent", "Evergreen", "Highland", "Lakeside", "Riverside", "Westbrook", "Eastfield", "Northgate",
  "Southpoint", "Bluebird", "Greenleaf", "Goldcrest", "Clearwater", "Brightside", "Fairview", "Oakridge", "Stonebridge",
];

const STEMS = [
  "ly", "io", "ify", "stack", "wise", "loop", "base", "flow", "grid", "hub", "lane", "mint", "path", "scale", "shift",
  "sync", "wave", "works", "forge", "bit", "craft", "desk", "dock", "field", "gate", "leaf", "line", "link", "logic",
  "metric", "mind", "nest", "node", "point", "port", "ray", "sense", "site", "spot", "track", "vault", "verse", "view",
];

const SUFFIXES: Record<Industry, readonly string[]> = {
  Software: ["Labs", "Software", "Technologies", "Systems", "Analytics", "Cloud", "AI", "", "", ""],
  "Financial Services": ["Capital", "Financial", "Bank", "Partners", "Insurance", "Wealth", "Payments", "Asset Management"],
  "E-commerce": ["Shop", "Market", "Goods", "Supply Co.", "Direct", "Commerce", ""],
  "Marketing & Advertising": ["Agency", "Media", "Creative", "Digital", "Collective", "Studio", "Marketing"],
  Healthcare: ["Health", "Medical", "Clinics", "Care", "Therapeutics", "Diagnostics", "Health System"],
  Manufacturing: ["Industries", "Manufacturing", "Components", "Robotics", "Materials", "Machinery", "Fabrication"],
  "Professional Services": ["Consulting", "Advisory", "Partners", "Group", "& Associates", "Legal", "Accounting"],
  Telecommunications: ["Telecom", "Networks", "Communications", "Mobile", "Broadband", "Fiber"],
  Education: ["University", "College", "Academy", "Learning", "Institute"],
  Government: [],
  "Non-profit": ["Foundation", "Trust", "Alliance", "Fund", "Society", "Network", "Initiative"],
  Retail: ["Outfitters", "Stores", "Retail", "Brands", "Home", "Apparel", "Grocers"],
};

const CITIES = (en.location?.city_name as string[] | undefined)?.filter((c) => /^[A-Za-z ]+$/.test(c)) ?? ["Springfield"];
const LAST_NAMES = (en.person?.last_name as { generic?: string[] } | undefined)?.generic?.filter((n) => /^[A-Za-z]+$/.test(n)) ?? [
  "Harper",
];

export type CompanyName = { name: string; /** Letters for the domain, before the TLD. */ slug: string };

const slugOf = (s: string) => s.toLowerCase().replace(/&/g, "and").replace(/[^a-z0-9]/g, "");

/** A company name that sounds like the industry, and the domain stem it would register. */
export function companyName(rng: Random, industry: Industry): CompanyName {
  if (industry === "Government") {
    const city = rng.pick(CITIES);
    const pattern = rng.int(0, 3);
    const name =
      pattern === 0 ? `City of ${city}` : pattern === 1 ? `${city} County` : pattern === 2 ? `${city} Transit Authority` : `${city} Water District`;
    return { name, slug: slugOf(name) };
  }
  if (industry === "Professional Services" && rng.chance(0.45)) {
    const a = rng.pick(LAST_NAMES);
    const b = rng.pick(LAST_NAMES);
    const name = `${a} & ${b}${rng.chance(0.5) ? " LLP" : ""}`;
    return { name, slug: slugOf(`${a}${b}`) };
  }
  const suffix = rng.pick(SUFFIXES[industry]);
  if (industry === "Software" && rng.chance(0.55)) {
    // One-word product brands: Datawise, Pulsely, Signalstack.
    const brand = rng.pick(WORDS) + rng.pick(STEMS);
    const name = suffix && rng.chance(0.4) ? `${brand} ${suffix}` : brand;
    return { name, slug: slugOf(brand) };
  }
  const word = rng.chance(0.2) ? rng.pick(CITIES) : rng.pick(WORDS);
  const second = rng.chance(0.35) ? rng.pick(WORDS) : "";
  const base = second && second !== word ? `${word} ${second}` : word;
  const name = suffix ? `${base} ${suffix}` : base;
  return { name, slug: slugOf(rng.chance(0.5) ? name : base) };
}

/** The top-level domain a company of that industry and country would most likely use. */
export function topLevelDomain(rng: Random, industry: Industry, countryTld: string, country: string): string {
  if (industry === "Government") return country === "United States" ? "gov" : countryTld === "com" ? "gov" : `gov.${countryTld.replace(/^(co|com)\./, "")}`;
  if (industry === "Education" && country === "United States") return "edu";
  if (industry === "Non-profit" && rng.chance(0.8)) return "org";
  if (industry === "Software" && rng.chance(0.3)) return rng.chance(0.6) ? "io" : "ai";
  return countryTld !== "com" && rng.chance(0.45) ? countryTld : "com";
}

const DOMAIN_VARIANTS = [(s: string) => `get${s}`, (s: string) => `${s}hq`, (s: string) => `try${s}`, (s: string) => `${s}group`];

/** Registers a unique domain for the stem, the way companies do when theirs is taken. */
export function uniqueDomain(rng: Random, slug: string, tld: string, taken: Set<string>): string {
  const stem = slug.slice(0, 40) || "company";
  let domain = `${stem}.${tld}`;
  for (let i = 0; taken.has(domain); i++) {
    domain = i < DOMAIN_VARIANTS.length ? `${DOMAIN_VARIANTS[i](stem)}.${tld}` : `${stem}${rng.int(2, 9999)}.${tld}`;
  }
  taken.add(domain);
  return domain;
}

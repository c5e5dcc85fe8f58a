import type { Random } from "./random";

export const REGIONS = ["North America", "EMEA", "APAC", "LATAM"] as const;
export type Region = (typeof REGIONS)[number];

/** Share of the demo's contacts per region: a US-headquartered vendor selling worldwide. */
export const REGION_WEIGHTS: Record<Region, number> = { "North America": 46, EMEA: 31, APAC: 15, LATAM: 8 };

export type Country = {
  name: string;
  region: Region;
  weight: number;
  /** Hours from UTC, rounded: local business hours only need to be roughly right. */
  utcOffset: number;
  /** Country-code top-level domain used by some of its companies (besides .com). */
  tld: string;
  dialCode: string;
  /** faker locales whose names fit the country. */
  nameLocales: readonly string[];
};

export const COUNTRIES: readonly Country[] = [
  { name: "United States", region: "North America", weight: 84, utcOffset: -6, tld: "com", dialCode: "+1", nameLocales: ["en"] },
  { name: "Canada", region: "North America", weight: 16, utcOffset: -5, tld: "ca", dialCode: "+1", nameLocales: ["en", "fr"] },
  { name: "United Kingdom", region: "EMEA", weight: 30, utcOffset: 0, tld: "co.uk", dialCode: "+44", nameLocales: ["en"] },
  { name: "Germany", region: "EMEA", weight: 18, utcOffset: 1, tld: "de", dialCode: "+49", nameLocales: ["de"] },
  { name: "France", region: "EMEA", weight: 13, utcOffset: 1, tld: "fr", dialCode: "+33", nameLocales: ["fr"] },
  { name: "Netherlands", region: "EMEA", weight: 9, utcOffset: 1, tld: "nl", dialCode: "+31", nameLocales: ["nl"] },
  { name: "Spain", region: "EMEA", weight: 7, utcOffset: 1, tld: "es", dialCode: "+34", nameLocales: ["es"] },
  { name: "Sweden", region: "EMEA", weight: 6, utcOffset: 1, tld: "se", dialCode: "+46", nameLocales: ["sv"] },
  { name: "Ireland", region: "EMEA", weight: 5, utcOffset: 0, tld: "ie", dialCode: "+353", nameLocales: ["en"] },
  { name: "Italy", region: "EMEA", weight: 6, utcOffset: 1, tld: "it", dialCode: "+39", nameLocales: ["it"] },
  { name: "United Arab Emirates", region: "EMEA", weight: 3, utcOffset: 4, tld: "ae", dialCode: "+971", nameLocales: ["en", "en_IN"] },
  { name: "South Africa", region: "EMEA", weight: 3, utcOffset: 2, tld: "co.za", dialCode: "+27", nameLocales: ["en"] },
  { name: "Australia", region: "APAC", weight: 38, utcOffset: 10, tld: "com.au", dialCode: "+61", nameLocales: ["en_AU"] },
  { name: "India", region: "APAC", weight: 28, utcOffset: 5, tld: "in", dialCode: "+91", nameLocales: ["en_IN"] },
  { name: "Singapore", region: "APAC", weight: 18, utcOffset: 8, tld: "com.sg", dialCode: "+65", nameLocales: ["en", "en_IN"] },
  { name: "New Zealand", region: "APAC", weight: 9, utcOffset: 12, tld: "co.nz", dialCode: "+64", nameLocales: ["en_AU"] },
  { name: "Philippines", region: "APAC", weight: 7, utcOffset: 8, tld: "com.ph", dialCode: "+63", nameLocales: ["es", "en"] },
  { name: "Brazil", region: "LATAM", weight: 42, utcOffset: -3, tld: "com.br", dialCode: "+55", nameLocales: ["pt_BR"] },
  { name: "Mexico", region: "LATAM", weight: 30, utcOffset: -6, tld: "com.mx", dialCode: "+52", nameLocales: ["es_MX"] },
  { name: "Argentina", region: "LATAM", weight: 12, utcOffset: -3, tld: "com.ar", dialCode: "+54", nameLocales: ["es"] },
  { name: "Colombia", region: "LATAM", weight: 10, utcOffset: -5, tld: "com.co", dialCode: "+57", nameLocales: ["es_MX"] },
  { name: "Chile", region: "LATAM", weight: 6, utcOffset: -4, tld: "cl", dialCode: "+56", nameLocales: ["es"] },
];

const byRegion = new Map<Region, { countries: Country[]; weights: number[] }>();
for (const c of COUNTRIES) {
  const entry = byRegion.get(c.region) ?? { countries: [], weights: [] };
  entry.countries.push(c);
  entry.weights.push(c.weight);
  byRegion.set(c.region, entry);
}

export function pickRegion(rng: Random): Region {
  return rng.weighted(REGIONS, REGIONS.map((r) => REGION_WEIGHTS[r]));
}

export function pickCountry(rng: Random, region: Region): Country {
  const entry = byRegion.get(region)!;
  return rng.weighted(entry.countries, entry.weights);
}

/** A plausible phone number in the country's international format. */
export function phoneNumber(rng: Random, country: Country): string {
  const digits = (n: number) => {
    let s = "";
    for (let i = 0; i < n; i++) s += String(rng.int(0, 9));
    return s;
  };
  if (country.dialCode === "+1") return `+1 ${rng.int(201, 989)} 555 ${digits(4)}`;
  return `${country.dialCode} ${rng.int(1, 9)}${digits(2)} ${digits(3)} ${digits(3)}`;
}

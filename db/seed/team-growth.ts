import { REGION_WEIGHTS, REGIONS, type Region } from "./geography";
import { personName } from "./people";
import type { Random } from "./random";
import type { MemberSpec } from "./team";

/**
 * Up to this many contacts the demo keeps its twelve named people, whom the README, the
 * screenshots and the end-to-end tests show. A bigger data set hires more reps, or each SDR
 * would hold thousands of open leads where a real one holds tens to a few hundred.
 */
export const TEAM_GROWS_ABOVE_CONTACTS = 20_000;

/**
 * Contacts a region staffs one SDR and one AE for. At the seed's MQL rate (about a fifth of the
 * contacts qualify in a year) an SDR then receives some 250 MQLs a month and holds roughly
 * 100–250 open ones; with about two AEs per SDR, an AE takes some 30 SQLs a month.
 */
const CONTACTS_PER_SDR = 8_000;
const CONTACTS_PER_AE = 4_000;

type Office = { timezone: string; utcOffset: number; locales: readonly string[]; weight: number };

/** Where each region's reps sit, and the names people there have (faker locales). */
const OFFICES: Record<Region, { slug: string; offices: readonly Office[] }> = {
  "North America": {
    slug: "na",
    offices: [
      { timezone: "America/New_York", utcOffset: -5, locales: ["en"], weight: 4 },
      { timezone: "America/Chicago", utcOffset: -6, locales: ["en"], weight: 3 },
      { timezone: "America/Denver", utcOffset: -7, locales: ["en"], weight: 1 },
      { timezone: "America/Los_Angeles", utcOffset: -8, locales: ["en"], weight: 2 },
      { timezone: "America/Toronto", utcOffset: -5, locales: ["en", "fr"], weight: 1 },
    ],
  },
  EMEA: {
    slug: "emea",
    offices: [
      { timezone: "Europe/London", utcOffset: 0, locales: ["en"], weight: 4 },
      { timezone: "Europe/Dublin", utcOffset: 0, locales: ["en"], weight: 2 },
      { timezone: "Europe/Berlin", utcOffset: 1, locales: ["de"], weight: 2 },
      { timezone: "Europe/Amsterdam", utcOffset: 1, locales: ["nl", "en"], weight: 2 },
      { timezone: "Europe/Paris", utcOffset: 1, locales: ["fr"], weight: 1 },
      { timezone: "Europe/Madrid", utcOffset: 1, locales: ["es"], weight: 1 },
      { timezone: "Europe/Stockholm", utcOffset: 1, locales: ["sv"], weight: 1 },
    ],
  },
  APAC: {
    slug: "apac",
    offices: [
      { timezone: "Asia/Singapore", utcOffset: 8, locales: ["en", "en_IN"], weight: 4 },
      { timezone: "Australia/Sydney", utcOffset: 10, locales: ["en_AU"], weight: 3 },
      { timezone: "Asia/Tokyo", utcOffset: 9, locales: ["en"], weight: 1 },
      { timezone: "Asia/Manila", utcOffset: 8, locales: ["en", "es"], weight: 1 },
    ],
  },
  LATAM: {
    slug: "latam",
    offices: [
      { timezone: "America/Sao_Paulo", utcOffset: -3, locales: ["pt_BR"], weight: 3 },
      { timezone: "America/Mexico_City", utcOffset: -6, locales: ["es_MX"], weight: 2 },
      { timezone: "America/Bogota", utcOffset: -5, locales: ["es_MX"], weight: 1 },
      { timezone: "America/Argentina/Buenos_Aires", utcOffset: -3, locales: ["es"], weight: 1 },
    ],
  },
};

/** Caps an admin might set on a rep's open MQLs; about one SDR in five has one. */
const SDR_CAPS = [100, 120, 150] as const;

/**
 * The reps a data set of `contacts` needs beyond the named team: per region, SDRs and AEs in
 * proportion to the contacts routed there, named `sdr-emea-07@handoff.demo`, `ae-apac-03@…`.
 * Like real people, a few are out of office around now, some have a cap and some are behind.
 */
export function generatedReps(rng: Random, contacts: number, named: readonly MemberSpec[]): MemberSpec[] {
  if (contacts <= TEAM_GROWS_ABOVE_CONTACTS) return [];
  const totalWeight = REGIONS.reduce((sum, r) => sum + REGION_WEIGHTS[r], 0);
  const takenNames = new Set(named.map((m) => m.name));
  const specs: MemberSpec[] = [];
  for (const region of REGIONS) {
    const regionContacts = (contacts * REGION_WEIGHTS[region]) / totalWeight;
    const staffed = (role: MemberSpec["role"]) => named.filter((m) => m.role === role && m.regions.includes(region)).length;
    const sdrs = Math.max(0, Math.round(regionContacts / CONTACTS_PER_SDR) - staffed("sdr"));
    const aes = Math.max(0, Math.round(regionContacts / CONTACTS_PER_AE) - staffed("sales"));
    for (let n = 1; n <= sdrs; n++) specs.push(sdr(rng, region, n, takenNames));
    for (let n = 1; n <= aes; n++) specs.push(ae(rng, region, n, takenNames));
  }
  return specs;
}

function sdr(rng: Random, region: Region, n: number, takenNames: Set<string>): MemberSpec {
  const senior = rng.chance(0.2);
  return {
    ...person(rng, region, "sdr", n, takenNames),
    role: "sdr",
    title: senior ? "Senior Sales Development Representative" : "Sales Development Representative",
    ...(rng.chance(0.2) ? { maxOpenMqls: rng.pick(SDR_CAPS) } : {}),
    ...(rng.chance(0.12) ? { untouchedShare: rng.uniform(0.12, 0.25) } : {}),
  };
}

function ae(rng: Random, region: Region, n: number, takenNames: Set<string>): MemberSpec {
  return {
    ...person(rng, region, "ae", n, takenNames),
    role: "sales",
    title: rng.weighted(["Account Executive", "Senior Account Executive", "Enterprise Account Executive"], [6, 3, 1]),
  };
}

function person(rng: Random, region: Region, prefix: "sdr" | "ae", n: number, takenNames: Set<string>) {
  const { slug, offices } = OFFICES[region];
  const office = rng.weighted(offices, offices.map((o) => o.weight));
  let name = "";
  // Namesakes on one team would be confusing in a rep picker; a few draws always find another name.
  for (let attempt = 0; attempt < 20 && (name === "" || takenNames.has(name)); attempt++) {
    const { firstName, lastName } = personName(rng, office.locales);
    name = `${firstName} ${lastName}`;
  }
  takenNames.add(name);
  const away = rng.chance(0.05);
  return {
    email: `${prefix}-${slug}-${String(n).padStart(2, "0")}@handoff.demo`,
    name,
    timezone: office.timezone,
    utcOffset: office.utcOffset,
    regions: [region],
    ...(away ? { awayDays: [-rng.int(1, 8), rng.int(2, 10)] as [number, number] } : {}),
  };
}

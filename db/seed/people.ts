import { de, en, en_AU, en_IN, es, es_MX, fr, it, nl, pt_BR, sv, type LocaleDefinition } from "@faker-js/faker";
import type { Random } from "./random";

export const SENIORITIES = ["c_level", "vp", "director", "manager", "individual_contributor", "student"] as const;
export type Seniority = (typeof SENIORITIES)[number];

export const JOB_FUNCTIONS = [
  "marketing",
  "sales",
  "revenue_operations",
  "engineering",
  "it",
  "finance",
  "operations",
  "hr",
  "other",
] as const;
export type JobFunction = (typeof JOB_FUNCTIONS)[number];

type TitleTable = Record<JobFunction, Record<Seniority, readonly string[]>>;

/** Titles a person of that seniority and function would put on LinkedIn. */
const TITLES: TitleTable = {
  marketing: {
    c_level: ["Chief Marketing Officer", "CMO"],
    vp: ["VP of Marketing", "VP Demand Generation", "VP Growth Marketing", "SVP Marketing"],
    director: ["Director of Demand Generation", "Director of Marketing Operations", "Head of Growth", "Director of Product Marketing", "Head of Marketing"],
    manager: ["Marketing Manager", "Demand Generation Manager", "Marketing Operations Manager", "Content Marketing Manager", "Field Marketing Manager", "Digital Marketing Manager"],
    individual_contributor: ["Marketing Specialist", "Growth Marketer", "Marketing Coordinator", "SEO Specialist", "Content Writer", "Marketing Analyst"],
    student: ["Marketing Intern", "MBA Student", "Marketing Student"],
  },
  sales: {
    c_level: ["Chief Revenue Officer", "Chief Sales Officer"],
    vp: ["VP of Sales", "SVP Sales", "VP Business Development", "VP Sales Development"],
    director: ["Director of Sales", "Head of Sales Development", "Director of Inside Sales", "Sales Director"],
    manager: ["Sales Manager", "SDR Manager", "Regional Sales Manager", "Sales Development Manager"],
    individual_contributor: ["Account Executive", "Sales Development Representative", "Business Development Representative", "Account Manager"],
    student: ["Sales Intern", "Business Development Intern"],
  },
  revenue_operations: {
    c_level: ["Chief Revenue Officer"],
    vp: ["VP Revenue Operations", "VP Sales Operations", "VP GTM Operations"],
    director: ["Director of Revenue Operations", "Head of RevOps", "Director of Sales Operations"],
    manager: ["Revenue Operations Manager", "Sales Operations Manager", "CRM Manager", "GTM Systems Manager"],
    individual_contributor: ["Revenue Operations Analyst", "Salesforce Administrator", "Sales Operations Analyst", "HubSpot Administrator"],
    student: ["Revenue Operations Intern"],
  },
  engineering: {
    c_level: ["Chief Technology Officer", "CTO & Co-Founder"],
    vp: ["VP of Engineering", "SVP Engineering", "VP Data"],
    director: ["Director of Engineering", "Head of Data Engineering", "Head of Platform"],
    manager: ["Engineering Manager", "Data Engineering Manager", "Analytics Manager"],
    individual_contributor: ["Software Engineer", "Senior Software Engineer", "Data Engineer", "Data Analyst", "Analytics Engineer"],
    student: ["Software Engineering Intern", "Computer Science Student"],
  },
  it: {
    c_level: ["Chief Information Officer", "Chief Information Security Officer"],
    vp: ["VP of IT", "VP Information Technology"],
    director: ["Director of IT", "IT Director", "Head of Business Systems"],
    manager: ["IT Manager", "Business Systems Manager", "Applications Manager"],
    individual_contributor: ["Systems Administrator", "IT Specialist", "Business Systems Analyst"],
    student: ["IT Intern"],
  },
  finance: {
    c_level: ["Chief Financial Officer"],
    vp: ["VP Finance", "VP of Finance & Accounting"],
    director: ["Finance Director", "Director of FP&A", "Controller"],
    manager: ["Finance Manager", "Accounting Manager", "Procurement Manager"],
    individual_contributor: ["Financial Analyst", "Accountant", "Procurement Specialist"],
    student: ["Finance Intern"],
  },
  operations: {
    c_level: ["Chief Operating Officer"],
    vp: ["VP Operations", "VP Business Operations"],
    director: ["Director of Operations", "Head of Business Operations"],
    manager: ["Operations Manager", "Program Manager", "Project Manager"],
    individual_contributor: ["Operations Analyst", "Business Analyst", "Operations Coordinator"],
    student: ["Operations Intern"],
  },
  hr: {
    c_level: ["Chief People Officer", "Chief Human Resources Officer"],
    vp: ["VP People", "VP Human Resources"],
    director: ["Director of Talent Acquisition", "HR Director"],
    manager: ["HR Manager", "Talent Acquisition Manager"],
    individual_contributor: ["Recruiter", "HR Generalist", "People Operations Specialist"],
    student: ["HR Intern"],
  },
  other: {
    c_level: ["Chief Executive Officer", "Co-Founder & CEO", "Founder", "President"],
    vp: ["VP Strategy", "VP Customer Success", "VP Product"],
    director: ["Director of Customer Success", "Head of Product", "Director of Partnerships"],
    manager: ["Customer Success Manager", "Product Manager", "Office Manager"],
    individual_contributor: ["Consultant", "Customer Success Associate", "Product Designer", "Executive Assistant"],
    student: ["Student", "Graduate Student", "MBA Candidate"],
  },
};

const FUNCTION_WEIGHTS: Record<JobFunction, number> = {
  marketing: 30,
  sales: 17,
  revenue_operations: 10,
  engineering: 10,
  it: 8,
  finance: 6,
  operations: 8,
  hr: 5,
  other: 6,
};

export function pickSeniority(rng: Random, employees: number | null, student: boolean): Seniority {
  if (student) return "student";
  const small = employees !== null && employees < 50;
  return rng.weighted(
    SENIORITIES.slice(0, 5),
    small ? [22, 10, 14, 24, 30] : [4, 9, 18, 30, 39],
  );
}

export function pickJobFunction(rng: Random, seniority: Seniority): JobFunction {
  const weights = JOB_FUNCTIONS.map((f) => (seniority === "c_level" && f === "other" ? 40 : FUNCTION_WEIGHTS[f]));
  return rng.weighted(JOB_FUNCTIONS, weights);
}

export function pickTitle(rng: Random, seniority: Seniority, fn: JobFunction): string {
  return rng.pick(TITLES[fn][seniority]);
}

type NamePool = { first: string[]; last: string[] };

const LOCALES: Record<string, LocaleDefinition> = { de, en, en_AU, en_IN, es, es_MX, fr, it, nl, pt_BR, sv };

function namePool(locale: LocaleDefinition): NamePool {
  const first = locale.person?.first_name as Record<string, string[] | undefined> | undefined;
  const last = locale.person?.last_name as Record<string, string[] | undefined> | undefined;
  const flat = (group: Record<string, string[] | undefined> | undefined) =>
    [...new Set([...(group?.generic ?? []), ...(group?.female ?? []), ...(group?.male ?? [])])].filter((n) =>
      /^[\p{L}' -]+$/u.test(n),
    );
  return { first: flat(first), last: flat(last) };
}

const pools = new Map<string, NamePool>();

function poolFor(localeName: string): NamePool {
  let pool = pools.get(localeName);
  if (!pool) {
    pool = namePool(LOCALES[localeName] ?? en);
    if (pool.first.length === 0 || pool.last.length === 0) pool = namePool(en);
    pools.set(localeName, pool);
  }
  return pool;
}

export function personName(rng: Random, locales: readonly string[]): { firstName: string; lastName: string } {
  const pool = poolFor(rng.pick(locales));
  return { firstName: rng.pick(pool.first), lastName: rng.pick(pool.last) };
}

const FOLD: Record<string, string> = { ß: "ss", ø: "o", æ: "ae", œ: "oe", ł: "l", đ: "d", þ: "th", ı: "i" };

/** The ASCII letters of a name, as they would appear in an email address. */
export function emailPart(name: string): string {
  return name
    .toLowerCase()
    .replace(/[ßøæœłđþı]/g, (c) => FOLD[c] ?? c)
    .normalize("NFD")
    .replace(/[^a-z]/g, "");
}

/** The local part of a work address, in one of the formats companies commonly use. */
export function workEmailLocalPart(rng: Random, first: string, last: string, smallCompany: boolean): string {
  const f = emailPart(first) || "info";
  const l = emailPart(last) || "contact";
  const format = rng.weighted(
    ["first.last", "flast", "first", "firstl", "f.last", "first_last"],
    [50, 20, smallCompany ? 12 : 2, 7, 9, 4],
  );
  switch (format) {
    case "flast":
      return f[0] + l;
    case "first":
      return f;
    case "firstl":
      return f + l[0];
    case "f.last":
      return `${f[0]}.${l}`;
    case "first_last":
      return `${f}_${l}`;
    default:
      return `${f}.${l}`;
  }
}

const PERSONAL_DOMAINS = ["gmail.com", "outlook.com", "yahoo.com", "hotmail.com", "icloud.com", "proton.me"];
const PERSONAL_WEIGHTS = [60, 12, 10, 8, 6, 4];
const LOCAL_PERSONAL_DOMAINS: Record<string, string[]> = {
  Germany: ["gmx.de", "web.de", "t-online.de"],
  France: ["orange.fr", "free.fr", "laposte.net"],
  Italy: ["libero.it"],
  "United Kingdom": ["btinternet.com", "yahoo.co.uk"],
};

/** A free-mail address; the numbers make collisions between namesakes unlikely. */
export function personalEmail(rng: Random, first: string, last: string, country: string): string {
  const local = LOCAL_PERSONAL_DOMAINS[country];
  const domain = local && rng.chance(0.3) ? rng.pick(local) : rng.weighted(PERSONAL_DOMAINS, PERSONAL_WEIGHTS);
  const f = emailPart(first) || "me";
  const l = emailPart(last) || "mail";
  const style = rng.int(0, 3);
  const n = rng.int(1, 99);
  const local_ =
    style === 0 ? `${f}.${l}${n}` : style === 1 ? `${f}${l}${rng.int(1965, 2004)}` : style === 2 ? `${f[0]}${l}${n}` : `${f}.${l}`;
  return `${local_}@${domain}`;
}

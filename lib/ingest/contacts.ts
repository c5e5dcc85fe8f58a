import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Database } from "../../db/client";
import { emailDomain, isPersonalEmailDomain, normalizeDomain } from "../email";
import type { ContactInput } from "./schemas";

export type ContactUpsertResult = { index: number; id: string; email: string; status: "created" | "updated" };

type AccountRow = {
  domain: string;
  name: string | null;
  fallback_name: string;
  industry: string | null;
  employees: number | null;
  annual_revenue: number | null;
  country: string | null;
  region: string | null;
};

/** "acme-analytics.io" → "Acme Analytics": a readable name until the real one is known. */
export function nameFromDomain(domain: string): string {
  const label = domain.split(".")[0] ?? domain;
  return label
    .split(/[-_]/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(" ");
}

/** The account a contact belongs to: the given domain, else the email's, except free-mail domains. */
export function accountDomainFor(contact: Pick<ContactInput, "email" | "account">): string | null {
  const given = contact.account?.domain ? normalizeDomain(contact.account.domain) : null;
  if (given) return given;
  const domain = emailDomain(contact.email);
  return domain && !isPersonalEmailDomain(domain) ? domain : null;
}

const json = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`;

/** Later fields of a repeated email win; absent fields keep earlier values. */
function mergeByEmail(items: ContactInput[]) {
  const merged = new Map<string, { input: ContactInput; indexes: number[] }>();
  items.forEach((item, index) => {
    const prev = merged.get(item.email);
    if (!prev) merged.set(item.email, { input: item, indexes: [index] });
    else {
      const defined = Object.fromEntries(Object.entries(item).filter(([, v]) => v !== undefined));
      prev.input = { ...prev.input, ...defined, account: { ...prev.input.account, ...item.account } } as ContactInput;
      prev.indexes.push(index);
    }
  });
  return merged;
}

async function upsertAccounts(db: Database, contacts: ContactInput[]): Promise<Map<string, string>> {
  const byDomain = new Map<string, AccountRow>();
  for (const c of contacts) {
    const domain = accountDomainFor(c);
    if (!domain) continue;
    const a = c.account ?? {};
    const prev = byDomain.get(domain);
    byDomain.set(domain, {
      domain,
      name: a.name ?? prev?.name ?? null,
      fallback_name: nameFromDomain(domain),
      industry: a.industry ?? prev?.industry ?? null,
      employees: a.employees ?? prev?.employees ?? null,
      annual_revenue: a.annualRevenue ?? prev?.annual_revenue ?? null,
      country: a.country ?? prev?.country ?? null,
      region: a.region ?? prev?.region ?? null,
    });
  }
  if (byDomain.size === 0) return new Map();
  const rows = [...byDomain.values()];
  // Update the attributes that were sent, insert the accounts that are new; one statement.
  await db.execute(sql`
    with input as (
      select * from jsonb_to_recordset(${json(rows)}) as i(domain text, name text, fallback_name text, industry text,
        employees int, annual_revenue bigint, country text, region text)
    ), updated as (
      update accounts a set
        name = coalesce(i.name, a.name), industry = coalesce(i.industry, a.industry),
        employees = coalesce(i.employees, a.employees), annual_revenue = coalesce(i.annual_revenue, a.annual_revenue),
        country = coalesce(i.country, a.country), region = coalesce(i.region, a.region), updated_at = now()
      from input i
      where a.domain = i.domain
        and (i.name is not null or i.industry is not null or i.employees is not null or i.annual_revenue is not null
             or i.country is not null or i.region is not null)
      returning a.domain
    )
    insert into accounts (domain, name, industry, employees, annual_revenue, country, region)
    select i.domain, coalesce(i.name, i.fallback_name), i.industry, i.employees, i.annual_revenue, i.country, i.region
    from input i where not exists (select 1 from updated u where u.domain = i.domain)
    on conflict (domain) do nothing`);
  const ids = rowsOf<{ id: string; domain: string }>(
    await db.execute(sql`select id, domain from accounts where domain in (select jsonb_array_elements_text(${json([...byDomain.keys()])}))`),
  );
  return new Map(ids.map((r) => [r.domain, r.id]));
}

async function ensureCampaigns(db: Database, contacts: ContactInput[]): Promise<Map<string, string>> {
  const campaigns = new Map<string, string>();
  for (const c of contacts) if (c.campaign) campaigns.set(c.campaign, c.source ?? "other");
  if (campaigns.size === 0) return new Map();
  const rows = [...campaigns].map(([name, channel]) => ({ name, channel }));
  await db.execute(sql`
    insert into campaigns (name, channel)
    select name, channel from jsonb_to_recordset(${json(rows)}) as c(name text, channel text)
    on conflict (name) do nothing`);
  const ids = rowsOf<{ id: string; name: string }>(
    await db.execute(sql`select id, name from campaigns where name in (select jsonb_array_elements_text(${json([...campaigns.keys()])}))`),
  );
  return new Map(ids.map((r) => [r.name, r.id]));
}

/**
 * Upserts a batch of contacts by email (case-insensitive) in a few set-based statements: their
 * accounts (found or created by domain), their campaigns, then the contacts themselves. Fields
 * that are absent keep their stored value; properties are merged.
 */
export async function upsertContacts(db: Database, items: ContactInput[]): Promise<ContactUpsertResult[]> {
  if (items.length === 0) return [];
  const merged = mergeByEmail(items);
  const contacts = [...merged.values()].map((m) => m.input);
  const accountIds = await upsertAccounts(db, contacts);
  const campaignIds = await ensureCampaigns(db, contacts);
  const rows = contacts.map((c) => {
    const domain = accountDomainFor(c);
    return {
      email: c.email,
      first_name: c.firstName ?? null,
      last_name: c.lastName ?? null,
      title: c.title ?? null,
      seniority: c.seniority ?? null,
      job_function: c.function ?? null,
      phone: c.phone ?? null,
      country: c.country ?? c.account?.country ?? null,
      region: c.region ?? c.account?.region ?? null,
      source: c.source ?? null,
      campaign_id: c.campaign ? (campaignIds.get(c.campaign) ?? null) : null,
      account_id: domain ? (accountIds.get(domain) ?? null) : null,
      created_at: c.createdAt?.toISOString() ?? null,
      properties: c.properties ?? {},
    };
  });
  const result = rowsOf<{ id: string; email: string; inserted: boolean }>(
    await db.execute(sql`
      with upserted as (
      insert into contacts (email, first_name, last_name, title, seniority, job_function, phone, country, region, source,
        campaign_id, account_id, created_at, stage_changed_at, properties)
      select c.email, c.first_name, c.last_name, c.title, c.seniority, c.job_function, c.phone, c.country, c.region, c.source,
        c.campaign_id, c.account_id, coalesce(c.created_at, now()), coalesce(c.created_at, now()), c.properties
      from jsonb_to_recordset(${json(rows)}) as c(email text, first_name text, last_name text, title text, seniority text,
        job_function text, phone text, country text, region text, source text, campaign_id uuid, account_id uuid,
        created_at timestamptz, properties jsonb)
      on conflict (email) do update set
        first_name = coalesce(excluded.first_name, contacts.first_name),
        last_name = coalesce(excluded.last_name, contacts.last_name),
        title = coalesce(excluded.title, contacts.title),
        seniority = coalesce(excluded.seniority, contacts.seniority),
        job_function = coalesce(excluded.job_function, contacts.job_function),
        phone = coalesce(excluded.phone, contacts.phone),
        country = coalesce(excluded.country, contacts.country),
        region = coalesce(excluded.region, contacts.region),
        source = coalesce(contacts.source, excluded.source),
        campaign_id = coalesce(contacts.campaign_id, excluded.campaign_id),
        account_id = coalesce(excluded.account_id, contacts.account_id),
        properties = contacts.properties || excluded.properties,
        updated_at = now()
      returning id, email, (xmax = 0) as inserted
      ), queued as (
        -- New or changed attributes can change fit: rescore these contacts soon.
        insert into contact_refresh_queue (contact_ids) select array_agg(id) from upserted having count(*) > 0
      )
      select id, email, inserted from upserted`),
  );
  const byEmail = new Map(result.map((r) => [r.email, r]));
  const out: ContactUpsertResult[] = [];
  for (const [email, { indexes }] of merged) {
    const row = byEmail.get(email)!;
    indexes.forEach((index, i) =>
      out.push({ index, id: row.id, email, status: row.inserted && i === 0 ? "created" : "updated" }),
    );
  }
  return out.sort((a, b) => a.index - b.index);
}

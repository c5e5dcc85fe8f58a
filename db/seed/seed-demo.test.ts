import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "../../lib/auth/password";
import { openPostgres, type DatabaseHandle } from "../client";
import { createTestDatabase } from "../test-database";
import { runnerFor } from "./bulk-copy";
import { ensureWorkspaceDefaults } from "./defaults";
import { SeedRefusedError, wipeDatabase } from "./reset";
import { DEFAULT_DEMO_SIZE, DEMO_PASSWORD, seedDemo, type SeedSummary } from "./seed-demo";

const NOW = new Date("2026-03-02T15:00:00Z");
const SMALL = { contacts: 300, months: 3, seed: 7, now: NOW };

const query = <T = Record<string, unknown>>(handle: DatabaseHandle, sql: string) => runnerFor(handle).query<T>(sql);
const one = async <T = Record<string, unknown>>(handle: DatabaseHandle, sql: string) => (await query<T>(handle, sql))[0];

/** What must come out identical from the same seed: rows and their ids, not just counts. */
async function fingerprint(handle: DatabaseHandle) {
  return one(
    handle,
    `select
       (select md5(string_agg(id::text || email || stage || fit_score || engagement_score, ',' order by id)) from contacts join contact_scores on contact_id = id) as contacts,
       (select md5(string_agg(id::text || status || mql_at::text || coalesce(assigned_rep_id::text, ''), ',' order by id)) from mql_records) as records,
       (select md5(string_agg(contact_id::text || type || occurred_at::text || external_id || properties::text, ',' order by id)) from engagement_events) as events,
       (select md5(string_agg(id::text || email, ',' order by id)) from users) as users`,
  );
}

describe("seedDemo", () => {
  let first: DatabaseHandle;
  let second: DatabaseHandle;
  let firstSummary: SeedSummary;
  let secondSummary: SeedSummary;

  beforeAll(async () => {
    [first, second] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    firstSummary = await seedDemo(first, SMALL);
    secondSummary = await seedDemo(second, SMALL);
  });
  afterAll(async () => {
    await Promise.all([first?.close(), second?.close()]);
  });

  it("produces the same data, ids included, from the same seed", async () => {
    expect(secondSummary.counts).toEqual(firstSummary.counts);
    const firstContact = `select id, email from contacts order by created_at, id limit 1`;
    expect(await one(second, firstContact)).toEqual(await one(first, firstContact));
    expect(await fingerprint(second)).toEqual(await fingerprint(first));
    expect(firstSummary.counts.contacts).toBe(300);
    expect(firstSummary.counts.engagement_events).toBeGreaterThan(300 * 5);
    expect(firstSummary.counts.mql_records).toBeGreaterThan(0);
  });

  it("gives a different data set for another seed", async () => {
    const other = await createTestDatabase();
    try {
      await seedDemo(other, { ...SMALL, seed: 8 });
      expect((await fingerprint(other)).contacts).not.toEqual((await fingerprint(first)).contacts);
    } finally {
      await other.close();
    }
  });

  it("keeps every contact's stage, owner and history consistent with its MQL records", async () => {
    expect(await one(first, "select count(*)::int as n from mql_records m left join contacts c on c.id = m.contact_id where c.id is null")).toEqual({ n: 0 });
    const mismatches = await query(
      first,
      `select c.id, c.stage, latest.status, c.owner_id, latest.owner
         from contacts c
         left join lateral (
           select status, coalesce(sales_owner_id, assigned_rep_id) as owner from mql_records m
            where m.contact_id = c.id order by mql_at desc limit 1
         ) latest on true
        where c.stage::text <> coalesce(case latest.status::text when 'rejected' then 'recycled' else latest.status::text end, 'lead')
           or c.owner_id is distinct from latest.owner`,
    );
    expect(mismatches).toEqual([]);
    // The audit log ends where the contact is.
    const lastTransitions = await query(
      first,
      `select c.id from contacts c
         join lateral (select to_stage, occurred_at from stage_transitions t where t.contact_id = c.id order by occurred_at desc, id desc limit 1) t on true
        where case t.to_stage when 'rejected' then 'recycled' else t.to_stage end <> c.stage::text or t.occurred_at <> c.stage_changed_at`,
    );
    expect(lastTransitions).toEqual([]);
  });

  it("never has a stage happen before the one it follows, or after now", async () => {
    const disorder = await one(
      first,
      `select count(*)::int as n from mql_records
        where sql_at < mql_at or accepted_at < mql_at or first_touch_at < mql_at or accepted_at < first_touch_at
           or opportunity_at < sql_at or won_at < opportunity_at or lost_at < opportunity_at or rejected_at < mql_at
           or greatest(first_touch_at, accepted_at, sql_at, opportunity_at, won_at, lost_at, rejected_at, recycled_at) > '${NOW.toISOString()}'
           or (status in ('customer', 'lost', 'rejected', 'recycled')) <> (closed_at is not null)`,
    );
    expect(disorder).toEqual({ n: 0 });
    expect(await one(first, `select count(*)::int as n from engagement_events where occurred_at > '${NOW.toISOString()}'`)).toEqual({ n: 0 });
  });

  it("creates the demo logins with the shared password", async () => {
    const users = await query<{ email: string; role: string; password_hash: string }>(first, "select email, role, password_hash from users order by email");
    expect(users.map((u) => [u.email, u.role])).toEqual(
      expect.arrayContaining([
        ["admin@handoff.demo", "admin"],
        ["marketer@handoff.demo", "marketer"],
        ["sdr@handoff.demo", "sdr"],
        ["sales@handoff.demo", "sales"],
      ]),
    );
    expect(users.filter((u) => u.role === "sdr").length).toBeGreaterThanOrEqual(5);
    expect(await verifyPassword(users[0].password_hash, DEMO_PASSWORD)).toBe(true);
  });

  it("refuses to seed a database that already holds data", async () => {
    await expect(seedDemo(first, SMALL)).rejects.toBeInstanceOf(SeedRefusedError);
    expect(await one(first, "select count(*)::int as n from contacts")).toEqual({ n: 300 });
  });
});

describe("the default demo", () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
    await seedDemo(handle, { ...DEFAULT_DEMO_SIZE, now: NOW });
  }, 120_000);
  afterAll(async () => {
    await handle?.close();
  });

  it("makes fit and engagement predict conversion", async () => {
    const byOutcome = await one<{ customers: number; customer_fit: number; other_fit: number; sql_eng: number; no_sql_eng: number }>(
      handle,
      `select count(*) filter (where status = 'customer')::int as customers,
              avg(fit_score) filter (where status = 'customer')::float as customer_fit,
              avg(fit_score) filter (where status <> 'customer')::float as other_fit,
              avg(engagement_score) filter (where sql_at is not null)::float as sql_eng,
              avg(engagement_score) filter (where sql_at is null)::float as no_sql_eng
         from mql_records`,
    );
    expect(byOutcome.customers).toBeGreaterThanOrEqual(10);
    expect(byOutcome.customer_fit).toBeGreaterThan(byOutcome.other_fit);
    expect(byOutcome.sql_eng).toBeGreaterThan(byOutcome.no_sql_eng);
  });

  it("has a believable funnel: a fifth of the contacts qualify, few become customers, young cohorts are immature", async () => {
    const f = await one<{ contacts: number; records: number; sql: number; customers: number; closed_unwon: number; older_half: number; young_sql: number; old_sql: number }>(
      handle,
      `select (select count(*) from contacts)::float as contacts, count(*)::float as records,
              count(sql_at)::float as sql, count(won_at)::float as customers,
              count(*) filter (where status in ('rejected', 'recycled'))::float as closed_unwon,
              count(*) filter (where mql_at < '${NOW.toISOString()}'::timestamptz - interval '6 months')::float as older_half,
              avg((sql_at is not null)::int) filter (where mql_at >= '${NOW.toISOString()}'::timestamptz - interval '30 days')::float as young_sql,
              avg((sql_at is not null)::int) filter (where mql_at < '${NOW.toISOString()}'::timestamptz - interval '60 days')::float as old_sql
         from mql_records`,
    );
    expect(f.records / f.contacts).toBeGreaterThan(0.15);
    expect(f.records / f.contacts).toBeLessThan(0.35);
    expect(f.sql / f.records).toBeGreaterThan(0.2);
    expect(f.sql / f.records).toBeLessThan(0.38);
    expect(f.customers / f.records).toBeGreaterThan(0.01);
    expect(f.customers / f.records).toBeLessThan(0.08);
    expect(f.closed_unwon / f.records).toBeGreaterThan(0.5);
    // MQLs spread over the window rather than piling up just before now…
    expect(f.older_half / f.records).toBeGreaterThan(0.2);
    // …and the last month's have not had the time to become SQLs yet.
    expect(f.young_sql).toBeLessThan(f.old_sql * 0.75);
  });

  it("leaves the demo SDR a live queue with a few leads past their SLA", async () => {
    const queue = await one<{ open: number; overdue: number }>(
      handle,
      `select count(*) filter (where m.status in ('mql', 'sal'))::int as open,
              count(*) filter (where m.status = 'mql' and m.first_touch_at is null and m.sla_due_at < '${NOW.toISOString()}')::int as overdue
         from mql_records m join users u on u.id = m.assigned_rep_id where u.email = 'sdr@handoff.demo'`,
    );
    expect(queue.open).toBeGreaterThanOrEqual(15);
    expect(queue.overdue).toBeGreaterThanOrEqual(2);
  });
});

describe("wipeDatabase", () => {
  it("empties every table but keeps the schema usable", async () => {
    const handle = await createTestDatabase();
    try {
      await seedDemo(handle, { ...SMALL, contacts: 50 });
      const tables = await wipeDatabase(handle);
      expect(tables).toContain("engagement_events");
      expect(await one(handle, "select (select count(*) from contacts)::int + (select count(*) from users)::int as n")).toEqual({ n: 0 });
      await ensureWorkspaceDefaults(handle.db);
      const summary = await seedDemo(handle, { ...SMALL, contacts: 50 });
      expect(summary.counts.contacts).toBe(50);
    } finally {
      await handle.close();
    }
  });

  it("refuses a server on another machine unless forced", async () => {
    // postgres.js connects lazily: nothing is sent to this host.
    const remote = openPostgres("postgres://someone@db.example.com:5432/production", 1);
    try {
      await expect(wipeDatabase(remote)).rejects.toThrow(/not on this machine/);
    } finally {
      await remote.close();
    }
  });
});

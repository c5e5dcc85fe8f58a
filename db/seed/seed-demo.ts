import { z } from "zod";
import { hashPassword } from "../../lib/auth/password";
import { scoringModelDefinitionSchema, type ScoringModelDefinition } from "../../lib/scoring/model-schema";
import { qualifyAccountsSql } from "../../lib/scoring/mqa/qualify-accounts-sql";
import { PgDialect } from "drizzle-orm/pg-core";
import type { DatabaseHandle } from "../client";
import { generateAccounts } from "./accounts";
import { generateBehaviour, type Webinar } from "./behaviour";
import { CsvBuilder, inTransaction, type SqlRunner } from "./bulk-copy";
import { generateCampaigns } from "./campaigns";
import { WEBINAR_TITLES } from "./content";
import { generateContact } from "./contacts";
import { DEFAULT_SLA_POLICY, ensureWorkspaceDefaults } from "./defaults";
import { dropIndexesAndForeignKeys, restoreIndexesAndForeignKeys } from "./deferred-constraints";
import { simulateLifecycle } from "./lifecycle";
import { Random } from "./random";
import { OPEN_STATUSES } from "./records";
import { describeExistingData, existingData, SeedRefusedError } from "./reset";
import {
  ACCOUNT_COLUMNS,
  accountLine,
  addEventLines,
  CONTACT_COLUMNS,
  CONTACT_SCORES_COLUMNS,
  contactLine,
  contactScoresLine,
  EVENT_COLUMNS,
  MQL_RECORD_COLUMNS,
  mqlRecordLine,
  TRANSITION_COLUMNS,
  transitionLine,
} from "./rows";
import { buildTeam, RoundRobin } from "./team";
import { DAY_MS, MONTH_MS } from "./time";
import { ExternalIds } from "./timeline";
import { writeCampaigns, writeNotifications, writeTeam, writeTerritoryMembers, type NotificationSubject } from "./workspace";

/** Every demo login's password (the sign-in page shows it while demo users exist). */
export const DEMO_PASSWORD = "handoff-demo";
export const DEMO_SDR_EMAIL = "sdr@handoff.demo";

/** Sized so that the first start of the embedded database stays well under half a minute. */
export const DEFAULT_DEMO_SIZE = { contacts: 4_000, months: 12, seed: 42, eventsPerContact: 27 } as const;

/**
 * The `activity` multiplier (email cadence, site visits) that gives about `eventsPerContact`
 * events per contact over a year: measured, the generators produce ~7.8 events per contact that
 * do not scale (acquisition, buying windows, sales touches) and ~24 that do.
 */
function activityFor(eventsPerContact: number): number {
  return Math.max(0.05, (eventsPerContact - 7.8) / 24);
}

const optionsSchema = z.object({
  contacts: z.number().int().min(1).max(10_000_000).default(DEFAULT_DEMO_SIZE.contacts),
  months: z.number().int().min(1).max(60).default(DEFAULT_DEMO_SIZE.months),
  seed: z.number().int().min(0).max(0xffffffff).default(DEFAULT_DEMO_SIZE.seed),
  eventsPerContact: z.number().min(2).max(500).default(DEFAULT_DEMO_SIZE.eventsPerContact),
  now: z.date().refine((d) => !Number.isNaN(d.getTime()), "now must be a valid date").optional(),
});

export type SeedOptions = z.input<typeof optionsSchema> & {
  /** Progress lines for a terminal ("accounts: 667", "contacts 2,000 / 4,000 …"). */
  onProgress?: (message: string) => void;
};

export type SeedSummary = {
  seed: number;
  contacts: number;
  months: number;
  now: Date;
  /** Rows written per table. */
  counts: Record<string, number>;
  /** The demo SDR's queue at `now`: open items and those past their first-touch SLA. */
  demoSdrQueue: { open: number; overdue: number };
  elapsedMs: number;
};

const CONTACTS_PER_CHUNK = 2_500;
/** The tables the demo fills by the million: loaded without indexes, which are built at the end. */
const BULK_TABLES = ["accounts", "contacts", "contact_scores", "engagement_events", "mql_records", "stage_transitions"];
/** Creates a contact's scores row on insert (migration 0006); the demo writes those rows itself. */
const SCORES_TRIGGER = "contacts_create_scores";

/**
 * Loads a realistic, deterministic demo data set — team, territories, campaigns, accounts,
 * contacts with a year of engagement, MQL records and what followed — in one transaction, with
 * COPY. The same options (and `now`) always produce the same rows, ids included. Refuses a
 * database that already holds data; wipe it first (`wipeDatabase`).
 */
export async function seedDemo(handle: DatabaseHandle, options: SeedOptions = {}): Promise<SeedSummary> {
  const started = performance.now();
  const { onProgress, ...rest } = options;
  const parsed = optionsSchema.safeParse(rest);
  if (!parsed.success) throw new Error(`Invalid seed options: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  const opts = { ...parsed.data, now: parsed.data.now ?? new Date() };
  const progress = (message: string) => onProgress?.(`${message} (${((performance.now() - started) / 1000).toFixed(1)} s)`);

  await ensureWorkspaceDefaults(handle.db);
  // argon2 is slow on purpose: hash once, share the hash between all demo users.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const result = await inTransaction(handle, (runner) => generate(runner, opts, passwordHash, progress));
  progress("updating planner statistics");
  await inTransaction(handle, (runner) => runner.query("analyze"));
  return { ...result, seed: opts.seed, contacts: opts.contacts, months: opts.months, now: opts.now, elapsedMs: Math.round(performance.now() - started) };
}

type GenerateOptions = z.output<typeof optionsSchema> & { now: Date };

async function generate(runner: SqlRunner, opts: GenerateOptions, passwordHash: string, progress: (m: string) => void) {
  const found = await existingData(runner);
  if (Object.keys(found).length > 0) {
    throw new SeedRefusedError(
      `The database already holds data (${describeExistingData(found)}); the demo would mix with it. ` +
        "Wipe it first with `npm run seed -- --reset`.",
    );
  }
  const [modelRow] = await runner.query<{ id: string; definition: unknown }>(
    "select id, definition from scoring_model_versions where status = 'published' order by published_at desc nulls last, version desc limit 1",
  );
  if (!modelRow) throw new Error("No published scoring model: run ensureWorkspaceDefaults first.");
  const model = scoringModelDefinitionSchema.parse(typeof modelRow.definition === "string" ? JSON.parse(modelRow.definition) : modelRow.definition);
  const [sla] = await runner.query<{ id: string; name: string; first_touch_hours: number }>(
    "select id, name, first_touch_hours from sla_policies order by (name = $1) desc, created_at limit 1",
    [DEFAULT_SLA_POLICY.name],
  );

  const deferred = await dropIndexesAndForeignKeys(runner, BULK_TABLES);
  await runner.query(`alter table contacts disable trigger ${SCORES_TRIGGER}`);
  const nowMs = opts.now.getTime();
  const windowStartMs = nowMs - opts.months * MONTH_MS;
  const ids = Random.derive(opts.seed, "ids");
  const world = Random.derive(opts.seed, "world");
  const people = Random.derive(opts.seed, "people");
  const delivery = Random.derive(opts.seed, "delivery");
  const counts: Record<string, number> = {};

  const team = buildTeam(ids, nowMs, { id: sla.id, name: sla.name, firstTouchHours: sla.first_touch_hours }, {
    contacts: opts.contacts,
    rng: Random.derive(opts.seed, "team"),
  });
  counts.users = team.members.length;
  await writeTeam(runner, team, passwordHash, windowStartMs - 30 * DAY_MS, nowMs);
  const campaigns = generateCampaigns(ids, windowStartMs, nowMs);
  const written = await writeCampaigns(runner, world, campaigns, nowMs, opts.contacts / DEFAULT_DEMO_SIZE.contacts);
  counts.campaigns = written.campaigns;
  counts.campaign_spend = written.spend;
  progress(`team of ${team.members.length}, ${Object.keys(team.territories).length} territories, ${campaigns.length} campaigns`);

  const aesByRegion = Object.fromEntries(Object.entries(team.aesByRegion).map(([r, aes]) => [r, aes.map((a) => a.id)])) as Record<
    keyof typeof team.aesByRegion,
    string[]
  >;
  const pool = generateAccounts(world, ids, { count: Math.max(1, Math.round(opts.contacts / 6)), windowStartMs, aesByRegion });
  const accountsCsv = new CsvBuilder();
  for (const a of pool.accounts) accountsCsv.add(accountLine(a));
  await runner.copyCsv("accounts", ACCOUNT_COLUMNS, accountsCsv.finish());
  counts.accounts = pool.accounts.length;
  progress(`${pool.accounts.length.toLocaleString("en-US")} accounts`);

  const webinars: Webinar[] = [];
  for (let t = windowStartMs + 12 * DAY_MS, i = 0; t < nowMs + 30 * DAY_MS; t += 28 * DAY_MS, i++) {
    webinars.push({ title: WEBINAR_TITLES[i % WEBINAR_TITLES.length], at: t });
  }
  const routing = new RoundRobin();
  const externalIds = new ExternalIds();
  const contactCtx = { accounts: pool, campaigns, fitRules: model.fitRules, takenEmails: new Set<string>(), windowStartMs, nowMs };
  const behaviourCtx = {
    nowMs,
    webinars,
    activity: activityFor(opts.eventsPerContact),
    sdrsFor: (c: { region: keyof typeof team.territories }) => team.territories[c.region].sdrs,
  };
  const lifecycleCtx = { model, modelVersionId: modelRow.id, team, routing, ids, nowMs };
  const demoSdr = team.byEmail.get(DEMO_SDR_EMAIL)!;
  const demoQueue: NotificationSubject[] = [];
  for (const table of ["contacts", "engagement_events", "mql_records", "stage_transitions"]) counts[table] = 0;

  // Generation of the next chunk overlaps with the database loading the previous one.
  let pending: Promise<void> = Promise.resolve();
  const reportEvery = Math.max(CONTACTS_PER_CHUNK, Math.ceil(opts.contacts / 10 / CONTACTS_PER_CHUNK) * CONTACTS_PER_CHUNK);
  for (let start = 0; start < opts.contacts; start += CONTACTS_PER_CHUNK) {
    const end = Math.min(opts.contacts, start + CONTACTS_PER_CHUNK);
    const contactsCsv = new CsvBuilder();
    const scoresCsv = new CsvBuilder();
    const eventsCsv = new CsvBuilder();
    const recordsCsv = new CsvBuilder();
    const transitionsCsv = new CsvBuilder();
    for (let i = start; i < end; i++) {
      if ((i - start) % 250 === 249) await new Promise((resolve) => setImmediate(resolve));
      const contact = generateContact(people, ids, contactCtx);
      const behaviour = generateBehaviour(people, contact, behaviourCtx);
      const history = simulateLifecycle(people, contact, behaviour, lifecycleCtx);
      contactsCsv.add(contactLine(contact, history));
      scoresCsv.add(contactScoresLine(contact, history, modelRow.id, nowMs));
      addEventLines(eventsCsv, contact.id, history.events, externalIds, delivery, nowMs);
      counts.engagement_events += history.events.length;
      for (const r of history.records) {
        recordsCsv.add(mqlRecordLine(r));
        if (r.assignedRepId === demoSdr.id && OPEN_STATUSES.has(r.status)) {
          demoQueue.push({ record: r, contactName: `${contact.firstName} ${contact.lastName}`, company: contact.account?.name ?? null });
        }
      }
      for (const t of history.transitions) transitionsCsv.add(transitionLine(t));
      counts.mql_records += history.records.length;
      counts.stage_transitions += history.transitions.length;
    }
    counts.contacts += end - start;
    await pending;
    pending = (async () => {
      await runner.copyCsv("contacts", CONTACT_COLUMNS, contactsCsv.finish());
      await runner.copyCsv("contact_scores", CONTACT_SCORES_COLUMNS, scoresCsv.finish());
      await runner.copyCsv("engagement_events", EVENT_COLUMNS, eventsCsv.finish());
      await runner.copyCsv("mql_records", MQL_RECORD_COLUMNS, recordsCsv.finish());
      await runner.copyCsv("stage_transitions", TRANSITION_COLUMNS, transitionsCsv.finish());
    })();
    // Awaited before the next chunk or after the loop; until then a failure must not go unhandled.
    pending.catch(() => {});
    if (end % reportEvery === 0 || end === opts.contacts) {
      progress(
        `contacts ${end.toLocaleString("en-US")} / ${opts.contacts.toLocaleString("en-US")} · ` +
          `${counts.engagement_events.toLocaleString("en-US")} events · ${counts.mql_records.toLocaleString("en-US")} MQL records`,
      );
    }
  }
  await pending;
  await runner.query(`alter table contacts enable trigger ${SCORES_TRIGGER}`);

  if (deferred.length > 0) {
    progress(`building ${deferred.length} indexes and foreign keys`);
    await restoreIndexesAndForeignKeys(runner, deferred);
  }
  counts.territory_members = await writeTerritoryMembers(runner, team, routing);
  counts.mqa_records = await qualifyDemoAccounts(runner, { id: modelRow.id, definition: model }, opts.now);
  counts.notifications = await writeNotifications(runner, ids, demoSdr.id, demoQueue, nowMs);
  counts.user_availability = team.members.filter((m) => m.role === "sdr" || m.role === "sales").length;
  counts.territories = counts.routing_rules = Object.keys(team.territories).length;
  const overdue = demoQueue.filter((q) => q.record.status === "mql" && q.record.firstTouchAt === null && q.record.slaDueAt < nowMs).length;
  return { counts, demoSdrQueue: { open: demoQueue.length, overdue } };
}

/** Accounts scored from the seeded contacts, and the MQAs the model's account rule opens now. */
async function qualifyDemoAccounts(runner: SqlRunner, model: { id: string; definition: ScoringModelDefinition }, now: Date): Promise<number> {
  const query = new PgDialect().sqlToQuery(qualifyAccountsSql({ model, at: now }));
  const [row] = await runner.query<{ opened: unknown[] | string }>(query.sql, query.params);
  const opened = typeof row?.opened === "string" ? JSON.parse(row.opened) : row?.opened;
  return Array.isArray(opened) ? opened.length : 0;
}

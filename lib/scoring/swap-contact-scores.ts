import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Database } from "../../db/client";

const LIVE = "contact_scores";

type IndexDef = { name: string; definition: string; primary: boolean };
type ForeignKey = { name: string; definition: string; references: string };
type ColumnStatistics = { column: string; target: number };

/**
 * The live table's columns (with the statistics targets the migrations set on some), indexes and
 * foreign keys, read from the catalog so the copy matches the migrations exactly.
 */
async function liveStructure(db: Database): Promise<{ columns: string[]; statistics: ColumnStatistics[]; indexes: IndexDef[]; foreignKeys: ForeignKey[] }> {
  const attributes = rowsOf<{ name: string; target: number | null }>(
    await db.execute(sql`select attname as name, attstattarget as target from pg_attribute where attrelid = ${LIVE}::regclass and attnum > 0 and not attisdropped order by attnum`),
  );
  const columns = attributes.map((c) => c.name);
  // -1 (or null, from PostgreSQL 17) is the default target.
  const statistics = attributes.filter((c) => c.target !== null && Number(c.target) >= 0).map((c) => ({ column: c.name, target: Number(c.target) }));
  const indexes = rowsOf<IndexDef>(
    await db.execute(sql`
      select c.relname as name, pg_get_indexdef(i.indexrelid) as definition, i.indisprimary as primary
      from pg_index i join pg_class c on c.oid = i.indexrelid
      where i.indrelid = ${LIVE}::regclass order by c.relname`),
  );
  const foreignKeys = rowsOf<ForeignKey>(
    await db.execute(sql`
      select conname as name, pg_get_constraintdef(oid) as definition, confrelid::regclass::text as references
      from pg_constraint where conrelid = ${LIVE}::regclass and contype = 'f' order by conname`),
  );
  return { columns, statistics, indexes, foreignKeys };
}

/** The trigger on the live table that records its changes in `changes`. */
const trackerOf = (changes: string) => {
  if (changes.length > 55) throw new Error(`Table name too long to name its trigger after: ${changes}`);
  return `${changes}_tracker`;
};

/**
 * Starts recording in a new table `changes` which contacts' live rows are written — a contact
 * created (its row comes from the contacts trigger), rescored by ingest, or deleted (through the
 * foreign key's cascade) — so that the swap re-applies only those rows instead of comparing the
 * copy with the whole live table under its lock. It must commit before the copy reads the live
 * table; anything written from then on is recorded.
 */
export async function trackLiveChanges(db: Database, { changes }: { changes: string }): Promise<void> {
  // One copy is built at a time: a recording still in place was left by a run that stopped.
  const left = rowsOf<{ name: string }>(
    await db.execute(sql`
      select t.tgname as name from pg_trigger t join pg_proc p on p.oid = t.tgfoid
      where t.tgrelid = ${LIVE}::regclass and p.proname = 'contact_scores_record_change'`),
  );
  for (const { name } of left) await stopTrackingLiveChanges(db, { changes: name.replace(/_tracker$/, "") });
  await db.execute(sql.raw(`create unlogged table ${changes} (contact_id uuid not null)`));
  // Creating a trigger takes a lock that writers of the live table conflict with (readers do
  // not): taken as the swap takes its locks, yielding rather than waiting into a deadlock.
  await withLocks(
    db,
    [LIVE],
    async (tx) => {
      await tx.execute(sql.raw(`create trigger ${trackerOf(changes)} after insert or update or delete on ${LIVE} for each row execute function contact_scores_record_change('${changes}')`));
    },
    "share row exclusive",
  );
}

/** Stops recording into `changes` and drops it (a swap drops the trigger with the old table; a failed run calls this). */
export async function stopTrackingLiveChanges(db: Database, { changes }: { changes: string }): Promise<void> {
  const [tracked] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from pg_trigger where tgname = ${trackerOf(changes)} and tgrelid = ${LIVE}::regclass`));
  if (tracked?.n) await withLocks(db, [LIVE], async (tx) => void (await tx.execute(sql.raw(`drop trigger if exists ${trackerOf(changes)} on ${LIVE}`))));
  await db.execute(sql.raw(`drop table if exists ${changes}`));
}

/** A temporary name for the copy's index or constraint, renamed to `name` once the copy is live. */
const nextName = (name: string) => `${name.slice(0, 50)}__next`;

/**
 * Makes `next` (a full copy of contact_scores with new scores, read after `trackLiveChanges`
 * began recording into `changes`) the live contact_scores.
 *
 * The copy is vacuumed and analyzed, then its indexes are built, sorted in one pass each — at the
 * same time on as many connections as `concurrency` allows (PGlite has one). Then, in one short
 * transaction that holds the live table, contacts and the model versions exclusively (readers and
 * writers wait a few milliseconds): of the rows recorded as changed, those the live table rescored
 * after `at` (an event arrived during the run) and those of contacts created since are copied over,
 * those of contacts deleted since are dropped, and the tables trade places, with the migrations'
 * index and constraint names. The foreign keys are checked after, without blocking anyone.
 */
export async function swapInContactScores(
  db: Database,
  { next, at, changes, maintenanceWorkMem, concurrency = 1 }: { next: string; at: Date; changes: string; maintenanceWorkMem?: string; concurrency?: number },
): Promise<void> {
  const { columns, statistics, indexes, foreignKeys } = await liveStructure(db);
  const table = sql.raw(next);
  for (const { column, target } of statistics) await db.execute(sql.raw(`alter table ${next} alter column "${column}" set statistics ${target}`));
  // Planner statistics for the copy, which has none: the swap reads it, and then everyone does.
  // And its visibility map, which autovacuum would set later: with it each foreign key is checked
  // by merging two primary-key indexes (a quarter of the time a hash join over the rows takes),
  // and index-only scans of the live table need not visit its rows.
  await db.execute(sql.raw(`vacuum (analyze) ${next}`));
  // The primary key's index is built like the others (an ALTER TABLE … PRIMARY KEY would lock
  // the copy against the other builds) and becomes the constraint afterwards, in an instant.
  const build = (index: IndexDef) =>
    db.transaction(async (tx) => {
      // Index builds sort in memory when they can.
      if (maintenanceWorkMem) await tx.execute(sql.raw(`set local maintenance_work_mem = '${maintenanceWorkMem}'`));
      const definition = index.definition.replace(/^CREATE (UNIQUE )?INDEX (\S+) ON (\S+\.)?contact_scores /, (_m, unique = "", name: string, schema = "") => `CREATE ${unique}INDEX ${nextName(name)} ON ${schema}${next} `);
      if (definition === index.definition) throw new Error(`Unexpected definition of index ${index.name}: ${index.definition}`);
      await tx.execute(sql.raw(definition));
    });
  await inParallel(indexes, concurrency, build);
  for (const index of indexes.filter((i) => i.primary)) {
    await db.execute(sql.raw(`alter table ${next} add constraint ${nextName(index.name)} primary key using index ${nextName(index.name)}`));
  }

  // Dropping the live table drops its foreign keys' triggers on the tables they reference, which
  // takes those tables exclusively too. Contacts before the model versions, the order in which a
  // designation takes them: the two then queue rather than time the swap out.
  const referenced = [...new Set(foreignKeys.map((fk) => fk.references))].sort((a, b) => Number(b === "contacts") - Number(a === "contacts") || a.localeCompare(b));
  // Rows scored after `at` but written before the recording began (a refresh on a machine whose
  // clock runs ahead) are newer than the copy's too: recorded here, outside the lock.
  await db.execute(sql`insert into ${sql.raw(changes)} select contact_id from ${sql.raw(LIVE)} where scored_at > ${at.toISOString()}::timestamptz`);
  await withLocks(db, [LIVE, ...referenced], async (tx) => {
    // Only the contacts recorded as changed since the copy was read: a contact deleted since has
    // no live row (its row went with it, through the foreign key's cascade) and leaves the copy;
    // one created since (no row in the copy) or rescored after `at` is copied over.
    await tx.execute(sql`
      with changed as materialized (select distinct contact_id from ${sql.raw(changes)}),
      gone as (
        delete from ${table} n using changed c
        where n.contact_id = c.contact_id and not exists (select 1 from ${sql.raw(LIVE)} s where s.contact_id = c.contact_id)
      )
      insert into ${table}
      select s.* from ${sql.raw(LIVE)} s join changed c on c.contact_id = s.contact_id
      where s.scored_at > ${at.toISOString()}::timestamptz or not exists (select 1 from ${table} n where n.contact_id = s.contact_id)
      on conflict (contact_id) do update set ${sql.raw(columns.filter((c) => c !== "contact_id").map((c) => `${c} = excluded.${c}`).join(", "))}`);
    for (const fk of foreignKeys) await tx.execute(sql.raw(`alter table ${next} add constraint ${nextName(fk.name)} ${fk.definition} not valid`));
    await tx.execute(sql.raw(`drop table ${LIVE}`)); // and the trigger recording its changes
    await tx.execute(sql.raw(`drop table ${changes}`));
    await tx.execute(sql.raw(`alter table ${next} rename to ${LIVE}`));
    for (const index of indexes) {
      if (index.primary) await tx.execute(sql.raw(`alter table ${LIVE} rename constraint ${nextName(index.name)} to ${index.name}`));
      else await tx.execute(sql.raw(`alter index ${nextName(index.name)} rename to ${index.name}`));
    }
    for (const fk of foreignKeys) await tx.execute(sql.raw(`alter table ${LIVE} rename constraint ${nextName(fk.name)} to ${fk.name}`));
  });
  // One at a time (each takes a lock that conflicts with itself). Each is an anti-join of a
  // million rows, which PostgreSQL runs with maintenance_work_mem: hashed in memory, not in batches.
  for (const fk of foreignKeys) {
    await db.transaction(async (tx) => {
      if (maintenanceWorkMem) await tx.execute(sql.raw(`set local maintenance_work_mem = '${maintenanceWorkMem}'`));
      await tx.execute(sql.raw(`alter table ${LIVE} validate constraint ${fk.name}`));
    });
  }
}

/** How long the swap waits for each of its locks before it lets go of them all and tries again. */
const LOCK_WAIT = "500ms";
const LOCK_ATTEMPTS = 40;

const isLockTimeout = (error: unknown): boolean =>
  (error as { code?: unknown })?.code === "55P03" || (error as { cause?: { code?: unknown } })?.cause?.code === "55P03";

/**
 * Runs `work` in a transaction that first holds `tables` exclusively (or in `mode`). Other work
 * takes contacts and contact_scores in either order — an insert into contacts writes contact_scores through a
 * trigger, a read joins the two, an ingest rescoring writes contact_scores and then designates —
 * so whatever order the swap takes them in, a transaction can hold one and wait for the swap's
 * other. The swap waits at most half a second for each lock, less than PostgreSQL waits before it
 * looks for a deadlock (deadlock_timeout, a second by default): then it lets go of all of them and
 * tries again a moment later. The swap is the one that yields; the other work never fails.
 */
async function withLocks(db: Database, tables: string[], work: (tx: Database) => Promise<void>, mode: "access exclusive" | "share row exclusive" = "access exclusive"): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await db.transaction(async (tx) => {
        await tx.execute(sql.raw(`set local lock_timeout = '${LOCK_WAIT}'`));
        await tx.execute(sql.raw(`lock table ${tables.join(", ")} in ${mode} mode`));
        await work(tx);
      });
      return;
    } catch (error) {
      if (!isLockTimeout(error) || attempt >= LOCK_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 400));
    }
  }
}

/** Runs `work` on every item, at most `concurrency` at a time, in order when it is 1. */
async function inParallel<T>(items: T[], concurrency: number, work: (item: T) => Promise<unknown>): Promise<void> {
  let nextItem = 0;
  const worker = async () => {
    while (nextItem < items.length) await work(items[nextItem++]!);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
}

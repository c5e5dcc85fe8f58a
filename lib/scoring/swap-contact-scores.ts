import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Database } from "../../db/client";

const LIVE = "contact_scores";

type IndexDef = { name: string; definition: string; primary: boolean };
type ForeignKey = { name: string; definition: string; references: string };

/** The live table's indexes and foreign keys, read from the catalog so the copy matches the migrations exactly. */
async function liveStructure(db: Database): Promise<{ indexes: IndexDef[]; foreignKeys: ForeignKey[] }> {
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
  return { indexes, foreignKeys };
}

/** A temporary name for the copy's index or constraint, renamed to `name` once the copy is live. */
const nextName = (name: string) => `${name.slice(0, 50)}__next`;

/**
 * Makes `next` (a full copy of contact_scores with new scores) the live contact_scores.
 *
 * Indexes are built on the copy first, sorted in one pass each — at the same time on as many
 * connections as `concurrency` allows (PGlite has one). Then, in one short transaction that holds
 * the live table, contacts and the model versions exclusively (readers and writers wait about a
 * second): rows the live table rescored after `at` (an event arrived during the run) and contacts
 * created since are copied over, rows of contacts deleted since are dropped, and the tables trade
 * places, with the migrations' index and constraint names. The foreign keys are checked after,
 * without blocking anyone.
 */
export async function swapInContactScores(
  db: Database,
  { next, at, maintenanceWorkMem, concurrency = 1 }: { next: string; at: Date; maintenanceWorkMem?: string; concurrency?: number },
): Promise<void> {
  const { indexes, foreignKeys } = await liveStructure(db);
  const table = sql.raw(next);
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
  await withLocks(db, [LIVE, ...referenced], async (tx) => {
    // The join below hashes a million ids: in memory, in one batch, the lock is held shorter.
    if (maintenanceWorkMem) await tx.execute(sql.raw(`set local work_mem = '${maintenanceWorkMem}'`));
    // One full join of the two tables finds both kinds of difference: contacts created since the
    // copy was read (rows only in the live table) and contacts deleted since (rows only in the
    // copy — deleting a contact deletes its live row, through the foreign key's cascade). The
    // former are copied over with the rows rescored after `at`; the latter are dropped.
    await tx.execute(sql`
      with missing as materialized (
        select n.contact_id as stale, s.contact_id as fresh
        from ${table} n full join ${sql.raw(LIVE)} s on s.contact_id = n.contact_id
        where n.contact_id is null or s.contact_id is null
      ),
      gone as (delete from ${table} n using missing m where n.contact_id = m.stale)
      insert into ${table}
      select s.* from ${sql.raw(LIVE)} s
      where s.scored_at > ${at.toISOString()}::timestamptz or s.contact_id in (select fresh from missing where fresh is not null)
      on conflict (contact_id) do update set
        fit_score = excluded.fit_score, engagement_score = excluded.engagement_score, model_version_id = excluded.model_version_id,
        scored_at = excluded.scored_at, last_activity_at = excluded.last_activity_at, unsubscribed_at = excluded.unsubscribed_at,
        sums_version_id = excluded.sums_version_id, sums_at = excluded.sums_at, rule_occurrences = excluded.rule_occurrences, action_last_at = excluded.action_last_at, earliest_counted_at = excluded.earliest_counted_at`);
    for (const fk of foreignKeys) await tx.execute(sql.raw(`alter table ${next} add constraint ${nextName(fk.name)} ${fk.definition} not valid`));
    await tx.execute(sql.raw(`drop table ${LIVE}`));
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
 * Runs `work` in a transaction that first holds `tables` exclusively. Other work takes contacts and
 * contact_scores in either order — an insert into contacts writes contact_scores through a
 * trigger, a read joins the two, an ingest rescoring writes contact_scores and then designates —
 * so whatever order the swap takes them in, a transaction can hold one and wait for the swap's
 * other. The swap waits at most half a second for each lock, less than PostgreSQL waits before it
 * looks for a deadlock (deadlock_timeout, a second by default): then it lets go of all of them and
 * tries again a moment later. The swap is the one that yields; the other work never fails.
 */
async function withLocks(db: Database, tables: string[], work: (tx: Database) => Promise<void>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await db.transaction(async (tx) => {
        await tx.execute(sql.raw(`set local lock_timeout = '${LOCK_WAIT}'`));
        await tx.execute(sql.raw(`lock table ${tables.join(", ")} in access exclusive mode`));
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

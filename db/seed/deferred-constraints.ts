import type { SqlRunner } from "./bulk-copy";

/**
 * Bulk loading into empty tables is several times faster without their secondary indexes and
 * foreign keys: every foreign key check locks the referenced row (a write per inserted row), and
 * random uuids scatter index inserts over the whole index. Building the indexes once at the end
 * and validating each foreign key with one join is much cheaper.
 *
 * The definitions are read from the catalog, so whatever the migrations declare is restored
 * exactly; inside the seed's transaction a failure restores everything by rolling back.
 */
export async function dropIndexesAndForeignKeys(runner: SqlRunner, tables: readonly string[]): Promise<string[]> {
  const relations = tables.map((t) => `'"${t.replace(/"/g, '""')}"'::regclass`).join(", ");
  const foreignKeys = await runner.query<{ table_name: string; name: string; definition: string }>(
    `select conrelid::regclass::text as table_name, conname as name, pg_get_constraintdef(oid) as definition
       from pg_constraint where contype = 'f' and conrelid in (${relations}) order by conrelid::regclass::text, conname`,
  );
  const indexes = await runner.query<{ name: string; definition: string }>(
    `select indexrelid::regclass::text as name, pg_get_indexdef(indexrelid) as definition
       from pg_index i
      where indrelid in (${relations}) and not indisprimary
        and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
      order by indexrelid::regclass::text`,
  );
  for (const fk of foreignKeys) await runner.query(`alter table ${fk.table_name} drop constraint "${fk.name}"`);
  for (const index of indexes) await runner.query(`drop index ${index.name}`);
  return [
    ...indexes.map((i) => i.definition),
    ...foreignKeys.map((fk) => `alter table ${fk.table_name} add constraint "${fk.name}" ${fk.definition}`),
  ];
}

/** Rebuilds what `dropIndexesAndForeignKeys` removed. */
export async function restoreIndexesAndForeignKeys(
  runner: SqlRunner,
  statements: readonly string[],
  onStep?: (statement: string) => void,
): Promise<void> {
  if (runner.kind === "postgres") {
    // Index builds sort in memory when they can; the setting lasts until the transaction ends.
    await runner.query("set local maintenance_work_mem = '512MB'");
  }
  for (const statement of statements) {
    onStep?.(statement);
    await runner.query(statement);
  }
}

import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Database } from "../client";
import { timestamptz } from "../sql-helpers";

/**
 * The funnel's first stage: the contacts created in [from, until) (read from contacts_created_idx
 * alone). MQLs are counted by qualification, so they may include contacts created earlier and
 * contacts that qualified twice; lead → MQL compares the two flows of the same period.
 */
export async function countNewLeads(db: Database, { from, until }: { from: Date; until: Date }): Promise<number> {
  const [row] = rowsOf<{ n: number }>(
    await db.execute(sql`select count(*)::int as n from contacts where created_at >= ${timestamptz(from)} and created_at < ${timestamptz(until)}`),
  );
  return row?.n ?? 0;
}

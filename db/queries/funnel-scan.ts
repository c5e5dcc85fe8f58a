import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Database } from "../client";

/**
 * Runs a funnel query over a range of MQL records, as `analyticalQuery` does (memory to hash and
 * sort in), and lets PostgreSQL read them through `mql_records_funnel_idx`. That index holds every
 * column the funnel reads in about a third of the heap's pages, but at the default
 * random_page_cost of 4 (a spinning disk's) the planner prices its pages at four times a heap
 * page and scans the heap. The funnel reads the same recent records on every view, so their pages
 * are in memory, where an index page costs what a heap page does: 1.1 says so, for this
 * transaction only.
 */
export async function funnelScan(db: Database, query: SQL): Promise<unknown> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local work_mem = '64MB'`);
    await tx.execute(sql`set local random_page_cost = 1.1`);
    return tx.execute(query);
  });
}

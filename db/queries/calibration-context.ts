import "server-only";
import { and, count, eq, isNull, sql } from "drizzle-orm";
import { rowsOf, type Database } from "../client";
import { users } from "../schema";

/** The SDRs who work queues now (active): the studio's default capacity is theirs. */
export async function countActiveSdrs(db: Database): Promise<number> {
  const [row] = await db.select({ n: count() }).from(users).where(and(eq(users.role, "sdr"), isNull(users.deactivatedAt)));
  return row?.n ?? 0;
}

/** The regions MQL records were qualified in, most records first: the studio's segments. */
export async function listCalibrationRegions(db: Database): Promise<{ region: string; records: number }[]> {
  const rows = rowsOf<{ region: string; records: number }>(
    await db.execute(sql`select region, count(*)::int as records from mql_records where region is not null group by region order by records desc, region`),
  );
  return rows.map((r) => ({ region: r.region, records: Number(r.records) }));
}

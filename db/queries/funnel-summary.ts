import "server-only";
import { and, gte, lt, sql } from "drizzle-orm";
import { countWhere, reachedStage } from "@/lib/analytics/stage-reached";
import { timestamptz } from "../sql-helpers";
import { getDb, rowsOf } from "../client";
import { contacts, mqlRecords } from "../schema";

/** Stage counts for MQL records qualified in [from, to), and the leads created in that period. */
export async function getFunnelSummary({ from, to }: { from: Date; to: Date }) {
  const db = await getDb();
  const [counts] = await db
    .select({
      mql: sql<number>`count(*)::int`,
      sal: countWhere(reachedStage.sal),
      sql: countWhere(reachedStage.sql),
      opportunity: countWhere(reachedStage.opportunity),
      customer: countWhere(reachedStage.customer),
    })
    .from(mqlRecords)
    .where(and(gte(mqlRecords.mqlAt, from), lt(mqlRecords.mqlAt, to)));
  const [leads] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(contacts)
    .where(and(gte(contacts.createdAt, from), lt(contacts.createdAt, to)));
  return { lead: leads?.n ?? 0, ...(counts ?? { mql: 0, sal: 0, sql: 0, opportunity: 0, customer: 0 }) };
}

/** MQL→SQL and MQL→customer by fit band of 10 points, at qualification time. */
export async function getConversionByFitBand({ from, to }: { from: Date; to: Date }) {
  const db = await getDb();
  return rowsOf<{ band: number; mqls: number; sqls: number; customers: number }>(
    await db.execute(sql`
      select least(floor(${mqlRecords.fitScore} / 10) * 10, 90)::int as band,
             count(*)::int as mqls,
             ${countWhere(reachedStage.sql)} as sqls,
             ${countWhere(reachedStage.customer)} as customers
      from ${mqlRecords}
      where ${mqlRecords.mqlAt} >= ${timestamptz(from)} and ${mqlRecords.mqlAt} < ${timestamptz(to)}
      group by 1 order by 1`),
  );
}

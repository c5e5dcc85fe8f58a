import "server-only";
import { sql } from "drizzle-orm";
import { countWhere, reachedStage } from "@/lib/analytics/stage-reached";
import { timestamptz } from "../sql-helpers";
import { getDb, rowsOf } from "../client";
import { mqlRecords } from "../schema";

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

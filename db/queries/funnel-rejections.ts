import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Database } from "../client";
import { analyticalQuery, timestamptz } from "../sql-helpers";

export type RejectionKind = "sdr" | "sales";
export type RejectionRow = { kind: RejectionKind; code: string | null; reason: string; count: number; share: number };

/**
 * Why the MQL records qualified in [from, until) were turned down: by the SDR (`rejected_at`, the
 * lead never became an SQL) and by sales (`sales_rejected_at`, the handed-over SQL was refused —
 * the last refusal's reason). Counts per reason, largest first, each with its share of that kind's
 * rejections; reasons read as their managed label. One pass: each record offers both of its
 * rejections through a lateral VALUES list.
 */
export async function funnelRejections(
  db: Database,
  { from, until }: { from: Date; until: Date },
): Promise<{ rows: RejectionRow[]; totals: Record<RejectionKind, number> }> {
  const result = rowsOf<{ kind: RejectionKind; code: string | null; label: string | null; count: number }>(
    await analyticalQuery(
      db,
      sql`
        select r.kind, r.code, rr.label, r.count
        from (
          select x.kind, x.code, count(*)::int as count
          from mql_records
          cross join lateral (values
            ('sdr', mql_records.rejection_reason, mql_records.rejected_at),
            ('sales', mql_records.sales_rejection_reason, mql_records.sales_rejected_at)
          ) as x(kind, code, at)
          where mql_records.mql_at >= ${timestamptz(from)} and mql_records.mql_at < ${timestamptz(until)}
            and (mql_records.rejected_at is not null or mql_records.sales_rejected_at is not null)
            and x.at is not null
          group by x.kind, x.code
        ) r
        left join rejection_reasons rr on rr.code = r.code
        order by r.kind desc, r.count desc, r.code`,
    ),
  );
  const totals: Record<RejectionKind, number> = { sdr: 0, sales: 0 };
  for (const r of result) totals[r.kind] += r.count;
  return {
    totals,
    rows: result.map((r) => ({
      kind: r.kind,
      code: r.code,
      reason: r.label ?? r.code ?? "(no reason given)",
      count: r.count,
      share: r.count / totals[r.kind],
    })),
  };
}

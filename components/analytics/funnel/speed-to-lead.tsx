"use client";
import { formatCount } from "@/lib/format";
import { DataTable, type Column } from "./data-table";
import { percent, round } from "./format";
import { RateBars } from "./rate-bars";
import { AnalyticsSection, SectionEmpty } from "../section";

export type SpeedRow = { bucket: string; label: string; mqls: number; sql: number; customer: number; mqlToSqlRate: number; mqlToCustomerRate: number };

const columns: Column<SpeedRow>[] = [
  { header: "First touch", value: (r) => r.label },
  { header: "MQLs", value: (r) => r.mqls, cell: (r) => formatCount(r.mqls), numeric: true },
  { header: "SQL", value: (r) => r.sql, cell: (r) => formatCount(r.sql), numeric: true },
  { header: "Customer", value: (r) => r.customer, cell: (r) => formatCount(r.customer), numeric: true },
  { header: "MQL → SQL", value: (r) => round(r.mqlToSqlRate), cell: (r) => percent(r.mqlToSqlRate), numeric: true },
  { header: "MQL → customer", value: (r) => round(r.mqlToCustomerRate), cell: (r) => percent(r.mqlToCustomerRate), numeric: true },
];

/** Conversion by how soon a rep first touched the lead after it qualified. */
export function SpeedToLead({ rows, fileStem }: { rows: SpeedRow[]; fileStem: string }) {
  const any = rows.some((r) => r.mqls > 0);
  return (
    <AnalyticsSection id="speed" title="Speed to lead" description="Time from qualification to the rep's first call, meeting or e-mail, against conversion. Not touched includes leads still waiting.">
      {any ? (
        <>
          <RateBars data={rows.map((r) => ({ name: r.label, mqlToSqlRate: r.mqlToSqlRate, mqlToCustomerRate: r.mqlToCustomerRate }))} label="MQL to SQL and MQL to customer by time to first touch" />
          <DataTable caption="Speed to lead against conversion" columns={columns} rows={rows} rowKey={(r) => r.bucket} fileName={`${fileStem}-speed-to-lead.csv`} />
        </>
      ) : (
        <SectionEmpty>No MQLs qualified in this period.</SectionEmpty>
      )}
    </AnalyticsSection>
  );
}

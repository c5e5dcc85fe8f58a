"use client";
import type { FunnelGroup, FunnelRow } from "@/lib/analytics/funnel-query";
import { formatCount } from "@/lib/format";
import { DataTable, type Column } from "./data-table";
import { percent, round } from "./format";
import { RateBars } from "./rate-bars";
import { AnalyticsSection, SectionEmpty } from "../section";

type Totals = Omit<FunnelRow, "group">;

/** The funnel broken down by the chosen group: conversion per group, counts in the table. */
export function Breakdown({ groupBy, groupLabel, rows, totals, fileStem }: { groupBy: FunnelGroup; groupLabel: string; rows: FunnelRow[]; totals: Totals; fileStem: string }) {
  const count = (header: string, key: keyof Totals): Column<FunnelRow> => ({ header, value: (r) => r[key], cell: (r) => formatCount(r[key]), numeric: true });
  const columns: Column<FunnelRow>[] = [
    { header: groupLabel, value: (r) => r.group },
    count("MQLs", "mqls"),
    count("SAL", "sal"),
    count("SQL", "sql"),
    count("Opportunity", "opportunity"),
    count("Customer", "customer"),
    count("Lost", "lost"),
    count("Rejected", "rejected"),
    count("Open", "open"),
    { header: "MQL → SQL", value: (r) => round(r.mqlToSqlRate), cell: (r) => percent(r.mqlToSqlRate), numeric: true },
    { header: "MQL → customer", value: (r) => round(r.mqlToCustomerRate), cell: (r) => percent(r.mqlToCustomerRate), numeric: true },
  ];
  // Largest groups first, except months, which read in order.
  const ordered = groupBy === "month" ? rows : [...rows].sort((a, b) => b.mqls - a.mqls || a.group.localeCompare(b.group));
  return (
    <AnalyticsSection id="breakdown" title={`By ${groupLabel.toLowerCase()}`} description="MQLs qualified in the period, how far they got and their conversion. Same figures as GET /api/v1/analytics/funnel.">
      {rows.length === 0 ? (
        <SectionEmpty>No MQLs qualified in this period.</SectionEmpty>
      ) : (
        <>
          <RateBars data={ordered.map((r) => ({ name: r.group, mqlToSqlRate: r.mqlToSqlRate, mqlToCustomerRate: r.mqlToCustomerRate }))} label={`MQL to SQL and MQL to customer by ${groupLabel.toLowerCase()}`} />
          <DataTable caption={`Funnel by ${groupLabel.toLowerCase()}`} columns={columns} rows={ordered} footer={{ group: "Total", ...totals }} rowKey={(r) => r.group} fileName={`${fileStem}-by-${groupBy}.csv`} />
        </>
      )}
    </AnalyticsSection>
  );
}

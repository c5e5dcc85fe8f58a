import { AlertTriangle, Filter } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/app-shell/app-shell";
import { Breakdown } from "@/components/analytics/funnel/breakdown";
import { CampaignCost } from "@/components/analytics/funnel/campaign-cost";
import { CohortView } from "@/components/analytics/funnel/cohort-view";
import { FunnelControls } from "@/components/analytics/funnel/funnel-controls";
import { Rejections } from "@/components/analytics/funnel/rejections";
import { SpeedToLead } from "@/components/analytics/funnel/speed-to-lead";
import { StageFunnel } from "@/components/analytics/funnel/stage-funnel";
import { EmptyState } from "@/components/ui/empty-state";
import { getDb } from "@/db/client";
import { campaignCost } from "@/db/queries/campaign-cost";
import { funnelByGroup } from "@/db/queries/funnel";
import { funnelCohorts } from "@/db/queries/funnel-cohorts";
import { countNewLeads } from "@/db/queries/funnel-leads";
import { funnelRejections } from "@/db/queries/funnel-rejections";
import { speedToLeadConversion } from "@/db/queries/speed-to-lead";
import { maturityRule } from "@/lib/analytics/cohort-maturity";
import { FUNNEL_PRESETS, GROUP_LABELS, funnelPageHref, parseFunnelPageParams } from "@/lib/analytics/funnel-range";
import { requirePermission } from "@/lib/auth/session";
import { shortDate } from "@/lib/format";
import { searchParamsRecord } from "@/lib/validation/common";

export const metadata: Metadata = { title: "Funnel" };

export default async function FunnelPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("funnel:read");
  const now = new Date();
  const parsed = parseFunnelPageParams(searchParamsRecord(await searchParams), now);

  if (!parsed.ok) {
    return (
      <>
        <PageHeader title="Funnel" description="MQLs by when they qualified, and how far they got.">
          <FunnelControls state={parsed.fallback} />
        </PageHeader>
        <div className="p-4 lg:p-6">
          <EmptyState icon={AlertTriangle} title="This funnel link has a problem" className="rounded-lg border bg-card">
            <ul className="list-inside list-disc text-left" role="alert">
              {parsed.errors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
            <p className="mt-3">
              Pick a period above, or{" "}
              <Link className="font-medium text-primary underline-offset-4 hover:underline" href={funnelPageHref(parsed.fallback)}>
                open the last 12 months
              </Link>
              .
            </p>
          </EmptyState>
        </div>
      </>
    );
  }

  const { state, query } = parsed;
  const db = await getDb();
  const range = { from: query.from, until: query.until };
  // The breakdown is the API's own query (funnelByGroup); by month it is the cohorts' counts.
  const [cohorts, breakdown, leads, rejections, speed, cost] = await Promise.all([
    funnelCohorts(db, { ...range, now }),
    query.groupBy === "month" ? null : funnelByGroup(db, query),
    countNewLeads(db, range),
    funnelRejections(db, range),
    speedToLeadConversion(db, range),
    campaignCost(db, range),
  ]);
  const totals = cohorts.totals;
  const groupRows = breakdown ? breakdown.rows : cohorts.rows.map(({ medianDays: _d, immature: _i, reason: _r, month: _m, ...row }) => row);
  const presetLabel = FUNNEL_PRESETS.find((p) => p.key === state.preset)?.label ?? "Custom dates";
  const fileStem = `funnel-${state.from}-to-${state.to}`;

  return (
    <>
      <PageHeader title="Funnel" description={`${presetLabel} · ${shortDate(`${state.from}T00:00:00Z`)} – ${shortDate(`${state.to}T00:00:00Z`)} · MQLs by when they qualified, and how far they got`}>
        <FunnelControls state={state} />
      </PageHeader>
      {totals.mqls === 0 && leads === 0 ? (
        <div className="p-4 lg:p-6">
          <EmptyState icon={Filter} title="Nothing in this period" className="rounded-lg border bg-card">
            No contact was created and no MQL qualified between these dates. Try a longer period.
          </EmptyState>
        </div>
      ) : (
        <div className="space-y-4 p-4 lg:p-6">
          <StageFunnel leads={leads} totals={totals} fileStem={fileStem} />
          <CohortView rows={cohorts.rows} rule={maturityRule(cohorts.typicalDaysToCustomer)} fileStem={fileStem} />
          <Breakdown groupBy={state.groupBy} groupLabel={GROUP_LABELS[state.groupBy]} rows={groupRows} totals={totals} fileStem={fileStem} />
          <div className="grid gap-4 2xl:grid-cols-2">
            <SpeedToLead rows={speed} fileStem={fileStem} />
            <Rejections rows={rejections.rows} totals={rejections.totals} mqls={totals.mqls} fileStem={fileStem} />
          </div>
          <CampaignCost rows={cost.rows} totals={cost.totals} fileStem={fileStem} immatureNote={cohorts.rows.some((r) => r.immature)} />
        </div>
      )}
    </>
  );
}

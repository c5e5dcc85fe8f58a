import type { Metadata } from "next";
import { Suspense } from "react";
import { BacktestSection } from "@/components/analytics/backtest/backtest-section";
import { ChartSkeleton } from "@/components/analytics/calibration/query-states";
import { AnalyticsSection } from "@/components/analytics/section";
import { LiftCard } from "@/components/analytics/lift/lift-card";
import { PageHeader } from "@/components/app-shell/app-shell";
import { CalibrationStudio } from "@/components/analytics/calibration/calibration-studio";
import { getDb } from "@/db/client";
import { countActiveSdrs, listCalibrationRegions } from "@/db/queries/calibration-context";
import { getExplorationSettings } from "@/db/queries/exploration-settings";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { inForceFor } from "@/lib/calibration/in-force";
import { loadInForceThresholds } from "@/lib/calibration/load-in-force";
import { parseStudioParams } from "@/lib/calibration/studio-params";

export const metadata: Metadata = { title: "Calibration" };

/**
 * The calibration studio: where to set the MQL thresholds and how sure to be. The sweep and grid
 * load in the browser from /api/analytics/threshold-* (the same queries as the v1 API).
 */
export default async function CalibrationPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("calibration:read");
  const params = parseStudioParams(await searchParams, new Date());
  const db = await getDb();
  const [inForce, regions, activeSdrs, exploration] = await Promise.all([loadInForceThresholds(db), listCalibrationRegions(db), countActiveSdrs(db), getExplorationSettings(db)]);
  const t = inForce ? inForceFor(inForce, params.segment) : null;
  return (
    <>
      <PageHeader
        title="Calibration"
        description={t ? `In force${params.segment ? ` for ${params.segment}` : ""}: MQL when fit ≥ ${t.fit} and engagement ≥ ${t.engagement}. Move a threshold to see what it would have done.` : "No published scoring model yet."}
      />
      <div className="space-y-8 p-6 lg:p-8">
        <CalibrationStudio params={params} inForce={inForce} regions={regions} activeSdrs={activeSdrs} exploration={exploration} canEditExploration={can(user.role, "model:edit")} />
        <AnalyticsSection
          id="backtest"
          title="Backtest a draft"
          description="Replay a draft of the scoring model over the last months of real events next to the model in force: what each would have qualified, and how those contacts really turned out. Publish it from here."
        >
          <div className="border-t p-5">
            <BacktestSection user={user} />
          </div>
        </AnalyticsSection>
        <Suspense fallback={<ChartSkeleton label="Loading what customers have in common" />}>
          <LiftCard from={new Date(`${params.from}T00:00:00Z`)} until={new Date(new Date(`${params.to}T00:00:00Z`).getTime() + 86_400_000)} />
        </Suspense>
      </div>
    </>
  );
}

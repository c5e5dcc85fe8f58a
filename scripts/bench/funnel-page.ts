/**
 * The funnel page's other queries, for bench:analytics: cohorts with their medians, new leads,
 * rejection reasons, speed to lead and cost per campaign, over the same period as the funnel.
 */
import type { Database } from "../../db/client";
import { campaignCost } from "../../db/queries/campaign-cost";
import { funnelCohorts } from "../../db/queries/funnel-cohorts";
import { countNewLeads } from "../../db/queries/funnel-leads";
import { funnelRejections } from "../../db/queries/funnel-rejections";
import { speedToLeadConversion } from "../../db/queries/speed-to-lead";
import { funnelQuerySchema } from "../../lib/analytics/funnel-query";

export async function benchFunnelPage(db: Database, period: { from: string; to: string }, scenario: (name: string, fn: () => Promise<unknown>) => Promise<void>) {
  const range = funnelQuerySchema.parse(period);
  const now = new Date();
  await scenario("funnel cohorts (counts, medians, maturity)", () => funnelCohorts(db, { ...range, now }));
  await scenario("funnel new leads", () => countNewLeads(db, range));
  await scenario("funnel rejection reasons", () => funnelRejections(db, range));
  await scenario("funnel speed to lead", () => speedToLeadConversion(db, range));
  await scenario("funnel cost per campaign", () => campaignCost(db, range));
}

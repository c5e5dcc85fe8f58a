import { subMonths, startOfMonth } from "date-fns";
import type { Metadata } from "next";
import { PageHeader } from "@/components/app-shell/app-shell";
import { FunnelChart } from "@/components/analytics/funnel-chart";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getFunnelSummary } from "@/db/queries/funnel-summary";
import { requirePermission } from "@/lib/auth/session";
import { formatCount, shortDate } from "@/lib/format";

export const metadata: Metadata = { title: "Funnel" };

function pct(n: number, d: number) {
  return d === 0 ? "—" : `${((n / d) * 100).toFixed(1)}%`;
}

export default async function FunnelPage() {
  await requirePermission("funnel:read");
  const to = new Date();
  const from = startOfMonth(subMonths(to, 11));
  const s = await getFunnelSummary({ from, to });
  const steps = [
    { stage: "Lead", count: s.lead },
    { stage: "MQL", count: s.mql },
    { stage: "SAL", count: s.sal },
    { stage: "SQL", count: s.sql },
    { stage: "Opportunity", count: s.opportunity },
    { stage: "Customer", count: s.customer },
  ];
  return (
    <>
      <PageHeader title="Funnel" description={`Last 12 months · ${shortDate(from)} – ${shortDate(to)}`} />
      <div className="grid gap-6 p-6 lg:p-8 xl:grid-cols-[minmax(0,1fr)_420px]">
        <Card>
          <CardHeader>
            <CardTitle>Stage counts</CardTitle>
            <CardDescription>
              Leads created in the period; MQLs qualified in the period and how far they got. A lead that skipped a stage counts as having passed it.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <FunnelChart steps={steps} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Step conversion</CardTitle>
          </CardHeader>
          <Table>
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead>Stage</TableHead>
                <TableHead className="text-right">Count</TableHead>
                <TableHead className="text-right">From previous</TableHead>
                <TableHead className="text-right">From MQL</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {steps.map((step, i) => (
                <TableRow key={step.stage}>
                  <TableCell className="font-medium">{step.stage}</TableCell>
                  <TableCell className="text-right tabular-nums">{formatCount(step.count)}</TableCell>
                  <TableCell className="text-right tabular-nums">{i === 0 ? "—" : pct(step.count, steps[i - 1]!.count)}</TableCell>
                  <TableCell className="text-right tabular-nums">{i < 2 ? "—" : pct(step.count, s.mql)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Card>
      </div>
    </>
  );
}

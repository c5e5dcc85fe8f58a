import { subMonths } from "date-fns";
import { Target } from "lucide-react";
import type { Metadata } from "next";
import { PageHeader } from "@/components/app-shell/app-shell";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getConversionByFitBand } from "@/db/queries/funnel-summary";
import { getPublishedModel } from "@/db/queries/scoring-models";
import { requirePermission } from "@/lib/auth/session";
import { formatCount } from "@/lib/format";

export const metadata: Metadata = { title: "Calibration" };

function rate(n: number, d: number) {
  return d === 0 ? "—" : `${((n / d) * 100).toFixed(1)}%`;
}

export default async function CalibrationPage() {
  await requirePermission("calibration:read");
  const to = new Date();
  const from = subMonths(to, 12);
  const [model, bands] = await Promise.all([getPublishedModel(), getConversionByFitBand({ from, to })]);
  const t = model?.definition.thresholds;
  return (
    <>
      <PageHeader title="Calibration" description="How conversion moves with the score, from the last 12 months of MQLs" />
      <div className="grid gap-6 p-6 lg:p-8 xl:grid-cols-[320px_minmax(0,1fr)]">
        <Card>
          <CardHeader>
            <CardTitle>Thresholds in force</CardTitle>
            <CardDescription>{model ? `Model v${model.version} · ${model.name}` : "No published model"}</CardDescription>
          </CardHeader>
          {t ? (
            <CardContent className="space-y-3 text-sm">
              <p>
                MQL when fit ≥ <strong>{t.fit}</strong> and engagement ≥ <strong>{t.engagement}</strong>
              </p>
              {t.segments.map((s) => (
                <p key={s.value} className="text-muted-foreground">
                  {s.value}: fit ≥ {s.fit}, engagement ≥ {s.engagement}
                </p>
              ))}
              {t.qualifyingActions.map((a) => (
                <p key={a.eventType} className="text-muted-foreground">
                  Or {a.eventType.replace(/_/g, " ")} with fit ≥ {a.minFit}
                </p>
              ))}
            </CardContent>
          ) : null}
        </Card>
        <Card className="overflow-hidden">
          <CardHeader>
            <CardTitle>Conversion by fit at qualification</CardTitle>
            <CardDescription>MQLs of the last 12 months grouped by their fit score when they qualified.</CardDescription>
          </CardHeader>
          {bands.length === 0 ? (
            <EmptyState icon={Target} title="No MQLs in the last 12 months yet" />
          ) : (
            <Table>
              <TableHeader>
                <TableRow className="hover:bg-transparent">
                  <TableHead>Fit</TableHead>
                  <TableHead className="text-right">MQLs</TableHead>
                  <TableHead className="text-right">MQL→SQL</TableHead>
                  <TableHead className="text-right">MQL→customer</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {bands.map((b) => (
                  <TableRow key={b.band}>
                    <TableCell className="font-medium">
                      {b.band}–{b.band === 90 ? 100 : b.band + 9}
                    </TableCell>
                    <TableCell className="text-right tabular-nums">{formatCount(b.mqls)}</TableCell>
                    <TableCell className="text-right tabular-nums">{rate(b.sqls, b.mqls)}</TableCell>
                    <TableCell className="text-right tabular-nums">{rate(b.customers, b.mqls)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </Card>
      </div>
    </>
  );
}

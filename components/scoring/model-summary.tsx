import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { describeEngagementCondition, describeFitCondition, signedPoints } from "@/lib/scoring/describe-rule";
import type { ScoringModelDefinition } from "@/lib/scoring/model-schema";

function Points({ n }: { n: number }) {
  return <span className={n < 0 ? "text-destructive" : ""}>{signedPoints(n)}</span>;
}

/** A model version's rules, read-only: the MQL rule, fit rules and engagement rules. */
export function ModelSummary({ model }: { model: ScoringModelDefinition }) {
  const t = model.thresholds;
  return (
    <div className="grid gap-6 2xl:grid-cols-2">
      <Card className="2xl:col-span-2">
        <CardHeader>
          <CardTitle>MQL rule</CardTitle>
          <CardDescription>
            Fit ≥ {t.fit} and engagement ≥ {t.engagement}
            {t.segments.length ? `; by ${t.segmentField}: ${t.segments.map((s) => `${s.value} fit ≥ ${s.fit}, engagement ≥ ${s.engagement}`).join("; ")}` : ""}
            {t.qualifyingActions.length ? `; or at once on ${t.qualifyingActions.map((q) => `${q.eventType.replace(/_/g, " ")} with fit ≥ ${q.minFit}`).join(" or ")}` : ""}
            . Engagement halves every {model.halfLifeDays} days.
          </CardDescription>
        </CardHeader>
      </Card>
      <Card className="overflow-hidden">
        <CardHeader>
          <CardTitle>Fit rules</CardTitle>
          <CardDescription>Points for who the contact is and where they work; the total is clamped to 0–100.</CardDescription>
        </CardHeader>
        <Table>
          <TableHeader>
            <TableRow className="hover:bg-transparent">
              <TableHead>Rule</TableHead>
              <TableHead>When</TableHead>
              <TableHead className="text-right">Points</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {model.fitRules.map((r) => (
              <TableRow key={r.id}>
                <TableCell className="font-medium">{r.label}</TableCell>
                <TableCell className="text-muted-foreground">{describeFitCondition(r)}</TableCell>
                <TableCell className="text-right tabular-nums">
                  <Points n={r.points} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Card>
      <Card className="overflow-hidden">
        <CardHeader>
          <CardTitle>Engagement rules</CardTitle>
          <CardDescription>Points per event, halved every half-life, capped per rule; the total is clamped to 0–100.</CardDescription>
        </CardHeader>
        <Table>
          <TableHeader>
            <TableRow className="hover:bg-transparent">
              <TableHead>Rule</TableHead>
              <TableHead>Event</TableHead>
              <TableHead className="text-right">Points</TableHead>
              <TableHead className="text-right">Cap</TableHead>
              <TableHead className="text-right">Half-life</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {model.engagementRules.map((r) => (
              <TableRow key={r.id}>
                <TableCell className="font-medium">{r.label}</TableCell>
                <TableCell className="text-muted-foreground">{describeEngagementCondition(r)}</TableCell>
                <TableCell className="text-right tabular-nums">
                  <Points n={r.points} />
                </TableCell>
                <TableCell className="text-right tabular-nums">{r.cap}</TableCell>
                <TableCell className="text-right tabular-nums">{r.halfLifeDays ?? model.halfLifeDays} d</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Card>
    </div>
  );
}

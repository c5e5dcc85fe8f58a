import type { Metadata } from "next";
import { PageHeader } from "@/components/app-shell/app-shell";
import { Badge } from "@/components/ui/badge";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getPublishedModel, listModelVersions } from "@/db/queries/scoring-models";
import { requirePermission } from "@/lib/auth/session";
import { humanizeValue, shortDate } from "@/lib/format";
import type { FitRule } from "@/lib/scoring/model-schema";

export const metadata: Metadata = { title: "Scoring model" };

function describeFitCondition(rule: FitRule): string {
  const field = rule.field.replace("account.", "account ").replace(/([A-Z])/g, " $1").toLowerCase();
  switch (rule.operator) {
    case "equals":
      return `${field} is ${rule.value}`;
    case "in":
      return `${field} is one of ${rule.values.map(humanizeValue).join(", ")}`;
    case "contains":
      return `${field} contains ${rule.values.join(" or ")}`;
    case "contains_word":
      return `${field} has the word ${rule.values.join(" or ")}`;
    case "range":
      return rule.min !== null && rule.max !== null
        ? `${field} between ${rule.min.toLocaleString("en")} and ${rule.max.toLocaleString("en")}`
        : rule.min !== null
          ? `${field} ≥ ${rule.min.toLocaleString("en")}`
          : `${field} ≤ ${rule.max!.toLocaleString("en")}`;
    case "is_true":
      return field;
  }
}

function Points({ n }: { n: number }) {
  return <span className={n < 0 ? "text-destructive" : ""}>{n > 0 ? `+${n}` : n}</span>;
}

export default async function ScoringPage() {
  await requirePermission("model:edit");
  const [model, versions] = await Promise.all([getPublishedModel(), listModelVersions()]);
  if (!model) {
    return <PageHeader title="Scoring model" description="No published model yet." />;
  }
  const d = model.definition;
  return (
    <>
      <PageHeader
        title="Scoring model"
        description={`v${model.version} · ${model.name} · published ${shortDate(model.publishedAt)} · engagement half-life ${d.halfLifeDays} days`}
      />
      <div className="grid gap-6 p-6 lg:p-8 2xl:grid-cols-2">
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
              {d.fitRules.map((r) => (
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
              {d.engagementRules.map((r) => (
                <TableRow key={r.id}>
                  <TableCell className="font-medium">{r.label}</TableCell>
                  <TableCell className="text-muted-foreground">
                    {r.eventType}
                    {r.filters.map((f) => ` · ${f.property} ${f.operator} ${f.value}`).join("")}
                  </TableCell>
                  <TableCell className="text-right tabular-nums">
                    <Points n={r.points} />
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{r.cap}</TableCell>
                  <TableCell className="text-right tabular-nums">{r.halfLifeDays ?? d.halfLifeDays} d</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Card>
        <Card className="overflow-hidden 2xl:col-span-2">
          <CardHeader>
            <CardTitle>Versions</CardTitle>
          </CardHeader>
          <Table>
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead>Version</TableHead>
                <TableHead>Name</TableHead>
                <TableHead>Status</TableHead>
                <TableHead>Published</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {versions.map((v) => (
                <TableRow key={v.id}>
                  <TableCell className="font-medium">v{v.version}</TableCell>
                  <TableCell>{v.name}</TableCell>
                  <TableCell>
                    <Badge variant={v.status === "published" ? "success" : "secondary"}>{humanizeValue(v.status)}</Badge>
                  </TableCell>
                  <TableCell className="text-muted-foreground">{shortDate(v.publishedAt)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Card>
      </div>
    </>
  );
}

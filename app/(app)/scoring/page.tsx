import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/app-shell/app-shell";
import { ModelSummary } from "@/components/scoring/model-summary";
import { NewDraftButton } from "@/components/scoring/new-draft-button";
import { ScoringRunProgress } from "@/components/scoring/scoring-run-progress";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getPublishedModel, listModelVersions, listScoringRuns } from "@/db/queries/scoring-models";
import { requirePermission } from "@/lib/auth/session";
import { humanizeValue, shortDate } from "@/lib/format";
import { scoringModelDefinitionSchema } from "@/lib/scoring/model-schema";
import { uuidSchema } from "@/lib/validation/common";

export const metadata: Metadata = { title: "Scoring model" };

const STATUS_VARIANT = { published: "success", draft: "warning", archived: "secondary" } as const;

export default async function ScoringPage({ searchParams }: { searchParams: Promise<{ run?: string }> }) {
  await requirePermission("model:edit");
  const [model, versions, runs] = await Promise.all([getPublishedModel(), listModelVersions(), listScoringRuns({ limit: 1 })]);
  const asked = uuidSchema.safeParse((await searchParams).run);
  const latest = runs[0];
  // The run just started by a publish, or one still going, or one that finished in the last hour.
  const shownRun = asked.success
    ? { id: asked.data, reason: latest?.run.id === asked.data ? latest.run.reason : "publish" }
    : latest && (latest.run.status === "queued" || latest.run.status === "running" || Date.now() - (latest.run.finishedAt?.getTime() ?? 0) < 3_600_000)
      ? { id: latest.run.id, reason: latest.run.reason }
      : null;
  const drafts = versions.filter((v) => v.status === "draft");
  if (!model) return <PageHeader title="Scoring model" description="No published model yet." />;
  const definition = scoringModelDefinitionSchema.parse(model.definition);
  return (
    <>
      <PageHeader
        title="Scoring model"
        description={`v${model.version} · ${model.name} · published ${shortDate(model.publishedAt)}`}
        actions={<NewDraftButton>New draft from v{model.version}</NewDraftButton>}
      />
      <div className="space-y-6 p-6 lg:p-8">
        {shownRun ? (
          <Card>
            <CardContent className="pt-5">
              <ScoringRunProgress runId={shownRun.id} reason={shownRun.reason} />
            </CardContent>
          </Card>
        ) : null}
        {drafts.length ? (
          <Card>
            <CardHeader>
              <CardTitle>Drafts</CardTitle>
            </CardHeader>
            <CardContent className="space-y-2">
              {drafts.map((d) => (
                <div key={d.id} className="flex flex-wrap items-center justify-between gap-3 rounded-md border px-3 py-2">
                  <div>
                    <p className="font-medium">
                      v{d.version} · {d.name}
                    </p>
                    <p className="text-xs text-muted-foreground">
                      Started {shortDate(d.createdAt)}
                      {d.createdBy ? ` by ${d.createdBy}` : ""}
                    </p>
                  </div>
                  <Button asChild variant="outline" size="sm">
                    <Link href={`/scoring/${d.id}`}>Continue editing</Link>
                  </Button>
                </div>
              ))}
            </CardContent>
          </Card>
        ) : null}
        <ModelSummary model={definition} />
        <Card className="overflow-hidden">
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
                <TableHead className="text-right">Compare</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {versions.map((v) => (
                <TableRow key={v.id}>
                  <TableCell className="font-medium">
                    <Link href={`/scoring/${v.id}`} className="hover:underline">
                      v{v.version}
                    </Link>
                  </TableCell>
                  <TableCell>{v.name}</TableCell>
                  <TableCell>
                    <Badge variant={STATUS_VARIANT[v.status]}>{humanizeValue(v.status)}</Badge>
                  </TableCell>
                  <TableCell className="text-muted-foreground">
                    {v.publishedAt ? `${shortDate(v.publishedAt)}${v.publishedBy ? ` by ${v.publishedBy}` : ""}` : "—"}
                  </TableCell>
                  <TableCell className="text-right">
                    {v.id !== model.id ? (
                      <Link href={`/scoring/compare?from=${model.version}&to=${v.version}`} className="text-sm text-primary hover:underline">
                        with v{model.version}
                      </Link>
                    ) : null}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Card>
      </div>
    </>
  );
}

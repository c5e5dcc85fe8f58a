import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ChevronLeft } from "lucide-react";
import { PageHeader } from "@/components/app-shell/app-shell";
import { ModelEditor } from "@/components/scoring/model-editor";
import { ModelSummary } from "@/components/scoring/model-summary";
import { NewDraftButton } from "@/components/scoring/new-draft-button";
import { VersionDiff } from "@/components/scoring/version-diff";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EVENT_TYPES } from "@/db/schema/events";
import { getModelVersion, getPublishedModel } from "@/db/queries/scoring-models";
import { requirePermission } from "@/lib/auth/session";
import { humanizeValue, shortDate } from "@/lib/format";
import { diffModels } from "@/lib/scoring/model-diff";
import { scoringModelDefinitionSchema, type ScoringModelDefinition } from "@/lib/scoring/model-schema";
import { uuidSchema } from "@/lib/validation/common";

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const id = uuidSchema.safeParse((await params).id);
  const version = id.success ? await getModelVersion({ id: id.data }) : undefined;
  return { title: version ? `Scoring model v${version.version}` : "Scoring model" };
}

/** A draft is edited here; a published or archived version is read, compared, or drafted from. */
export default async function ModelVersionPage({ params }: { params: Params }) {
  await requirePermission("model:edit");
  const id = uuidSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const [version, published] = await Promise.all([getModelVersion({ id: id.data }), getPublishedModel()]);
  if (!version || !published) notFound();
  const publishedDefinition = scoringModelDefinitionSchema.parse(published.definition);
  const back = (
    <Link href="/scoring" className="inline-flex items-center gap-1 text-xs text-muted-foreground hover:text-foreground">
      <ChevronLeft className="size-3" /> Scoring model
    </Link>
  );

  if (version.status === "draft") {
    // Drafts saved under older rules still open: the editor shows what needs fixing.
    const definition = version.definition as ScoringModelDefinition;
    return (
      <>
        <PageHeader title={<>v{version.version} · draft</>} description={`Based on the published v${published.version}. Nothing changes for contacts until you publish.`}>
          <div className="mt-1">{back}</div>
        </PageHeader>
        <ModelEditor
          draft={{ id: version.id, version: version.version, name: version.name, notes: version.notes, definition }}
          published={{ version: published.version, definition: publishedDefinition }}
          eventTypes={EVENT_TYPES}
        />
      </>
    );
  }

  const definition = scoringModelDefinitionSchema.parse(version.definition);
  const isCurrent = version.id === published.id;
  return (
    <>
      <PageHeader
        title={
          <span className="flex items-center gap-3">
            v{version.version} · {version.name}
            <Badge variant={isCurrent ? "success" : "secondary"}>{humanizeValue(version.status)}</Badge>
          </span>
        }
        description={`Published ${shortDate(version.publishedAt)}. A published version never changes: draft from it to make changes.`}
        actions={<NewDraftButton fromId={version.id}>Draft from v{version.version}</NewDraftButton>}
      >
        <div className="mt-1">{back}</div>
      </PageHeader>
      <div className="space-y-6 p-6 lg:p-8">
        {!isCurrent ? (
          <Card>
            <CardHeader>
              <CardTitle>Compared with the published v{published.version}</CardTitle>
            </CardHeader>
            <CardContent>
              <VersionDiff changes={diffModels(definition, publishedDefinition)} />
            </CardContent>
          </Card>
        ) : null}
        <ModelSummary model={definition} />
      </div>
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { ChevronLeft } from "lucide-react";
import { z } from "zod";
import { PageHeader } from "@/components/app-shell/app-shell";
import { VersionDiff } from "@/components/scoring/version-diff";
import { Card, CardContent } from "@/components/ui/card";
import { NativeSelect } from "@/components/ui/select";
import { Button } from "@/components/ui/button";
import { getModelVersionByNumber, listModelVersions } from "@/db/queries/scoring-models";
import { requirePermission } from "@/lib/auth/session";
import { diffModels } from "@/lib/scoring/model-diff";
import { scoringModelDefinitionSchema, type ScoringModelDefinition } from "@/lib/scoring/model-schema";

export const metadata: Metadata = { title: "Compare model versions" };

const querySchema = z.object({ from: z.coerce.number().int().positive(), to: z.coerce.number().int().positive() });

/** What changes from one model version to another: `?from=3&to=5`. */
export default async function CompareVersionsPage({ searchParams }: { searchParams: Promise<{ from?: string; to?: string }> }) {
  await requirePermission("model:edit");
  const versions = await listModelVersions();
  const query = querySchema.safeParse(await searchParams);
  const from = query.success ? await getModelVersionByNumber({ version: query.data.from }) : undefined;
  const to = query.success ? await getModelVersionByNumber({ version: query.data.to }) : undefined;
  const definition = (v: { definition: unknown }) => scoringModelDefinitionSchema.safeParse(v.definition).data ?? (v.definition as ScoringModelDefinition);
  return (
    <>
      <PageHeader title="Compare model versions" description="Every rule and threshold that differs, in the order the editor shows them.">
        <Link href="/scoring" className="mt-1 inline-flex items-center gap-1 text-xs text-muted-foreground hover:text-foreground">
          <ChevronLeft className="size-3" /> Scoring model
        </Link>
      </PageHeader>
      <div className="space-y-6 p-6 lg:p-8">
        <form className="flex flex-wrap items-end gap-3">
          {(["from", "to"] as const).map((key) => (
            <label key={key} className="space-y-1 text-sm font-medium">
              <span>{key === "from" ? "From" : "To"}</span>
              <NativeSelect name={key} defaultValue={String((key === "from" ? from : to)?.version ?? "")} className="w-56">
                {versions.map((v) => (
                  <option key={v.id} value={v.version}>
                    v{v.version} · {v.name} ({v.status})
                  </option>
                ))}
              </NativeSelect>
            </label>
          ))}
          <Button type="submit" variant="outline">
            Compare
          </Button>
        </form>
        <Card>
          <CardContent className="pt-4">
            {from && to ? (
              <VersionDiff changes={diffModels(definition(from), definition(to))} />
            ) : (
              <p className="text-sm text-muted-foreground">{query.success ? "One of these versions does not exist." : "Choose two versions to compare."}</p>
            )}
          </CardContent>
        </Card>
      </div>
    </>
  );
}

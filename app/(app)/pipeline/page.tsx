import type { Metadata } from "next";
import { PageHeader } from "@/components/app-shell/app-shell";
import { PipelineBoard } from "@/components/pipeline/pipeline-board";
import { PipelineRepFilter } from "@/components/pipeline/pipeline-rep-filter";
import { getDb } from "@/db/client";
import { getPipeline, listRejectionReasons, listSalesReps } from "@/db/queries/pipeline";
import { requirePermission } from "@/lib/auth/session";
import { searchParamsRecord } from "@/lib/validation/common";

export const metadata: Metadata = { title: "Pipeline" };

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export default async function PipelinePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("pipeline:work");
  const params = searchParamsRecord(await searchParams);
  const db = await getDb();
  const isAdmin = user.role === "admin";
  // A sales rep sees their own pipeline whatever the URL says; an admin everyone's, or one rep's.
  const reps = isAdmin ? await listSalesReps(db) : [];
  const rep = isAdmin ? reps.find((r) => r.id === params.rep) : undefined;
  const salesOwnerId = isAdmin ? rep?.id : user.id;
  const now = new Date();
  const [pipeline, reasons] = await Promise.all([getPipeline(db, { salesOwnerId, now }), listRejectionReasons(db)]);
  const { counts } = pipeline;

  const summary = [
    `${counts.handed} waiting for ${isAdmin && !rep ? "sales" : isAdmin ? rep!.name.split(" ")[0] : "you"}`,
    plural(counts.sqls, "SQL"),
    plural(counts.opportunities, "opportunity", "opportunities"),
    `${counts.won} won, ${counts.lost} lost in the last 30 days`,
  ].join(" · ");

  return (
    <>
      <PageHeader
        title={isAdmin ? (rep ? `${rep.name}'s pipeline` : "Pipeline — every sales rep") : "My pipeline"}
        description={summary}
        actions={isAdmin ? <PipelineRepFilter reps={reps} value={rep?.id} /> : null}
      />
      <PipelineBoard pipeline={pipeline} reasons={reasons} now={now} showOwner={isAdmin && !rep} isAdmin={isAdmin} />
    </>
  );
}

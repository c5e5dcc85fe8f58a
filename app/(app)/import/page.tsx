import type { Metadata } from "next";
import { PageHeader } from "@/components/app-shell/app-shell";
import { ImportJobPanel } from "@/components/import/import-job-panel";
import { NewImportWizard } from "@/components/import/new-import-wizard";
import { RecentImports } from "@/components/import/recent-imports";
import { requirePermission } from "@/lib/auth/session";
import { sweepInterruptedImports } from "@/lib/import/import-queue";
import { uuidSchema } from "@/lib/validation/common";

export const metadata: Metadata = { title: "Import" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * CSV import. `?job=<id>` shows one import's progress and summary (bookmarkable, survives a
 * reload while it runs); without it, a new import.
 */
export default async function ImportPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePermission("data:import");
  await sweepInterruptedImports();
  const job = uuidSchema.safeParse((await searchParams).job);
  const jobId = job.success ? job.data : undefined;
  return (
    <>
      <PageHeader
        title="Import"
        description="Load contacts, timeline events and stage history from CSV files. Importing the same file again creates no duplicates."
      />
      <div className="space-y-6 p-6 lg:p-8">
        {jobId ? <ImportJobPanel key={jobId} jobId={jobId} /> : <NewImportWizard />}
        <RecentImports currentJobId={jobId} />
      </div>
    </>
  );
}

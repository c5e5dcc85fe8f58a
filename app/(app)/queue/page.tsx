import type { Metadata } from "next";
import { PageHeader } from "@/components/app-shell/app-shell";
import { QueueWorkspace } from "@/components/queue/queue-workspace";
import { getDb } from "@/db/client";
import { listQueuePage, queueCounts, queueFacets } from "@/db/queries/queue-list";
import { requirePermission } from "@/lib/auth/session";
import { searchParamsRecord } from "@/lib/validation/common";
import { queueFiltersSchema } from "@/lib/validation/queue";

export const metadata: Metadata = { title: "Queue" };

export default async function QueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("queue:work");
  const values = searchParamsRecord(await searchParams);
  const parsed = queueFiltersSchema.safeParse(values);
  const filters = parsed.success ? parsed.data : queueFiltersSchema.parse({});
  // A rep works their own queue; an admin sees everyone's (or one rep's).
  const repId = user.role === "admin" ? filters.rep : user.id;
  const db = await getDb();
  const now = new Date();
  const [page, counts, facets] = await Promise.all([listQueuePage(db, { repId, filters, now }), queueCounts(db, { repId, now }), queueFacets(db, { repId })]);
  const listParams = new URLSearchParams(values);
  listParams.delete("lead");
  const initial = JSON.parse(JSON.stringify({ ...page, counts, now: now.toISOString(), params: listParams.toString() }));

  return (
    <>
      <PageHeader
        title={user.role === "admin" ? "All open MQLs" : "My queue"}
        description={`${counts.open} open ${counts.open === 1 ? "lead" : "leads"}${counts.overdue ? ` · ${counts.overdue} past the first-touch SLA` : ""}`}
      />
      <QueueWorkspace initial={initial} showRep={user.role === "admin"} segments={facets.segments} sources={facets.sources} />
    </>
  );
}

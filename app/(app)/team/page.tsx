import { UsersRound } from "lucide-react";
import type { Metadata } from "next";
import { PageHeader } from "@/components/app-shell/app-shell";
import { BulkReassign } from "@/components/team/bulk-reassign";
import { TeamSummary, TeamTable } from "@/components/team/team-table";
import { EmptyState } from "@/components/ui/empty-state";
import { getDb } from "@/db/client";
import { getTeamOverview, listRepOpenLeads } from "@/db/queries/team";
import { requirePermission } from "@/lib/auth/session";
import { searchParamsRecord } from "@/lib/validation/common";

export const metadata: Metadata = { title: "Team" };

export default async function TeamPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // Reading every rep's figures and moving their leads are the same trust: admins.
  await requirePermission("leads:reassign");
  const params = searchParamsRecord(await searchParams);
  const db = await getDb();
  const now = new Date();
  const overview = await getTeamOverview(db, { now });
  const selected = params.rep ? overview.reps.find((r) => r.key === params.rep) : undefined;
  const open = selected ? await listRepOpenLeads(db, { repKey: selected.key, now }) : null;
  const targets = overview.reps.filter((r) => r.userId && !r.deactivated && (r.role === "sdr" || r.role === "sales"));

  return (
    <>
      <PageHeader title="Team" description="Each rep's open load, first-touch SLA and speed-to-lead; decisions over the last 7 days. Reassign a rep's leads in bulk." />
      <div className="space-y-4 p-4 lg:p-6">
        {overview.reps.length === 0 ? (
          <EmptyState icon={UsersRound} title="No reps yet" className="rounded-lg border bg-card">
            Add SDRs and sales reps with <code>npm run user -- create</code>; their queues and pipelines show here.
          </EmptyState>
        ) : (
          <>
            <TeamSummary totals={overview.totals} reps={overview.reps.filter((r) => r.userId).length} />
            <TeamTable reps={overview.reps} selectedKey={selected?.key} />
          </>
        )}
        {selected && open ? <BulkReassign key={selected.key} rep={selected} leads={open.rows} total={open.total} targets={targets} now={now} /> : null}
      </div>
    </>
  );
}

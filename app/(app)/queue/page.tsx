import { Inbox } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/app-shell/app-shell";
import { ScoreBar } from "@/components/contacts/score-bar";
import { StageBadge } from "@/components/contacts/stage-badge";
import { SlaBadge } from "@/components/queue/sla-badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { listOpenQueue, listPipeline } from "@/db/queries/queue";
import { requirePermission } from "@/lib/auth/session";
import { fullName, humanizeValue, relativeTime } from "@/lib/format";

export const metadata: Metadata = { title: "Queue" };

export default async function QueuePage() {
  const user = await requirePermission("queue:work");
  // An SDR sees their own queue, an admin everyone's; a sales rep sees MQLs routed straight to them.
  const [items, pipeline] = await Promise.all([
    listOpenQueue({ repId: user.role === "admin" ? undefined : user.id }),
    user.role === "sales" ? listPipeline({ salesOwnerId: user.id }) : Promise.resolve([]),
  ]);
  const now = new Date();
  const overdue = items.filter((i) => !i.firstTouchAt && i.slaDueAt && i.slaDueAt < now).length;

  return (
    <>
      <PageHeader
        title={user.role === "admin" ? "All open MQLs" : "My queue"}
        description={`${items.length} open ${items.length === 1 ? "lead" : "leads"}${overdue ? ` · ${overdue} past the first-touch SLA` : ""}, hottest first`}
      />
      <div className="space-y-6 p-6 lg:p-8">
        <Card className="overflow-hidden">
          {items.length === 0 ? (
            <EmptyState icon={Inbox} title="Your queue is clear">
              New MQLs routed to you appear here, hottest first.
            </EmptyState>
          ) : (
            <Table>
              <TableHeader>
                <TableRow className="hover:bg-transparent">
                  <TableHead>Lead</TableHead>
                  <TableHead>Why</TableHead>
                  <TableHead>Fit</TableHead>
                  <TableHead>Engagement</TableHead>
                  <TableHead>Stage</TableHead>
                  <TableHead>SLA</TableHead>
                  <TableHead>Qualified</TableHead>
                  {user.role === "admin" ? <TableHead>Rep</TableHead> : null}
                </TableRow>
              </TableHeader>
              <TableBody>
                {items.map((i) => (
                  <TableRow key={i.id}>
                    <TableCell className="max-w-72">
                      <Link href={`/contacts/${i.contactId}`} className="block truncate font-medium hover:text-primary hover:underline">
                        {fullName(i)}
                      </Link>
                      <span className="block truncate text-xs text-muted-foreground">
                        {[i.title, i.accountName].filter(Boolean).join(" · ") || i.email}
                      </span>
                    </TableCell>
                    <TableCell className="text-sm">
                      {i.reason === "qualifying_action" ? humanizeValue(i.reasonDetail) : humanizeValue(i.reason)}
                    </TableCell>
                    <TableCell>
                      <ScoreBar value={i.fitScore} kind="fit" />
                    </TableCell>
                    <TableCell>
                      <ScoreBar value={i.engagementScore} kind="engagement" />
                    </TableCell>
                    <TableCell>
                      <StageBadge stage={i.status} />
                    </TableCell>
                    <TableCell>
                      <SlaBadge dueAt={i.slaDueAt} touchedAt={i.firstTouchAt} now={now} />
                    </TableCell>
                    <TableCell className="whitespace-nowrap text-muted-foreground">{relativeTime(i.mqlAt)}</TableCell>
                    {user.role === "admin" ? <TableCell className="whitespace-nowrap">{i.repName ?? "Unassigned"}</TableCell> : null}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </Card>
        {user.role === "sales" ? (
          <section>
            <h2 className="mb-3 text-sm font-semibold">My pipeline · {pipeline.length}</h2>
            <Card className="overflow-hidden">
              {pipeline.length === 0 ? (
                <EmptyState icon={Inbox} title="No open SQLs or opportunities" />
              ) : (
                <Table>
                  <TableHeader>
                    <TableRow className="hover:bg-transparent">
                      <TableHead>Lead</TableHead>
                      <TableHead>Stage</TableHead>
                      <TableHead>SQL since</TableHead>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {pipeline.map((p) => (
                      <TableRow key={p.id}>
                        <TableCell>
                          <Link href={`/contacts/${p.contactId}`} className="font-medium hover:text-primary hover:underline">
                            {fullName(p)}
                          </Link>
                          <span className="block text-xs text-muted-foreground">{[p.title, p.accountName].filter(Boolean).join(" · ")}</span>
                        </TableCell>
                        <TableCell>
                          <StageBadge stage={p.status} />
                        </TableCell>
                        <TableCell className="text-muted-foreground">{relativeTime(p.sqlAt)}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              )}
            </Card>
          </section>
        ) : null}
      </div>
    </>
  );
}

import { ChevronLeft, Globe, Users } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ScoreBar } from "@/components/contacts/score-bar";
import { StageBadge } from "@/components/contacts/stage-badge";
import { EventIcon } from "@/components/timeline/event-icon";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getAccount, getAccountQualification, listAccountActivity, listAccountContacts } from "@/db/queries/accounts";
import { AccountScoreCard } from "@/components/accounts/account-score-card";
import { requirePermission } from "@/lib/auth/session";
import { formatCompact, formatMoney, fullName, humanizeValue, relativeTime } from "@/lib/format";
import { describeEvent } from "@/lib/timeline/describe-event";
import { uuidSchema } from "@/lib/validation/common";

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const id = uuidSchema.safeParse((await params).id);
  const row = id.success ? await getAccount({ id: id.data }) : undefined;
  return { title: row?.account.name ?? "Account" };
}

export default async function AccountPage({ params }: { params: Params }) {
  await requirePermission("accounts:read");
  const id = uuidSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const row = await getAccount({ id: id.data });
  if (!row) notFound();
  const { account, ownerName } = row;
  const [people, qualification] = await Promise.all([listAccountContacts({ accountId: account.id }), getAccountQualification({ accountId: account.id })]);
  const activity = await listAccountActivity({ contactIds: people.map((p) => p.id) });
  const names = new Map(people.map((p) => [p.id, fullName(p)]));
  const functions = new Set(
    people.filter((p) => p.engagementScore >= qualification.rule.engagedFrom && p.jobFunction?.trim()).map((p) => p.jobFunction!.trim().toLowerCase()),
  );

  const facts: [string, string][] = [
    ["Industry", account.industry ?? "—"],
    ["Employees", formatCompact(account.employees)],
    ["Revenue", formatMoney(account.annualRevenue)],
    ["Location", [account.country, account.region].filter(Boolean).join(" · ") || "—"],
    ["Owner", ownerName ?? "—"],
    ["Engaged functions", String(functions.size)],
  ];

  return (
    <div className="pb-12">
      <header className="border-b bg-card px-6 pt-4 pb-5 lg:px-8">
        <Link href="/accounts" className="inline-flex items-center gap-1 text-xs text-muted-foreground hover:text-foreground">
          <ChevronLeft className="size-3" /> Accounts
        </Link>
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold tracking-tight">{account.name}</h1>
          {qualification.records.some((r) => !r.closedAt) ? <Badge variant="success">MQA · {qualification.parts ? Math.round(qualification.parts.score) : "—"}</Badge> : null}
          <a href={`https://${account.domain}`} className="inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground" rel="noreferrer" target="_blank">
            <Globe className="size-4" /> {account.domain}
          </a>
        </div>
        <dl className="mt-4 grid grid-cols-2 gap-4 sm:grid-cols-3 xl:grid-cols-6">
          {facts.map(([label, value]) => (
            <div key={label}>
              <dt className="text-xs text-muted-foreground">{label}</dt>
              <dd className="mt-0.5 text-sm font-medium">{value}</dd>
            </div>
          ))}
        </dl>
        {account.technologies.length ? (
          <div className="mt-3 flex flex-wrap gap-1.5">
            {account.technologies.map((t) => (
              <Badge key={t} variant="secondary">
                {t}
              </Badge>
            ))}
          </div>
        ) : null}
      </header>
      <div className="grid gap-6 p-6 lg:p-8 xl:grid-cols-[minmax(0,1fr)_380px]">
        <Card className="overflow-hidden">
          <CardHeader>
            <CardTitle>Buying committee · {people.length}</CardTitle>
          </CardHeader>
          {people.length === 0 ? (
            <EmptyState icon={Users} title="No contacts at this account yet" />
          ) : (
            <Table>
              <TableHeader>
                <TableRow className="hover:bg-transparent">
                  <TableHead>Contact</TableHead>
                  <TableHead>Function</TableHead>
                  <TableHead>Stage</TableHead>
                  <TableHead>Engagement</TableHead>
                  <TableHead>Latest activity</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {people.map((p) => (
                  <TableRow key={p.id}>
                    <TableCell className="max-w-64">
                      <Link href={`/contacts/${p.id}`} className="block truncate font-medium hover:text-primary hover:underline">
                        {fullName(p)}
                      </Link>
                      <span className="block truncate text-xs text-muted-foreground">{p.title ?? p.email}</span>
                    </TableCell>
                    <TableCell>{humanizeValue(p.jobFunction)}</TableCell>
                    <TableCell>
                      <StageBadge stage={p.stage} />
                    </TableCell>
                    <TableCell>
                      <ScoreBar value={p.engagementScore} kind="engagement" />
                    </TableCell>
                    <TableCell className="max-w-64">
                      {p.latestType && p.latestAt ? (
                        <>
                          <span className="block truncate text-sm">{describeEvent({ type: p.latestType, properties: p.latestProperties })}</span>
                          <span className="text-xs text-muted-foreground">{relativeTime(p.latestAt)}</span>
                        </>
                      ) : (
                        <span className="text-muted-foreground">No activity</span>
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </Card>
        <div className="space-y-6">
        <AccountScoreCard qualification={qualification} engagedFunctions={functions.size} />
        <Card>
          <CardHeader>
            <CardTitle>Recent activity across the account</CardTitle>
          </CardHeader>
          <CardContent>
            {activity.length === 0 ? (
              <p className="text-sm text-muted-foreground">No activity yet.</p>
            ) : (
              <ol className="space-y-3">
                {activity.map((e) => (
                  <li key={e.id} className="flex gap-3">
                    <EventIcon type={e.type} />
                    <div className="min-w-0 text-sm">
                      <p className="leading-snug">{describeEvent(e)}</p>
                      <p className="text-xs text-muted-foreground">
                        <Link href={`/contacts/${e.contactId}`} className="hover:underline">
                          {names.get(e.contactId)}
                        </Link>{" "}
                        · {relativeTime(e.occurredAt)}
                      </p>
                    </div>
                  </li>
                ))}
              </ol>
            )}
          </CardContent>
        </Card>
        </div>
      </div>
    </div>
  );
}

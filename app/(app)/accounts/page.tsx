import { ArrowRight, Building2, Search, SearchX, Target } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/app-shell/app-shell";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { countOpenMqas, listAccounts, listOpenMqas } from "@/db/queries/accounts";
import { AccountViewTabs } from "@/components/accounts/account-view-tabs";
import { OpenMqasTable } from "@/components/accounts/open-mqas-table";
import { requirePermission } from "@/lib/auth/session";
import { formatCompact } from "@/lib/format";
import { accountListFiltersSchema } from "@/lib/validation/accounts";
import { searchParamsRecord } from "@/lib/validation/common";

export const metadata: Metadata = { title: "Accounts" };

export default async function AccountsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("accounts:read");
  const values = searchParamsRecord(await searchParams);
  const parsed = accountListFiltersSchema.safeParse(values);
  const filters = parsed.success ? parsed.data : accountListFiltersSchema.parse({});
  const mqaView = filters.view === "mqa";
  const [{ rows, nextCursor }, mqas, mqaCount] = await Promise.all([
    mqaView ? Promise.resolve({ rows: [], nextCursor: null }) : listAccounts({ filters }),
    mqaView ? listOpenMqas({ cursor: filters.cursor, limit: filters.limit }) : Promise.resolve(null),
    countOpenMqas(),
  ]);
  const next = new URLSearchParams(values);
  const cursor = mqas ? mqas.nextCursor : nextCursor;
  if (cursor) next.set("cursor", cursor);

  return (
    <>
      <PageHeader title="Accounts" description="Companies and their buying committees">
        <form role="search" className="mt-4 flex max-w-xl gap-2" action="/accounts">
          <div className="relative flex-1">
            <Search className="pointer-events-none absolute left-2.5 top-1/2 size-4 -translate-y-1/2 text-muted-foreground" />
            <Input name="q" defaultValue={values.q} placeholder="Search company or domain" className="pl-8" aria-label="Search accounts" />
          </div>
          <Button type="submit" variant="secondary">
            Search
          </Button>
        </form>
        <AccountViewTabs current={filters.view} mqaCount={mqaCount} />
      </PageHeader>
      <div className="p-6 lg:p-8">
        <Card className="overflow-hidden">
          {mqas ? (
            mqas.rows.length === 0 ? (
              <EmptyState icon={Target} title="No account is qualified yet">
                An account becomes an MQA when its score — fit, its most engaged contacts and the functions they cover — reaches the model&apos;s threshold.
              </EmptyState>
            ) : (
              <OpenMqasTable rows={mqas.rows} />
            )
          ) : rows.length === 0 ? (
            <EmptyState icon={values.q ? SearchX : Building2} title={values.q ? "No accounts match" : "No accounts yet"}>
              {values.q ? "Try part of the name or the domain." : "Accounts are created from contacts' email domains when you import them."}
            </EmptyState>
          ) : (
            <Table>
              <TableHeader>
                <TableRow className="hover:bg-transparent">
                  <TableHead>Account</TableHead>
                  <TableHead>Industry</TableHead>
                  <TableHead>Employees</TableHead>
                  <TableHead>Region</TableHead>
                  <TableHead>Contacts</TableHead>
                  <TableHead className="text-right">Account score</TableHead>
                  <TableHead>Owner</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((a) => (
                  <TableRow key={a.id}>
                    <TableCell>
                      <Link href={`/accounts/${a.id}`} className="font-medium hover:text-primary hover:underline">
                        {a.name}
                      </Link>
                      <span className="block text-xs text-muted-foreground">{a.domain}</span>
                    </TableCell>
                    <TableCell>{a.industry ?? "—"}</TableCell>
                    <TableCell className="tabular-nums">{formatCompact(a.employees)}</TableCell>
                    <TableCell>{a.region ?? "—"}</TableCell>
                    <TableCell className="tabular-nums">{a.contactCount}</TableCell>
                    <TableCell className="text-right tabular-nums">{a.accountScore ?? "—"}</TableCell>
                    <TableCell className="text-muted-foreground">{a.ownerName ?? "—"}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </Card>
        {cursor ? (
          <div className="mt-4 flex justify-end">
            <Button asChild variant="outline" size="sm">
              <Link href={`/accounts?${next}`}>
                Next page <ArrowRight />
              </Link>
            </Button>
          </div>
        ) : null}
      </div>
    </>
  );
}

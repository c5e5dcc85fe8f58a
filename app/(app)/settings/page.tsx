import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/app-shell/app-shell";
import { RepAvailabilityButton } from "@/components/settings/routing/rep-availability-dialog";
import { RepStatusBadge } from "@/components/settings/routing/rep-status-badge";
import { repStatus } from "@/components/settings/routing/routing-format";
import { SettingsTabs } from "@/components/settings/settings-tabs";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { isRoutableRole, listRoutingUsers } from "@/db/queries/routing-admin";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { instantToLocalDateTime } from "@/lib/routing/admin-schemas";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  await requirePermission("settings:manage");
  const people = await listRoutingUsers();
  const now = new Date();
  return (
    <>
      <PageHeader title="Settings" description="Users, territories and routing">
        <SettingsTabs />
      </PageHeader>
      <div className="p-6 lg:p-8">
        <Card className="overflow-hidden">
          <CardHeader>
            <CardTitle>Users · {people.length}</CardTitle>
            <CardDescription>
              Availability, caps and time zones decide who new MQLs are routed to and when their first touch is due; territories and rules are on the{" "}
              <Link href="/settings/routing" className="text-primary hover:underline">
                Routing
              </Link>{" "}
              tab. Add users from the command line with <code>npm run user -- create</code>.
            </CardDescription>
          </CardHeader>
          <Table>
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead>Name</TableHead>
                <TableHead>Role</TableHead>
                <TableHead>Time zone</TableHead>
                <TableHead>Territories</TableHead>
                <TableHead className="text-right">Open MQLs</TableHead>
                <TableHead>Status</TableHead>
                <TableHead className="text-right">
                  <span className="sr-only">Actions</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {people.map((u) => {
                const routable = isRoutableRole(u.role);
                const status = repStatus(u, now);
                const away = status.kind === "away" && u.unavailableUntil !== null;
                return (
                  <TableRow key={u.id} className={u.deactivated ? "text-muted-foreground" : undefined}>
                    <TableCell>
                      <span className="font-medium">{u.name}</span>
                      <span className="block text-xs text-muted-foreground">{u.email}</span>
                    </TableCell>
                    <TableCell>{ROLE_LABELS[u.role]}</TableCell>
                    <TableCell className="text-muted-foreground">{u.timezone}</TableCell>
                    <TableCell className="max-w-56 truncate text-muted-foreground" title={u.territoryNames.join(", ") || undefined}>
                      {u.territoryNames.join(", ") || "—"}
                    </TableCell>
                    <TableCell className="text-right tabular-nums">
                      {routable ? (
                        <>
                          {u.openMqls}
                          {u.maxOpenMqls !== null ? <span className="text-muted-foreground"> / {u.maxOpenMqls}</span> : null}
                        </>
                      ) : (
                        <span className="text-muted-foreground">—</span>
                      )}
                    </TableCell>
                    <TableCell>{routable || u.deactivated ? <RepStatusBadge kind={status.kind} label={status.label} detail={status.detail} /> : <span className="text-xs text-muted-foreground">Not routed</span>}</TableCell>
                    <TableCell className="text-right">
                      {u.deactivated ? null : (
                        <RepAvailabilityButton
                          rep={{
                            id: u.id,
                            name: u.name,
                            roleLabel: ROLE_LABELS[u.role],
                            routable,
                            timezone: u.timezone,
                            takesLeads: status.kind !== "away" && status.kind !== "unavailable",
                            backAt: away ? instantToLocalDateTime(u.unavailableUntil!, u.timezone) : "",
                            maxOpenMqls: u.maxOpenMqls,
                            openMqls: u.openMqls,
                          }}
                        />
                      )}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </Card>
      </div>
    </>
  );
}

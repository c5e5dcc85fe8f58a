import type { Metadata } from "next";
import { PageHeader } from "@/components/app-shell/app-shell";
import { SettingsTabs } from "@/components/settings/settings-tabs";
import { Badge } from "@/components/ui/badge";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { listTerritories, listUsersWithAvailability } from "@/db/queries/settings";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  await requirePermission("settings:manage");
  const [people, teams] = await Promise.all([listUsersWithAvailability(), listTerritories()]);
  return (
    <>
      <PageHeader title="Settings" description="Users, territories and routing">
        <SettingsTabs />
      </PageHeader>
      <div className="grid gap-6 p-6 lg:p-8 2xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Card className="overflow-hidden">
          <CardHeader>
            <CardTitle>Users · {people.length}</CardTitle>
            <CardDescription>Add users from the command line with `npm run user -- create`.</CardDescription>
          </CardHeader>
          <Table>
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead>Name</TableHead>
                <TableHead>Role</TableHead>
                <TableHead>Time zone</TableHead>
                <TableHead className="text-right">Open MQLs</TableHead>
                <TableHead>Status</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {people.map((u) => (
                <TableRow key={u.id}>
                  <TableCell>
                    <span className="font-medium">{u.name}</span>
                    <span className="block text-xs text-muted-foreground">{u.email}</span>
                  </TableCell>
                  <TableCell>{ROLE_LABELS[u.role]}</TableCell>
                  <TableCell className="text-muted-foreground">{u.timezone}</TableCell>
                  <TableCell className="text-right tabular-nums">
                    {u.openMqls}
                    {u.maxOpenMqls ? <span className="text-muted-foreground"> / {u.maxOpenMqls}</span> : null}
                  </TableCell>
                  <TableCell>
                    {u.deactivatedAt ? (
                      <Badge variant="secondary">Deactivated</Badge>
                    ) : u.isAvailable === false ? (
                      <Badge variant="warning">Unavailable</Badge>
                    ) : (
                      <Badge variant="success">Active</Badge>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Card>
        <Card className="overflow-hidden">
          <CardHeader>
            <CardTitle>Territories</CardTitle>
            <CardDescription>New MQLs are routed round-robin within a territory.</CardDescription>
          </CardHeader>
          <Table>
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead>Territory</TableHead>
                <TableHead>Reps</TableHead>
                <TableHead>SLA</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {teams.map((t) => (
                <TableRow key={t.id}>
                  <TableCell className="font-medium">{t.name}</TableCell>
                  <TableCell className="text-muted-foreground">{t.members.join(", ") || "—"}</TableCell>
                  <TableCell className="text-muted-foreground">{t.slaName ?? "—"}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Card>
      </div>
    </>
  );
}

import { KeyRound } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/app-shell/app-shell";
import { CreateApiKeyForm } from "@/components/settings/create-api-key-form";
import { RevokeApiKeyButton } from "@/components/settings/revoke-api-key-button";
import { SettingsTabs } from "@/components/settings/settings-tabs";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getDb } from "@/db/client";
import { listApiKeys } from "@/lib/api-keys/store";
import { requirePermission } from "@/lib/auth/session";
import { relativeTime, shortDate } from "@/lib/format";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  await requirePermission("settings:manage");
  const keys = await listApiKeys(await getDb());
  return (
    <>
      <PageHeader title="Settings" description="Users, territories and routing">
        <SettingsTabs />
      </PageHeader>
      <div className="grid gap-6 p-6 lg:p-8 xl:grid-cols-[minmax(0,1fr)_380px]">
        <Card className="overflow-hidden">
          <CardHeader>
            <CardTitle>API keys</CardTitle>
            <CardDescription>
              For the REST API under <code>/api/v1</code>: send <code>Authorization: Bearer &lt;key&gt;</code>.{" "}
              <Link href="/api-docs" className="text-primary hover:underline">
                API reference
              </Link>
            </CardDescription>
          </CardHeader>
          {keys.length === 0 ? (
            <EmptyState icon={KeyRound} title="No API keys yet">
              Create one to send contacts, events and stage changes from your CRM or marketing tool.
            </EmptyState>
          ) : (
            <Table>
              <TableHeader>
                <TableRow className="hover:bg-transparent">
                  <TableHead>Name</TableHead>
                  <TableHead>Key</TableHead>
                  <TableHead>Scopes</TableHead>
                  <TableHead>Last used</TableHead>
                  <TableHead>Created</TableHead>
                  <TableHead className="text-right">
                    <span className="sr-only">Actions</span>
                  </TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {keys.map((k) => (
                  <TableRow key={k.id} className={k.revokedAt ? "opacity-60" : undefined}>
                    <TableCell className="font-medium">{k.name}</TableCell>
                    <TableCell className="font-mono text-xs">{k.prefix}…</TableCell>
                    <TableCell>
                      <div className="flex gap-1">
                        {k.scopes.map((s) => (
                          <Badge key={s} variant="secondary">
                            {s}
                          </Badge>
                        ))}
                      </div>
                    </TableCell>
                    <TableCell className="text-muted-foreground">{k.lastUsedAt ? relativeTime(k.lastUsedAt) : "Never"}</TableCell>
                    <TableCell className="text-muted-foreground">
                      {shortDate(k.createdAt)}
                      {k.createdByName ? ` · ${k.createdByName}` : ""}
                    </TableCell>
                    <TableCell className="text-right">
                      {k.revokedAt ? <Badge variant="outline">Revoked {relativeTime(k.revokedAt)}</Badge> : <RevokeApiKeyButton id={k.id} name={k.name} />}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Create a key</CardTitle>
            <CardDescription>Give each integration its own key, with only the scopes it needs.</CardDescription>
          </CardHeader>
          <CardContent>
            <CreateApiKeyForm />
          </CardContent>
        </Card>
      </div>
    </>
  );
}

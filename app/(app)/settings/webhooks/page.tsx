import { Webhook } from "lucide-react";
import type { Metadata } from "next";
import { PageHeader } from "@/components/app-shell/app-shell";
import { SettingsTabs } from "@/components/settings/settings-tabs";
import { AddWebhookDialog } from "@/components/settings/webhooks/add-webhook-dialog";
import { WebhookDeliveriesLog } from "@/components/settings/webhooks/webhook-deliveries-log";
import { WebhooksTable } from "@/components/settings/webhooks/webhooks-table";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/session";
import { WEBHOOK_EVENT_OPTIONS } from "@/lib/webhooks/event-types";
import { listWebhooks } from "@/lib/webhooks/manage-webhooks";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("settings:manage");
  const [webhooks, params] = await Promise.all([getDb().then(listWebhooks), searchParams]);
  const selected = webhooks.find((w) => w.id === params.webhook) ?? webhooks[0];
  return (
    <>
      <PageHeader title="Settings" description="Users, territories and routing">
        <SettingsTabs />
      </PageHeader>
      <div className="space-y-6 p-6 lg:p-8">
        <Card className="overflow-hidden">
          <CardHeader className="flex-row items-start justify-between gap-4">
            <div className="space-y-1">
              <CardTitle>Webhooks · {webhooks.length}</CardTitle>
              <CardDescription>Handoff sends a signed JSON POST to each endpoint when a lead changes hands, and retries failures for about an hour.</CardDescription>
            </div>
            {webhooks.length > 0 ? <AddWebhookDialog eventOptions={WEBHOOK_EVENT_OPTIONS} /> : null}
          </CardHeader>
          {webhooks.length === 0 ? (
            <EmptyState icon={Webhook} title="No webhooks yet">
              <p>Tell your CRM, Slack or data warehouse about new MQLs and accepted or rejected leads as they happen.</p>
              <div className="mt-4">
                <AddWebhookDialog eventOptions={WEBHOOK_EVENT_OPTIONS} />
              </div>
            </EmptyState>
          ) : (
            <WebhooksTable webhooks={webhooks} selectedId={selected?.id} />
          )}
        </Card>
        {selected ? (
          <Card className="overflow-hidden">
            <CardHeader>
              <CardTitle>Deliveries</CardTitle>
              <CardDescription className="truncate">
                Latest 50 to <span className="font-mono text-xs text-foreground">{selected.url}</span>
                {webhooks.length > 1 ? " · choose another endpoint above to see its log" : null}
              </CardDescription>
            </CardHeader>
            <WebhookDeliveriesLog key={selected.id} webhookId={selected.id} />
          </Card>
        ) : null}
        <SignatureHelp />
      </div>
    </>
  );
}

function SignatureHelp() {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Receiving deliveries</CardTitle>
        <CardDescription>
          Answer with a 2xx within 10 seconds. Anything else is retried after 30 s, then 1, 2, 4… minutes: 8 attempts in all.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <dl className="grid gap-4 text-xs md:grid-cols-3">
          <div className="space-y-1">
            <dt className="font-mono font-medium">Handoff-Signature: t=…,v1=…</dt>
            <dd className="text-muted-foreground">
              Hex HMAC-SHA256 of <code className="font-mono text-foreground">{"{t}.{raw body}"}</code> keyed with the signing secret. Compare in constant
              time and refuse a <code className="font-mono text-foreground">t</code> older than 5 minutes.
            </dd>
          </div>
          <div className="space-y-1">
            <dt className="font-mono font-medium">Handoff-Event</dt>
            <dd className="text-muted-foreground">
              The event type, also in the body as <code className="font-mono text-foreground">type</code>. “Send test” sends{" "}
              <code className="font-mono text-foreground">ping</code>.
            </dd>
          </div>
          <div className="space-y-1">
            <dt className="font-mono font-medium">Handoff-Delivery</dt>
            <dd className="text-muted-foreground">The same on every retry of a delivery: use it to ignore duplicates.</dd>
          </div>
        </dl>
      </CardContent>
    </Card>
  );
}

"use client";
import { useQueryClient } from "@tanstack/react-query";
import { Loader2, MoreHorizontal, Pause, Play, Send, Trash2 } from "lucide-react";
import { usePathname, useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { deleteWebhookAction, sendTestWebhookAction, setWebhookEnabledAction, type WebhookActionResult } from "@/lib/webhooks/actions";
import { webhookDeliveriesQueryKey } from "./use-webhook-deliveries-query";

export function WebhookRowActions({ id, url, enabled }: { id: string; url: string; enabled: boolean }) {
  const router = useRouter();
  const pathname = usePathname();
  const queryClient = useQueryClient();
  const [pending, start] = useTransition();
  const [running, setRunning] = useState<"test" | "toggle" | "delete">();
  const [error, setError] = useState<string>();
  const [confirmingDelete, setConfirmingDelete] = useState(false);

  function run(kind: "test" | "toggle" | "delete", action: () => Promise<WebhookActionResult>, after?: () => void) {
    setRunning(kind);
    setError(undefined);
    start(async () => {
      const result = await action();
      if (!result.ok) setError(result.error);
      else after?.();
    });
  }

  const sendTest = () =>
    run("test", () => sendTestWebhookAction(id), () => {
      // Show this webhook's log, where the ping appears and then turns green.
      router.replace(`${pathname}?webhook=${id}`, { scroll: false });
      void queryClient.invalidateQueries({ queryKey: webhookDeliveriesQueryKey(id) });
    });

  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex items-center justify-end gap-1">
        <Button variant="outline" size="sm" disabled={pending || !enabled} onClick={sendTest} title={enabled ? undefined : "Enable the webhook to send a test event"}>
          {pending && running === "test" ? <Loader2 className="animate-spin" /> : <Send />}
          Send test
        </Button>
        <DropdownMenu>
          <DropdownMenuTrigger asChild>
            <Button variant="ghost" size="icon" className="size-8" disabled={pending} aria-label={`More actions for ${url}`}>
              {pending && running !== "test" ? <Loader2 className="animate-spin" /> : <MoreHorizontal />}
            </Button>
          </DropdownMenuTrigger>
          <DropdownMenuContent align="end">
            <DropdownMenuItem onSelect={() => run("toggle", () => setWebhookEnabledAction(id, !enabled))}>
              {enabled ? <Pause /> : <Play />}
              {enabled ? "Disable" : "Enable"}
            </DropdownMenuItem>
            <DropdownMenuSeparator />
            <DropdownMenuItem className="text-destructive [&_svg]:text-destructive" onSelect={() => setConfirmingDelete(true)}>
              <Trash2 />
              Delete…
            </DropdownMenuItem>
          </DropdownMenuContent>
        </DropdownMenu>
      </div>
      {error && running !== "delete" ? (
        <p role="alert" className="max-w-64 text-right text-xs text-destructive">
          {error}
        </p>
      ) : null}
      <Dialog open={confirmingDelete} onOpenChange={setConfirmingDelete}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>Delete this webhook?</DialogTitle>
            <DialogDescription>Handoff stops sending events to this endpoint and deletes its delivery log. This cannot be undone; to stop deliveries for a while, disable it instead.</DialogDescription>
          </DialogHeader>
          <code className="block break-all rounded-md bg-muted px-3 py-2 font-mono text-xs">{url}</code>
          {error && running === "delete" ? (
            <p role="alert" className="rounded-md bg-destructive/10 px-3 py-2 text-sm text-destructive">
              {error}
            </p>
          ) : null}
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="outline">Cancel</Button>
            </DialogClose>
            <Button
              variant="destructive"
              disabled={pending}
              onClick={() =>
                run("delete", () => deleteWebhookAction(id), () => {
                  setConfirmingDelete(false);
                  router.replace(pathname, { scroll: false });
                })
              }
            >
              {pending && running === "delete" ? <Loader2 className="animate-spin" /> : <Trash2 />}
              Delete webhook
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </div>
  );
}

"use client";
import { Plus } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { CreateWebhookForm, type WebhookEventOption } from "./create-webhook-form";

/** The form unmounts when the dialog closes, so the secret it shows after creation is gone for good. */
export function AddWebhookDialog({ eventOptions, variant = "default" }: { eventOptions: WebhookEventOption[]; variant?: "default" | "outline" }) {
  return (
    <Dialog>
      <DialogTrigger asChild>
        <Button variant={variant} size="sm">
          <Plus />
          Add webhook
        </Button>
      </DialogTrigger>
      <DialogContent className="max-w-lg">
        <DialogHeader>
          <DialogTitle>Add a webhook</DialogTitle>
          <DialogDescription>Handoff will POST a signed JSON event to this URL for each event you choose.</DialogDescription>
        </DialogHeader>
        <CreateWebhookForm eventOptions={eventOptions} />
      </DialogContent>
    </Dialog>
  );
}

"use client";
import { Check, Copy, Loader2, Plus } from "lucide-react";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { DialogClose } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { createWebhookAction } from "@/lib/webhooks/actions";

export type WebhookEventOption = { type: string; description: string };

function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p id={id} className="text-xs text-destructive">
      {message}
    </p>
  ) : null;
}

const EMPTY = { url: "", description: "", secret: "", eventTypes: ["mql.created"] };

export function CreateWebhookForm({ eventOptions }: { eventOptions: WebhookEventOption[] }) {
  const [state, action, pending] = useActionState(createWebhookAction, undefined);
  // Controlled fields: React resets uncontrolled ones after every submission, which would wipe
  // what the admin typed when the server asks for a correction.
  const [values, setValues] = useState(EMPTY);
  const set = (field: "url" | "description" | "secret") => (e: React.ChangeEvent<HTMLInputElement>) => setValues({ ...values, [field]: e.target.value });
  const toggle = (type: string, on: boolean) =>
    setValues({ ...values, eventTypes: on ? [...values.eventTypes, type] : values.eventTypes.filter((t) => t !== type) });
  const errors = state?.fieldErrors ?? {};
  if (state?.created) {
    return (
      <div className="space-y-4">
        <NewWebhookSecret url={state.created.url} secret={state.created.secret} />
        <div className="flex justify-end">
          <DialogClose asChild>
            <Button>Done</Button>
          </DialogClose>
        </div>
      </div>
    );
  }
  return (
    <div className="space-y-4">
      <form action={action} className="space-y-4" noValidate>
        <div className="space-y-1.5">
          <Label htmlFor="webhook-url">Endpoint URL</Label>
          <Input
            id="webhook-url"
            name="url"
            type="url"
            inputMode="url"
            placeholder="https://example.com/hooks/handoff"
            required
            value={values.url}
            onChange={set("url")}
            aria-invalid={errors.url ? true : undefined}
            aria-describedby={errors.url ? "webhook-url-error" : undefined}
          />
          <FieldError id="webhook-url-error" message={errors.url} />
        </div>
        <div className="space-y-1.5">
          <Label htmlFor="webhook-description">
            Description <span className="font-normal text-muted-foreground">(optional)</span>
          </Label>
          <Input
            id="webhook-description"
            name="description"
            placeholder="e.g. Salesforce lead sync"
            maxLength={200}
            value={values.description}
            onChange={set("description")}
            aria-invalid={errors.description ? true : undefined}
          />
          <FieldError id="webhook-description-error" message={errors.description} />
        </div>
        <fieldset className="space-y-2.5" aria-describedby={errors.eventTypes ? "webhook-events-error" : undefined}>
          <legend className="mb-2 text-sm font-medium">Events</legend>
          {eventOptions.map((option) => (
            <div key={option.type} className="flex items-start gap-2.5">
              <Checkbox
                id={`event-${option.type}`}
                name="eventTypes"
                value={option.type}
                checked={values.eventTypes.includes(option.type)}
                onCheckedChange={(on) => toggle(option.type, on === true)}
                className="mt-0.5"
              />
              <Label htmlFor={`event-${option.type}`} className="grid gap-1 font-normal leading-snug">
                <span className="font-mono text-xs font-medium">{option.type}</span>
                <span className="text-xs text-muted-foreground">{option.description}</span>
              </Label>
            </div>
          ))}
          <FieldError id="webhook-events-error" message={errors.eventTypes} />
        </fieldset>
        <div className="space-y-1.5">
          <Label htmlFor="webhook-secret">
            Signing secret <span className="font-normal text-muted-foreground">(optional)</span>
          </Label>
          <Input
            id="webhook-secret"
            name="secret"
            type="password"
            autoComplete="off"
            placeholder="Leave empty to generate one"
            value={values.secret}
            onChange={set("secret")}
            aria-invalid={errors.secret ? true : undefined}
            aria-describedby="webhook-secret-hint"
          />
          {errors.secret ? (
            <FieldError id="webhook-secret-hint" message={errors.secret} />
          ) : (
            <p id="webhook-secret-hint" className="text-xs text-muted-foreground">
              Paste your own (16 characters or more) if the receiver already has one.
            </p>
          )}
        </div>
        {state?.error && !state.fieldErrors ? (
          <p role="alert" className="rounded-md bg-destructive/10 px-3 py-2 text-sm text-destructive">
            {state.error}
          </p>
        ) : null}
        <div className="flex justify-end gap-2">
          <DialogClose asChild>
            <Button type="button" variant="outline">
              Cancel
            </Button>
          </DialogClose>
          <Button type="submit" disabled={pending}>
            {pending ? <Loader2 className="animate-spin" /> : <Plus />}
            Add webhook
          </Button>
        </div>
      </form>
    </div>
  );
}

/** Shown once: the secret is not readable from the page afterwards. */
function NewWebhookSecret({ url, secret }: { url: string; secret: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="space-y-2 rounded-lg border border-success/40 bg-success/10 p-4" data-testid="new-webhook-secret">
      <p className="text-sm font-medium">Webhook added. Copy its signing secret now: it is not shown again.</p>
      <p className="text-xs text-muted-foreground">The receiver uses it to check the Handoff-Signature header of every request.</p>
      <p className="truncate text-xs text-muted-foreground" title={url}>
        {url}
      </p>
      <div className="flex items-center gap-2">
        <code className="min-w-0 flex-1 truncate rounded bg-card px-2 py-1.5 font-mono text-xs">{secret}</code>
        <Button
          type="button"
          variant="outline"
          size="sm"
          onClick={() => {
            void navigator.clipboard?.writeText(secret);
            setCopied(true);
          }}
        >
          {copied ? <Check /> : <Copy />}
          {copied ? "Copied" : "Copy"}
        </Button>
      </div>
    </div>
  );
}

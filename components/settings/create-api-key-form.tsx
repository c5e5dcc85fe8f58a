"use client";
import { Check, Copy, KeyRound, Loader2 } from "lucide-react";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { createApiKeyAction } from "@/lib/api-keys/actions";

const SCOPES = [
  { id: "ingest", label: "Ingest", hint: "write contacts, events and stage changes" },
  { id: "read", label: "Read", hint: "read contacts and analytics" },
  { id: "admin", label: "Admin", hint: "everything" },
];

export function CreateApiKeyForm() {
  const [state, action, pending] = useActionState(createApiKeyAction, undefined);
  const [copied, setCopied] = useState(false);
  return (
    <div className="space-y-4">
      <form action={action} className="space-y-4">
        <div className="space-y-1.5">
          <Label htmlFor="key-name">Name</Label>
          <Input id="key-name" name="name" placeholder="e.g. HubSpot sync" required maxLength={100} />
        </div>
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium">Scopes</legend>
          {SCOPES.map((s) => (
            <label key={s.id} className="flex items-start gap-2 text-sm">
              <input type="checkbox" name="scopes" value={s.id} defaultChecked={s.id !== "admin"} className="mt-0.5 size-4 accent-[var(--color-primary)]" />
              <span>
                <span className="font-medium">{s.label}</span> <span className="text-muted-foreground">— {s.hint}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {state?.error ? (
          <p role="alert" className="text-sm text-destructive">
            {state.error}
          </p>
        ) : null}
        <Button type="submit" disabled={pending}>
          {pending ? <Loader2 className="animate-spin" /> : <KeyRound />}
          Create key
        </Button>
      </form>
      {state?.key ? (
        <div className="rounded-lg border border-success/40 bg-success/10 p-4" data-testid="new-api-key">
          <p className="text-sm font-medium">Key “{state.name}” created. Copy it now: it is not shown again.</p>
          <div className="mt-2 flex items-center gap-2">
            <code className="min-w-0 flex-1 truncate rounded bg-card px-2 py-1.5 font-mono text-xs">{state.key}</code>
            <Button
              type="button"
              variant="outline"
              size="sm"
              onClick={() => {
                void navigator.clipboard?.writeText(state.key!);
                setCopied(true);
              }}
            >
              {copied ? <Check /> : <Copy />}
              {copied ? "Copied" : "Copy"}
            </Button>
          </div>
        </div>
      ) : null}
    </div>
  );
}

"use client";
import { Clock, Pencil, Plus, Trash2 } from "lucide-react";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { deleteSlaPolicyAction } from "@/lib/routing/admin-actions";
import { ConfirmDeleteDialog } from "./confirm-dialog";
import { describeHours, describeWorkingDays, formatHour } from "./routing-format";
import { SlaPolicyDialog, type EditablePolicy } from "./sla-policy-dialog";

export type PolicyItem = EditablePolicy & { isDefault: boolean; territoryCount: number };

export function NewSlaPolicyButton({ variant = "outline" }: { variant?: "default" | "outline" }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="sm" variant={variant} onClick={() => setOpen(true)}>
        <Plus />
        New policy
      </Button>
      <SlaPolicyDialog open={open} onOpenChange={setOpen} />
    </>
  );
}

export function SlaPoliciesList({ policies }: { policies: PolicyItem[] }) {
  if (policies.length === 0) {
    return (
      <EmptyState icon={Clock} title="No SLA policies">
        <p>Without a policy new MQLs get no first-touch due time and nothing is flagged overdue.</p>
        <div className="mt-4">
          <NewSlaPolicyButton variant="default" />
        </div>
      </EmptyState>
    );
  }
  return (
    <ul className="divide-y border-t">
      {policies.map((p) => (
        <PolicyRow key={p.id} policy={p} fallback={policies.find((x) => x.isDefault && x.id !== p.id) ?? policies.find((x) => x.id !== p.id)} only={policies.length === 1} />
      ))}
    </ul>
  );
}

function PolicyRow({ policy, fallback, only }: { policy: PolicyItem; fallback?: PolicyItem; only: boolean }) {
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const used = policy.territoryCount;
  return (
    <li className="flex items-start justify-between gap-3 px-5 py-3.5">
      <div className="min-w-0 space-y-1">
        <div className="flex flex-wrap items-center gap-2">
          <span className="text-sm font-medium">{policy.name}</span>
          {policy.isDefault ? (
            <Badge variant="default" title="The oldest policy: used for territories without one and for reps outside any territory">
              Default
            </Badge>
          ) : null}
        </div>
        <p className="text-sm">
          First touch within <span className="font-medium tabular-nums">{describeHours(policy.firstTouchHours)}</span>
        </p>
        <p className="text-xs text-muted-foreground">
          {describeWorkingDays(policy.workingDays)} · {formatHour(policy.workdayStartHour)}–{formatHour(policy.workdayEndHour)} rep’s local time
          {" · "}
          {used === 0 ? "no territory" : `${used} territor${used === 1 ? "y" : "ies"}`}
        </p>
      </div>
      <div className="flex shrink-0 items-center gap-1">
        <Button variant="ghost" size="icon" className="size-8" onClick={() => setEditing(true)} aria-label={`Edit ${policy.name}`} title="Edit">
          <Pencil />
        </Button>
        <Button
          variant="ghost"
          size="icon"
          className="size-8 text-muted-foreground hover:text-destructive"
          onClick={() => setDeleting(true)}
          aria-label={`Delete ${policy.name}`}
          title={only ? "The last policy cannot be deleted" : "Delete"}
          disabled={only}
        >
          <Trash2 />
        </Button>
      </div>
      <SlaPolicyDialog open={editing} onOpenChange={setEditing} policy={policy} />
      <ConfirmDeleteDialog
        open={deleting}
        onOpenChange={setDeleting}
        title={`Delete the policy “${policy.name}”?`}
        description={
          <>
            {used > 0 ? `${used} territor${used === 1 ? "y uses" : "ies use"} it and will follow the default policy instead` : "No territory uses it"}
            {fallback ? ` (${policy.isDefault ? `“${fallback.name}” becomes the default` : `“${fallback.name}”`})` : ""}. Due times already set on MQLs do not change.
          </>
        }
        confirmLabel="Delete policy"
        action={() => deleteSlaPolicyAction(policy.id)}
      />
    </li>
  );
}

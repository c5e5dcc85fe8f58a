"use client";
import { Plus, Save } from "lucide-react";
import { useState } from "react";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { DialogFormFooter } from "@/components/ui/dialog-form-footer";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { createTerritoryAction, updateTerritoryAction } from "@/lib/routing/admin-actions";
import type { TerritoryField } from "@/lib/routing/admin-schemas";
import { describedBy, Field, FormError } from "./form-bits";
import { useRoutingAction } from "./use-routing-action";

export type PolicyOption = { id: string; name: string; isDefault: boolean };

/** Create a territory (with its SLA policy), or rename one and edit its description. */
export function TerritoryDialog({
  open,
  onOpenChange,
  territory,
  policies,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  territory?: { id: string; name: string; description: string | null };
  policies: PolicyOption[];
}) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="max-w-lg">
        <DialogHeader>
          <DialogTitle>{territory ? "Edit territory" : "New territory"}</DialogTitle>
          <DialogDescription>
            {territory ? "Rules and members stay as they are; MQLs routed from now on show the new name." : "A team of reps that shares a round-robin. Add its reps and a rule that routes to it next."}
          </DialogDescription>
        </DialogHeader>
        {open ? <TerritoryForm territory={territory} policies={policies} onDone={() => onOpenChange(false)} /> : null}
      </DialogContent>
    </Dialog>
  );
}

function TerritoryForm({ territory, policies, onDone }: { territory?: { id: string; name: string; description: string | null }; policies: PolicyOption[]; onDone: () => void }) {
  const [name, setName] = useState(territory?.name ?? "");
  const [description, setDescription] = useState(territory?.description ?? "");
  const [slaPolicyId, setSlaPolicyId] = useState("");
  const { run, pending, formError, fieldErrors } = useRoutingAction<TerritoryField | "slaPolicyId">();
  const fallback = policies.find((p) => p.isDefault);

  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        run(() => (territory ? updateTerritoryAction(territory.id, { name, description }) : createTerritoryAction({ name, description, slaPolicyId })), onDone);
      }}
    >
      <Field id="territory-name" label="Name" error={fieldErrors.name}>
        <Input id="territory-name" value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. EMEA SDRs" maxLength={100} autoFocus {...describedBy("territory-name", fieldErrors.name)} />
      </Field>
      <Field id="territory-description" label="Description" optional error={fieldErrors.description}>
        <Input
          id="territory-description"
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          placeholder="e.g. UK, DACH and the Nordics"
          maxLength={300}
          {...describedBy("territory-description", fieldErrors.description)}
        />
      </Field>
      {!territory ? (
        <Field id="territory-sla" label="SLA policy" error={fieldErrors.slaPolicyId} hint="Sets when the first touch on its MQLs is due.">
          <NativeSelect id="territory-sla" value={slaPolicyId} onChange={(e) => setSlaPolicyId(e.target.value)} {...describedBy("territory-sla", fieldErrors.slaPolicyId, true)}>
            <option value="">Workspace default{fallback ? ` (${fallback.name})` : ""}</option>
            {policies.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </NativeSelect>
        </Field>
      ) : null}
      <FormError message={formError} />
      <DialogFormFooter pending={pending} icon={territory ? <Save /> : <Plus />}>
        {territory ? "Save" : "Create territory"}
      </DialogFormFooter>
    </form>
  );
}

"use client";
import { Plus, Save } from "lucide-react";
import { useState } from "react";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { DialogFormFooter } from "@/components/ui/dialog-form-footer";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select";
import { createSlaPolicyAction, updateSlaPolicyAction } from "@/lib/routing/admin-actions";
import { ISO_WEEKDAYS, type SlaPolicyField } from "@/lib/routing/admin-schemas";
import { cn } from "@/lib/utils";
import { describedBy, Field, FieldError, FormError } from "./form-bits";
import { formatHour } from "./routing-format";
import { useRoutingAction } from "./use-routing-action";

export type EditablePolicy = { id: string; name: string; firstTouchHours: number; workdayStartHour: number; workdayEndHour: number; workingDays: number[] };

const HOURS = Array.from({ length: 25 }, (_, h) => h);

export function SlaPolicyDialog({ open, onOpenChange, policy }: { open: boolean; onOpenChange: (open: boolean) => void; policy?: EditablePolicy }) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="max-w-lg">
        <DialogHeader>
          <DialogTitle>{policy ? "Edit SLA policy" : "New SLA policy"}</DialogTitle>
          <DialogDescription>
            The first touch on a new MQL is due this many business hours after it is routed, counted on the rep’s own clock. Due times already set stay as they are.
          </DialogDescription>
        </DialogHeader>
        {open ? <SlaPolicyForm policy={policy} onDone={() => onOpenChange(false)} /> : null}
      </DialogContent>
    </Dialog>
  );
}

function SlaPolicyForm({ policy, onDone }: { policy?: EditablePolicy; onDone: () => void }) {
  const [name, setName] = useState(policy?.name ?? "");
  const [hours, setHours] = useState(policy ? String(policy.firstTouchHours) : "4");
  const [start, setStart] = useState(String(policy?.workdayStartHour ?? 9));
  const [end, setEnd] = useState(String(policy?.workdayEndHour ?? 17));
  const [days, setDays] = useState<number[]>(policy?.workingDays ?? [1, 2, 3, 4, 5]);
  const { run, pending, formError, fieldErrors } = useRoutingAction<SlaPolicyField>();
  const toggleDay = (day: number) => setDays((d) => (d.includes(day) ? d.filter((x) => x !== day) : [...d, day].sort((a, b) => a - b)));

  return (
    <form
      noValidate
      className="space-y-5"
      onSubmit={(e) => {
        e.preventDefault();
        const input = { name, firstTouchHours: hours, workdayStartHour: start, workdayEndHour: end, workingDays: days };
        run(() => (policy ? updateSlaPolicyAction(policy.id, input) : createSlaPolicyAction(input)), onDone);
      }}
    >
      <Field id="sla-name" label="Name" error={fieldErrors.name}>
        <Input id="sla-name" value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Standard: 4 business hours" maxLength={100} autoFocus {...describedBy("sla-name", fieldErrors.name)} />
      </Field>
      <Field id="sla-hours" label="First touch within" error={fieldErrors.firstTouchHours}>
        <div className="flex items-center gap-2">
          <Input
            id="sla-hours"
            type="number"
            inputMode="numeric"
            min={1}
            max={168}
            className="w-24 tabular-nums"
            value={hours}
            onChange={(e) => setHours(e.target.value)}
            {...describedBy("sla-hours", fieldErrors.firstTouchHours)}
          />
          <span className="text-sm text-muted-foreground">business hours (1–168)</span>
        </div>
      </Field>
      <div className="space-y-1.5">
        <span id="sla-day-label" className="text-sm font-medium leading-none">
          Working day
        </span>
        <div className="flex items-center gap-2" role="group" aria-labelledby="sla-day-label">
          <Label htmlFor="sla-start" className="sr-only">
            Starts at
          </Label>
          <NativeSelect id="sla-start" className="w-28" value={start} onChange={(e) => setStart(e.target.value)} {...describedBy("sla-start", fieldErrors.workdayStartHour)}>
            {HOURS.slice(0, 24).map((h) => (
              <option key={h} value={h}>
                {formatHour(h)}
              </option>
            ))}
          </NativeSelect>
          <span className="text-sm text-muted-foreground">to</span>
          <Label htmlFor="sla-end" className="sr-only">
            Ends at
          </Label>
          <NativeSelect id="sla-end" className="w-28" value={end} onChange={(e) => setEnd(e.target.value)} {...describedBy("sla-end", fieldErrors.workdayEndHour)}>
            {HOURS.slice(1).map((h) => (
              <option key={h} value={h}>
                {formatHour(h)}
              </option>
            ))}
          </NativeSelect>
          <span className="text-sm text-muted-foreground">rep’s local time</span>
        </div>
        <FieldError id="sla-start-error" message={fieldErrors.workdayStartHour} />
        <FieldError id="sla-end-error" message={fieldErrors.workdayEndHour} />
      </div>
      <fieldset className="space-y-1.5" aria-describedby={fieldErrors.workingDays ? "sla-days-error" : undefined}>
        <legend className="mb-1.5 text-sm font-medium">Working days</legend>
        <div className="flex flex-wrap gap-1.5">
          {ISO_WEEKDAYS.map((d) => {
            const on = days.includes(d.day);
            return (
              <button
                key={d.day}
                type="button"
                aria-pressed={on}
                aria-label={d.long}
                onClick={() => toggleDay(d.day)}
                className={cn(
                  "h-8 w-12 rounded-md border text-xs font-medium transition-colors focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring/40",
                  on ? "border-primary bg-primary text-primary-foreground" : "border-input bg-card text-muted-foreground hover:bg-muted",
                )}
              >
                {d.short}
              </button>
            );
          })}
        </div>
        <FieldError id="sla-days-error" message={fieldErrors.workingDays} />
      </fieldset>
      <FormError message={formError} />
      <DialogFormFooter pending={pending} icon={policy ? <Save /> : <Plus />}>
        {policy ? "Save policy" : "Create policy"}
      </DialogFormFooter>
    </form>
  );
}

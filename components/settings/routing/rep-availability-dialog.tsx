"use client";
import { Pencil, Save } from "lucide-react";
import { useId, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { DialogFormFooter } from "@/components/ui/dialog-form-footer";
import { Input } from "@/components/ui/input";
import { updateRepAvailabilityAction } from "@/lib/routing/admin-actions";
import { canonicalTimeZone, MAX_OPEN_MQLS_CAP, type RepAvailabilityField } from "@/lib/routing/admin-schemas";
import { describedBy, Field, FormError } from "./form-bits";
import { Switch } from "./switch";
import { useRoutingAction } from "./use-routing-action";

export type EditableRep = {
  id: string;
  name: string;
  roleLabel: string;
  /** SDRs, sales reps and admins are routed leads; for anyone else only the time zone applies. */
  routable: boolean;
  timezone: string;
  /** Whether routing would give them a lead now, ignoring the cap (a past out-of-office end counts as back). */
  takesLeads: boolean;
  /** A future out-of-office end as a `datetime-local` value on the rep's clock, or "". */
  backAt: string;
  maxOpenMqls: number | null;
  openMqls: number;
};

export function RepAvailabilityButton({ rep }: { rep: EditableRep }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="ghost" size="sm" onClick={() => setOpen(true)} aria-label={`Edit availability of ${rep.name}`}>
        <Pencil />
        Edit
      </Button>
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogContent className="max-w-lg">
          <DialogHeader>
            <DialogTitle>{rep.name}</DialogTitle>
            <DialogDescription>
              {rep.routable
                ? "Routing reads these on the next MQL; leads already in the queue stay where they are."
                : `${rep.roleLabel}s are not routed leads, so only the time zone applies.`}
            </DialogDescription>
          </DialogHeader>
          {open ? <RepAvailabilityForm rep={rep} onDone={() => setOpen(false)} /> : null}
        </DialogContent>
      </Dialog>
    </>
  );
}

/** "14:05" now in `timeZone`, or null while what is typed is not a zone. */
function clockIn(timeZone: string): string | null {
  const zone = canonicalTimeZone(timeZone);
  if (!zone) return null;
  try {
    return new Intl.DateTimeFormat("en-GB", { timeZone: zone, hour: "2-digit", minute: "2-digit", weekday: "short", hourCycle: "h23" }).format(new Date());
  } catch {
    return null;
  }
}

function RepAvailabilityForm({ rep, onDone }: { rep: EditableRep; onDone: () => void }) {
  const [timezone, setTimezone] = useState(rep.timezone);
  const [takesLeads, setTakesLeads] = useState(rep.takesLeads);
  const [backAt, setBackAt] = useState(rep.backAt);
  const [cap, setCap] = useState(rep.maxOpenMqls === null ? "" : String(rep.maxOpenMqls));
  const { run, pending, formError, fieldErrors } = useRoutingAction<RepAvailabilityField>();
  const zonesId = useId();
  const zones = useMemo(() => {
    const supported = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
    return supported.includes("UTC") ? supported : ["UTC", ...supported];
  }, []);
  const now = clockIn(timezone);

  return (
    <form
      noValidate
      className="space-y-5"
      onSubmit={(e) => {
        e.preventDefault();
        run(
          () =>
            updateRepAvailabilityAction({
              userId: rep.id,
              timezone,
              isAvailable: rep.routable ? takesLeads : true,
              unavailableUntil: rep.routable && !takesLeads ? backAt : null,
              maxOpenMqls: rep.routable ? cap : null,
            }),
          onDone,
        );
      }}
    >
      <Field id="rep-timezone" label="Time zone" error={fieldErrors.timezone} hint={`SLA business hours are counted on this clock${now ? ` · now ${now} there` : ""}.`}>
        <Input
          id="rep-timezone"
          list={zonesId}
          value={timezone}
          onChange={(e) => setTimezone(e.target.value)}
          placeholder="e.g. Europe/Berlin"
          autoComplete="off"
          spellCheck={false}
          {...describedBy("rep-timezone", fieldErrors.timezone, true)}
        />
        <datalist id={zonesId}>
          {zones.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
      </Field>

      {rep.routable ? (
        <>
          <div className="space-y-3 rounded-md border p-4">
            <div className="flex items-start justify-between gap-4">
              <div className="space-y-0.5">
                <label htmlFor="rep-takes-leads" className="text-sm font-medium">
                  Takes new leads
                </label>
                <p className="text-xs text-muted-foreground">Off: round-robin skips them and rules that name them pass leads on.</p>
              </div>
              <Switch
                id="rep-takes-leads"
                checked={takesLeads}
                onCheckedChange={(on) => {
                  setTakesLeads(on);
                  if (on) setBackAt("");
                }}
                aria-invalid={fieldErrors.isAvailable ? true : undefined}
              />
            </div>
            {fieldErrors.isAvailable ? (
              <p role="alert" className="text-xs text-destructive">
                {fieldErrors.isAvailable}
              </p>
            ) : null}
            {!takesLeads ? (
              <Field
                id="rep-back-at"
                label="Out of office until"
                optional
                error={fieldErrors.unavailableUntil}
                hint="On the rep’s clock. They take leads again from then on; leave it empty for “until further notice”."
              >
                <Input id="rep-back-at" type="datetime-local" className="w-60" value={backAt} onChange={(e) => setBackAt(e.target.value)} {...describedBy("rep-back-at", fieldErrors.unavailableUntil, true)} />
              </Field>
            ) : fieldErrors.unavailableUntil ? (
              <p role="alert" className="text-xs text-destructive">
                {fieldErrors.unavailableUntil}
              </p>
            ) : null}
          </div>

          <Field
            id="rep-cap"
            label="Cap of open MQLs"
            optional
            error={fieldErrors.maxOpenMqls}
            hint={`${rep.openMqls} open now. At the cap, round-robin skips them until leads are worked. Empty: no cap.`}
          >
            <Input
              id="rep-cap"
              type="number"
              inputMode="numeric"
              min={1}
              max={MAX_OPEN_MQLS_CAP}
              placeholder="No cap"
              className="w-32 tabular-nums"
              value={cap}
              onChange={(e) => setCap(e.target.value)}
              {...describedBy("rep-cap", fieldErrors.maxOpenMqls, true)}
            />
          </Field>
        </>
      ) : fieldErrors.isAvailable ? (
        <FormError message={fieldErrors.isAvailable} />
      ) : null}

      <FormError message={formError} />
      <DialogFormFooter pending={pending} icon={<Save />}>
        Save
      </DialogFormFooter>
    </form>
  );
}

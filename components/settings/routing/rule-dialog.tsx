"use client";
import { Save, User, Users } from "lucide-react";
import { useState } from "react";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { DialogFormFooter } from "@/components/ui/dialog-form-footer";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select";
import type { RoutingConditions } from "@/db/schema/routing";
import { createRoutingRuleAction, updateRoutingRuleAction } from "@/lib/routing/admin-actions";
import type { RoutingRuleField, RoutingRuleInput } from "@/lib/routing/admin-schemas";
import { cn } from "@/lib/utils";
import { describedBy, Field, FieldError, FormError } from "./form-bits";
import type { ConditionSuggestions, RepOption, TerritoryOption } from "./routing-types";
import { useRoutingAction } from "./use-routing-action";
import { ValuesInput } from "./values-input";

export type EditableRule = { id: string; name: string; conditions: RoutingConditions; territoryId: string | null; userId: string | null; isActive: boolean };

type TargetKind = "territory" | "rep";

function initialState(rule: EditableRule | undefined, territories: TerritoryOption[]) {
  const c = rule?.conditions ?? {};
  // Routing tries a rule's rep before its territory, so a rule that names both opens on the rep.
  const kind: TargetKind = rule?.userId ? "rep" : rule?.territoryId || territories.length > 0 || !rule ? "territory" : "rep";
  return {
    name: rule?.name ?? "",
    regions: c.regions ?? [],
    countries: c.countries ?? [],
    industries: c.industries ?? [],
    minEmployees: c.minEmployees == null ? "" : String(c.minEmployees),
    maxEmployees: c.maxEmployees == null ? "" : String(c.maxEmployees),
    kind,
    territoryId: rule?.territoryId ?? "",
    userId: rule?.userId ?? "",
    isActive: rule?.isActive ?? true,
  };
}

/**
 * Create or edit a routing rule. The form unmounts when the dialog closes, so reopening it
 * starts again from the saved rule rather than from an abandoned edit.
 */
export function RuleDialog({
  open,
  onOpenChange,
  rule,
  territories,
  reps,
  suggestions,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  rule?: EditableRule;
  territories: TerritoryOption[];
  reps: RepOption[];
  suggestions: ConditionSuggestions;
}) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="max-h-[calc(100vh-2rem)] max-w-2xl overflow-y-auto">
        <DialogHeader>
          <DialogTitle>{rule ? "Edit routing rule" : "New routing rule"}</DialogTitle>
          <DialogDescription>A new MQL that meets every condition goes to the target. Leave a condition empty to accept any value.</DialogDescription>
        </DialogHeader>
        {open ? <RuleForm rule={rule} territories={territories} reps={reps} suggestions={suggestions} onDone={() => onOpenChange(false)} /> : null}
      </DialogContent>
    </Dialog>
  );
}

function RuleForm({
  rule,
  territories,
  reps,
  suggestions,
  onDone,
}: {
  rule?: EditableRule;
  territories: TerritoryOption[];
  reps: RepOption[];
  suggestions: ConditionSuggestions;
  onDone: () => void;
}) {
  const [values, setValues] = useState(() => initialState(rule, territories));
  const { run, pending, formError, fieldErrors } = useRoutingAction<RoutingRuleField>();
  const set = <K extends keyof typeof values>(key: K, value: (typeof values)[K]) => setValues((v) => ({ ...v, [key]: value }));
  const both = Boolean(rule?.territoryId && rule?.userId);
  const selectedTerritory = territories.find((t) => t.id === values.territoryId);
  const selectedRep = reps.find((r) => r.id === values.userId);
  // A rep who can no longer take leads (deactivated, or now a marketer) is kept visible as the
  // current choice, so the admin sees why saving is refused instead of a silently blank select.
  const missingRep = values.userId && !selectedRep ? values.userId : null;

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const input: RoutingRuleInput = {
      name: values.name,
      regions: values.regions,
      countries: values.countries,
      industries: values.industries,
      minEmployees: values.minEmployees,
      maxEmployees: values.maxEmployees,
      territoryId: values.kind === "territory" ? values.territoryId : null,
      userId: values.kind === "rep" ? values.userId : null,
      isActive: values.isActive,
    };
    run(() => (rule ? updateRoutingRuleAction(rule.id, input) : createRoutingRuleAction(input)), onDone);
  }

  const targetError = fieldErrors.target ?? fieldErrors.territoryId ?? fieldErrors.userId;

  return (
    <form onSubmit={submit} className="space-y-5" noValidate>
      <Field id="rule-name" label="Name" error={fieldErrors.name}>
        <Input
          id="rule-name"
          value={values.name}
          onChange={(e) => set("name", e.target.value)}
          placeholder="e.g. EMEA mid-market"
          maxLength={100}
          autoFocus
          {...describedBy("rule-name", fieldErrors.name)}
        />
      </Field>

      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold">Conditions</legend>
        <p className="text-xs text-muted-foreground">Every condition set here must hold. Within one, any of the values matches; case and spacing are ignored.</p>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="rule-regions" label="Region" error={fieldErrors.regions} hint="The contact’s region">
            <ValuesInput
              id="rule-regions"
              values={values.regions}
              onChange={(v) => set("regions", v)}
              suggestions={suggestions.regions}
              placeholder="Any region"
              invalid={Boolean(fieldErrors.regions)}
              describedBy={fieldErrors.regions ? "rule-regions-error" : "rule-regions-hint"}
            />
          </Field>
          <Field id="rule-countries" label="Country" error={fieldErrors.countries} hint="The contact’s country">
            <ValuesInput
              id="rule-countries"
              values={values.countries}
              onChange={(v) => set("countries", v)}
              suggestions={suggestions.countries}
              placeholder="Any country"
              invalid={Boolean(fieldErrors.countries)}
              describedBy={fieldErrors.countries ? "rule-countries-error" : "rule-countries-hint"}
            />
          </Field>
          <Field id="rule-industries" label="Industry" error={fieldErrors.industries} hint="The industry of the contact’s account">
            <ValuesInput
              id="rule-industries"
              values={values.industries}
              onChange={(v) => set("industries", v)}
              suggestions={suggestions.industries}
              placeholder="Any industry"
              invalid={Boolean(fieldErrors.industries)}
              describedBy={fieldErrors.industries ? "rule-industries-error" : "rule-industries-hint"}
            />
          </Field>
          <div className="space-y-1.5">
            <span id="rule-size-label" className="text-sm font-medium leading-none">
              Employees
            </span>
            <div className="flex items-center gap-2" role="group" aria-labelledby="rule-size-label">
              <Label htmlFor="rule-min" className="sr-only">
                At least (employees)
              </Label>
              <Input
                id="rule-min"
                type="number"
                inputMode="numeric"
                min={0}
                placeholder="Min"
                className="tabular-nums"
                value={values.minEmployees}
                onChange={(e) => set("minEmployees", e.target.value)}
                {...describedBy("rule-min", fieldErrors.minEmployees)}
              />
              <span className="text-sm text-muted-foreground">to</span>
              <Label htmlFor="rule-max" className="sr-only">
                At most (employees)
              </Label>
              <Input
                id="rule-max"
                type="number"
                inputMode="numeric"
                min={0}
                placeholder="Max"
                className="tabular-nums"
                value={values.maxEmployees}
                onChange={(e) => set("maxEmployees", e.target.value)}
                {...describedBy("rule-max", fieldErrors.maxEmployees)}
              />
            </div>
            <FieldError id="rule-min-error" message={fieldErrors.minEmployees} />
            <FieldError id="rule-max-error" message={fieldErrors.maxEmployees} />
            {!fieldErrors.minEmployees && !fieldErrors.maxEmployees ? <p className="text-xs text-muted-foreground">Inclusive; unknown sizes do not match</p> : null}
          </div>
        </div>
      </fieldset>

      <fieldset className="space-y-3">
        <legend className="mb-3 text-sm font-semibold">Route to</legend>
        <div role="radiogroup" aria-label="Target" className="grid grid-cols-2 gap-2">
          <TargetOption
            checked={values.kind === "territory"}
            onSelect={() => set("kind", "territory")}
            icon={<Users />}
            title="A territory"
            description="Round-robin among its reps"
          />
          <TargetOption checked={values.kind === "rep"} onSelect={() => set("kind", "rep")} icon={<User />} title="A single rep" description="Always the same person" />
        </div>
        {values.kind === "territory" ? (
          <div className="space-y-1.5">
            <Label htmlFor="rule-territory" className="sr-only">
              Territory
            </Label>
            <NativeSelect id="rule-territory" value={values.territoryId} onChange={(e) => set("territoryId", e.target.value)} {...describedBy("rule-target", targetError, true)}>
              <option value="">{territories.length ? "Choose a territory…" : "No territories yet: create one below the rules"}</option>
              {territories.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name} · {t.memberCount === 0 ? "no reps" : `${t.availableCount} of ${t.memberCount} rep${t.memberCount === 1 ? "" : "s"} available`}
                </option>
              ))}
            </NativeSelect>
            {targetError ? (
              <FieldError id="rule-target-error" message={targetError} />
            ) : (
              <p id="rule-target-hint" className="text-xs text-muted-foreground">
                {selectedTerritory && selectedTerritory.memberCount === 0
                  ? "This territory has no reps yet: the rule will pass its leads on to the next matching rule."
                  : "Reps who are out of office, unavailable or at their cap are skipped."}
              </p>
            )}
          </div>
        ) : (
          <div className="space-y-1.5">
            <Label htmlFor="rule-rep" className="sr-only">
              Rep
            </Label>
            <NativeSelect id="rule-rep" value={values.userId} onChange={(e) => set("userId", e.target.value)} {...describedBy("rule-target", targetError, true)}>
              <option value="">Choose a rep…</option>
              {missingRep ? <option value={missingRep}>Current rep (can no longer take leads)</option> : null}
              {reps.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name} · {r.roleLabel}
                  {r.available ? "" : ` · ${r.statusLabel.toLowerCase()}`}
                </option>
              ))}
            </NativeSelect>
            {targetError ? (
              <FieldError id="rule-target-error" message={targetError} />
            ) : (
              <p id="rule-target-hint" className="text-xs text-muted-foreground">
                {selectedRep && !selectedRep.available
                  ? `${selectedRep.name} is ${selectedRep.statusLabel.toLowerCase()} right now: until that changes, matching leads go to the next matching rule.`
                  : "When this rep is away or at their cap, the next matching rule is tried."}
              </p>
            )}
          </div>
        )}
        {both ? <p className="text-xs text-[oklch(0.45_0.11_65)]">This rule names both a rep and a territory. Saving keeps only the target chosen here.</p> : null}
      </fieldset>

      {!rule ? (
        <div className="flex items-start gap-2.5">
          <Checkbox id="rule-active" checked={values.isActive} onCheckedChange={(on) => set("isActive", on === true)} className="mt-0.5" />
          <Label htmlFor="rule-active" className="grid gap-1 font-normal leading-snug">
            <span className="font-medium">Active</span>
            <span className="text-xs text-muted-foreground">New rules go to the bottom of the list; move them up to take precedence.</span>
          </Label>
        </div>
      ) : null}

      <FormError message={formError} />
      <DialogFormFooter pending={pending} icon={<Save />}>
        {rule ? "Save rule" : "Add rule"}
      </DialogFormFooter>
    </form>
  );
}

function TargetOption({ checked, onSelect, icon, title, description }: { checked: boolean; onSelect: () => void; icon: React.ReactNode; title: string; description: string }) {
  return (
    <button
      type="button"
      role="radio"
      aria-checked={checked}
      onClick={onSelect}
      className={cn(
        "flex items-start gap-3 rounded-md border px-3 py-2.5 text-left transition-colors focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring/40 [&_svg]:mt-0.5 [&_svg]:size-4 [&_svg]:shrink-0",
        checked ? "border-primary bg-accent text-accent-foreground" : "border-input bg-card hover:bg-muted",
      )}
    >
      {icon}
      <span className="grid gap-0.5">
        <span className="text-sm font-medium">{title}</span>
        <span className={cn("text-xs", checked ? "text-accent-foreground/80" : "text-muted-foreground")}>{description}</span>
      </span>
    </button>
  );
}

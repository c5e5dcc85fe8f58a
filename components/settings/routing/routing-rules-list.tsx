"use client";
import { AlertTriangle, ArrowDown, ArrowRight, ArrowUp, Loader2, Pencil, Plus, Route, Trash2, User, Users } from "lucide-react";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { deleteRoutingRuleAction, moveRoutingRuleAction, setRoutingRuleActiveAction } from "@/lib/routing/admin-actions";
import { cn } from "@/lib/utils";
import { ConditionChips } from "./condition-chips";
import { ConfirmDeleteDialog } from "./confirm-dialog";
import { RuleDialog, type EditableRule } from "./rule-dialog";
import type { ConditionSuggestions, RepOption, TerritoryOption } from "./routing-types";
import { Switch } from "./switch";
import { useRoutingAction } from "./use-routing-action";

export type RuleListItem = EditableRule & { territoryName: string | null; userName: string | null };

type Props = { rules: RuleListItem[]; territories: TerritoryOption[]; reps: RepOption[]; suggestions: ConditionSuggestions };

/** The add button lives in the card header; it opens the same dialog as the empty state's. */
export function AddRuleButton({ territories, reps, suggestions, variant = "default" }: Omit<Props, "rules"> & { variant?: "default" | "outline" }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="sm" variant={variant} onClick={() => setOpen(true)}>
        <Plus />
        Add rule
      </Button>
      <RuleDialog open={open} onOpenChange={setOpen} territories={territories} reps={reps} suggestions={suggestions} />
    </>
  );
}

export function RoutingRulesList({ rules, territories, reps, suggestions }: Props) {
  if (rules.length === 0) {
    return (
      <EmptyState icon={Route} title="No routing rules yet">
        <p>Without rules, new MQLs go only to their account’s owner; the rest wait unassigned. Add a catch-all rule to a territory to start.</p>
        <div className="mt-4">
          <AddRuleButton territories={territories} reps={reps} suggestions={suggestions} />
        </div>
      </EmptyState>
    );
  }
  return (
    <ol className="divide-y border-t" aria-label="Routing rules in the order they are tried">
      {rules.map((rule, index) => (
        <RuleRow key={rule.id} rule={rule} position={index + 1} isFirst={index === 0} isLast={index === rules.length - 1} territories={territories} reps={reps} suggestions={suggestions} />
      ))}
    </ol>
  );
}

function RuleRow({
  rule,
  position,
  isFirst,
  isLast,
  territories,
  reps,
  suggestions,
}: {
  rule: RuleListItem;
  position: number;
  isFirst: boolean;
  isLast: boolean;
} & Omit<Props, "rules">) {
  const { run, pending, error } = useRoutingAction();
  const [running, setRunning] = useState<"toggle" | "up" | "down">();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const act = (kind: "toggle" | "up" | "down", action: Parameters<typeof run>[0]) => {
    setRunning(kind);
    run(action);
  };
  const warning = targetWarning(rule, territories, reps);

  return (
    <li className={cn("grid grid-cols-[2rem_minmax(0,1fr)_auto] text-sm items-start gap-x-4 gap-y-2 px-5 py-4 md:grid-cols-[2rem_minmax(0,1fr)_minmax(0,18rem)_auto]", !rule.isActive && "bg-muted/30")}>
      <span
        className={cn(
          "mt-0.5 flex size-7 items-center justify-center rounded-full text-xs font-semibold tabular-nums",
          rule.isActive ? "bg-primary/10 text-primary" : "bg-muted text-muted-foreground",
        )}
        aria-label={`Position ${position}`}
      >
        {position}
      </span>

      <div className={cn("min-w-0 space-y-2", !rule.isActive && "opacity-60")}>
        <div className="flex flex-wrap items-center gap-2">
          <span className="font-medium">{rule.name}</span>
          {!rule.isActive ? <Badge variant="secondary">Paused</Badge> : null}
        </div>
        <ConditionChips conditions={rule.conditions} />
      </div>

      <div className={cn("col-start-2 flex min-w-0 items-start gap-3 md:col-start-3", !rule.isActive && "opacity-60")}>
        <ArrowRight className="mt-0.5 hidden size-4 shrink-0 text-muted-foreground md:block" aria-hidden />
        <div className="min-w-0 space-y-1">
        <Target rule={rule} territories={territories} />
        {warning && rule.isActive ? (
          <p className="flex items-start gap-1.5 text-xs text-[oklch(0.45_0.11_65)]">
            <AlertTriangle className="mt-px size-3.5 shrink-0" />
            {warning}
          </p>
        ) : null}
        </div>
      </div>

      <div className="col-start-3 row-start-1 flex items-center gap-1 md:col-start-4">
        <Switch
          checked={rule.isActive}
          pending={pending && running === "toggle"}
          disabled={pending}
          onCheckedChange={(on) => act("toggle", () => setRoutingRuleActiveAction(rule.id, on))}
          aria-label={`${rule.name}: ${rule.isActive ? "active" : "paused"}`}
          title={rule.isActive ? "Active: pause to skip this rule" : "Paused: turn on to route with it again"}
          className="mr-2"
        />
        <Button variant="ghost" size="icon" className="size-8" disabled={pending || isFirst} onClick={() => act("up", () => moveRoutingRuleAction(rule.id, "up"))} aria-label={`Move ${rule.name} up`} title="Move up">
          {pending && running === "up" ? <Loader2 className="animate-spin" /> : <ArrowUp />}
        </Button>
        <Button variant="ghost" size="icon" className="size-8" disabled={pending || isLast} onClick={() => act("down", () => moveRoutingRuleAction(rule.id, "down"))} aria-label={`Move ${rule.name} down`} title="Move down">
          {pending && running === "down" ? <Loader2 className="animate-spin" /> : <ArrowDown />}
        </Button>
        <Button variant="ghost" size="icon" className="size-8" disabled={pending} onClick={() => setEditing(true)} aria-label={`Edit ${rule.name}`} title="Edit">
          <Pencil />
        </Button>
        <Button variant="ghost" size="icon" className="size-8 text-muted-foreground hover:text-destructive" disabled={pending} onClick={() => setDeleting(true)} aria-label={`Delete ${rule.name}`} title="Delete">
          <Trash2 />
        </Button>
      </div>

      {error ? (
        <p role="alert" className="col-span-full text-right text-xs text-destructive">
          {error}
        </p>
      ) : null}

      <RuleDialog open={editing} onOpenChange={setEditing} rule={rule} territories={territories} reps={reps} suggestions={suggestions} />
      <ConfirmDeleteDialog
        open={deleting}
        onOpenChange={setDeleting}
        title={`Delete the rule “${rule.name}”?`}
        description="Leads it would have routed go to the next matching rule from now on. MQLs it already routed keep their rep. To stop using it for a while, pause it instead."
        confirmLabel="Delete rule"
        action={() => deleteRoutingRuleAction(rule.id)}
      />
    </li>
  );
}

function Target({ rule, territories }: { rule: RuleListItem; territories: TerritoryOption[] }) {
  const territory = territories.find((t) => t.id === rule.territoryId);
  return (
    <div className="space-y-1.5 text-sm">
      {rule.userId ? (
        <div className="flex items-start gap-2">
          <User className="mt-0.5 size-4 shrink-0 text-muted-foreground" aria-hidden />
          <div className="min-w-0">
            <p className="truncate font-medium">{rule.userName ?? "Unknown rep"}</p>
            <p className="text-xs text-muted-foreground">Single rep</p>
          </div>
        </div>
      ) : null}
      {rule.territoryId ? (
        <div className="flex items-start gap-2">
          <Users className="mt-0.5 size-4 shrink-0 text-muted-foreground" aria-hidden />
          <div className="min-w-0">
            <p className="truncate font-medium">{rule.territoryName ?? "Unknown territory"}</p>
            <p className="text-xs text-muted-foreground">
              Round-robin
              {territory && territory.memberCount > 0 ? ` · ${territory.availableCount} of ${territory.memberCount} rep${territory.memberCount === 1 ? "" : "s"} free` : ""}
            </p>
          </div>
        </div>
      ) : null}
      {!rule.userId && !rule.territoryId ? <p className="text-muted-foreground">No target</p> : null}
    </div>
  );
}

/** Why this rule would pass its leads on right now, so an admin sees it before the MQLs pile up. */
function targetWarning(rule: RuleListItem, territories: TerritoryOption[], reps: RepOption[]): string | null {
  if (rule.userId) {
    const rep = reps.find((r) => r.id === rule.userId);
    if (!rep) return `${rule.userName ?? "This rep"} can no longer take leads: matching leads go to the next rule.`;
    if (!rep.available) return `${rep.name} is ${rep.statusLabel.toLowerCase()}: matching leads go to the next rule for now.`;
    return null;
  }
  if (rule.territoryId) {
    const t = territories.find((x) => x.id === rule.territoryId);
    if (!t) return null;
    if (t.memberCount === 0) return `${t.name} has no reps: matching leads go to the next rule.`;
    if (t.availableCount === 0) return `Nobody in ${t.name} can take leads right now.`;
  }
  return null;
}

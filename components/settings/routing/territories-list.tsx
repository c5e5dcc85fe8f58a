"use client";
import { Loader2, MoreHorizontal, Pencil, Plus, Trash2, UserPlus, Users, X } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { EmptyState } from "@/components/ui/empty-state";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select";
import { addTerritoryMemberAction, deleteTerritoryAction, removeTerritoryMemberAction, setTerritorySlaPolicyAction } from "@/lib/routing/admin-actions";
import { cn } from "@/lib/utils";
import { ConfirmDeleteDialog } from "./confirm-dialog";
import type { RepStatusKind } from "./routing-format";
import type { RepOption } from "./routing-types";
import { TerritoryDialog, type PolicyOption } from "./territory-dialog";
import { useRoutingAction } from "./use-routing-action";

export type TerritoryMemberItem = { userId: string; name: string; roleLabel: string; status: RepStatusKind; statusLabel: string; statusDetail?: string; load: string };

export type TerritoryItem = {
  id: string;
  name: string;
  description: string | null;
  slaPolicyId: string | null;
  members: TerritoryMemberItem[];
  /** Rules that route here, with their position in the order. */
  rules: { name: string; position: number; isActive: boolean }[];
};

export function NewTerritoryButton({ policies, variant = "outline" }: { policies: PolicyOption[]; variant?: "default" | "outline" }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="sm" variant={variant} onClick={() => setOpen(true)}>
        <Plus />
        New territory
      </Button>
      <TerritoryDialog open={open} onOpenChange={setOpen} policies={policies} />
    </>
  );
}

export function TerritoriesList({ territories, policies, reps }: { territories: TerritoryItem[]; policies: PolicyOption[]; reps: RepOption[] }) {
  if (territories.length === 0) {
    return (
      <EmptyState icon={Users} title="No territories yet">
        <p>A territory is a team that shares a round-robin, such as “EMEA SDRs”. Create one, add its reps, then point a rule at it.</p>
        <div className="mt-4">
          <NewTerritoryButton policies={policies} variant="default" />
        </div>
      </EmptyState>
    );
  }
  return (
    <div className="divide-y border-t">
      {territories.map((t) => (
        <TerritorySection key={t.id} territory={t} policies={policies} reps={reps} />
      ))}
    </div>
  );
}

const STATUS_DOT: Record<RepStatusKind, string> = {
  available: "bg-success",
  at_cap: "bg-warning",
  away: "bg-warning",
  unavailable: "bg-destructive/70",
  deactivated: "bg-muted-foreground/50",
};

function TerritorySection({ territory, policies, reps }: { territory: TerritoryItem; policies: PolicyOption[]; reps: RepOption[] }) {
  const sla = useRoutingAction<"slaPolicyId">();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const fallback = policies.find((p) => p.isDefault);
  const memberIds = new Set(territory.members.map((m) => m.userId));
  const candidates = reps.filter((r) => !memberIds.has(r.id));
  const available = territory.members.filter((m) => m.status === "available").length;

  return (
    <section className="space-y-3 px-5 py-4" aria-labelledby={`territory-${territory.id}`}>
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <h4 id={`territory-${territory.id}`} className="text-sm font-semibold">
            {territory.name}
          </h4>
          <p className="text-xs text-muted-foreground">
            {territory.members.length === 0 ? "No reps" : `${available} of ${territory.members.length} rep${territory.members.length === 1 ? "" : "s"} taking leads`}
            {territory.description ? ` · ${territory.description}` : ""}
          </p>
        </div>
        <DropdownMenu>
          <DropdownMenuTrigger asChild>
            <Button variant="ghost" size="icon" className="size-8 shrink-0" aria-label={`More actions for ${territory.name}`}>
              <MoreHorizontal />
            </Button>
          </DropdownMenuTrigger>
          <DropdownMenuContent align="end">
            <DropdownMenuItem onSelect={() => setEditing(true)}>
              <Pencil />
              Rename…
            </DropdownMenuItem>
            <DropdownMenuSeparator />
            <DropdownMenuItem className="text-destructive [&_svg]:text-destructive" onSelect={() => setDeleting(true)}>
              <Trash2 />
              Delete…
            </DropdownMenuItem>
          </DropdownMenuContent>
        </DropdownMenu>
      </div>

      <dl className="grid grid-cols-[4.5rem_minmax(0,1fr)] items-start gap-x-4 gap-y-3 text-sm">
        <dt className="pt-1.5 text-xs font-medium text-muted-foreground">Reps</dt>
        <dd className="space-y-2">
          {territory.members.length > 0 ? (
            <ul className="flex flex-wrap gap-2" aria-label={`Reps of ${territory.name}`}>
              {territory.members.map((m) => (
                <MemberChip key={m.userId} territoryId={territory.id} member={m} />
              ))}
            </ul>
          ) : (
            <p className="pt-1.5 text-xs text-muted-foreground">None yet: rules that route here pass their leads on to the next matching rule.</p>
          )}
          <AddMember territoryId={territory.id} territoryName={territory.name} candidates={candidates} />
        </dd>

        <dt className="pt-2 text-xs font-medium text-muted-foreground">
          <label htmlFor={`territory-sla-${territory.id}`}>SLA</label>
        </dt>
        <dd className="space-y-1">
          <div className="flex items-center gap-2">
            <NativeSelect
              id={`territory-sla-${territory.id}`}
              className="w-full max-w-80"
              value={territory.slaPolicyId ?? ""}
              disabled={sla.pending}
              aria-invalid={sla.error ? true : undefined}
              onChange={(e) => {
                const value = e.target.value;
                sla.run(() => setTerritorySlaPolicyAction(territory.id, value || null));
              }}
            >
              <option value="">Workspace default{fallback ? ` (${fallback.name})` : ""}</option>
              {policies.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </NativeSelect>
            {sla.pending ? <Loader2 className="size-4 animate-spin text-muted-foreground" aria-label="Saving" /> : null}
          </div>
          {sla.error ? (
            <p role="alert" className="text-xs text-destructive">
              {sla.fieldErrors.slaPolicyId ?? sla.error}
            </p>
          ) : null}
        </dd>

        <dt className="text-xs font-medium text-muted-foreground">Rules</dt>
        <dd className="text-xs text-muted-foreground">
          {territory.rules.length === 0
            ? "No rule routes here yet."
            : territory.rules.map((r, i) => (
                <span key={r.position}>
                  {i > 0 ? ", " : ""}
                  <span className={cn("font-medium text-foreground", !r.isActive && "text-muted-foreground line-through")} title={r.isActive ? undefined : "Paused"}>
                    #{r.position} {r.name}
                  </span>
                </span>
              ))}
        </dd>
      </dl>

      <TerritoryDialog open={editing} onOpenChange={setEditing} territory={territory} policies={policies} />
      <ConfirmDeleteDialog
        open={deleting}
        onOpenChange={setDeleting}
        title={`Delete the territory “${territory.name}”?`}
        description={
          territory.rules.length > 0
            ? "Rules still route to this territory, so it cannot be deleted yet: point them at another target or delete them first."
            : "Its reps keep their leads and their other territories. This cannot be undone."
        }
        confirmLabel="Delete territory"
        action={() => deleteTerritoryAction(territory.id)}
      />
    </section>
  );
}

function MemberChip({ territoryId, member }: { territoryId: string; member: TerritoryMemberItem }) {
  const { run, pending, error } = useRoutingAction();
  const title = [member.roleLabel, member.statusLabel, member.statusDetail, member.load].filter(Boolean).join(" · ");
  return (
    <li className="flex flex-col gap-1">
      <span className="inline-flex items-center gap-2 rounded-full border bg-card py-1 pl-2.5 pr-1 text-xs shadow-sm" title={title}>
        <span className={cn("size-2 shrink-0 rounded-full", STATUS_DOT[member.status])} aria-hidden />
        <span className="font-medium">{member.name}</span>
        <span className="text-muted-foreground">{member.status === "available" ? member.load : member.statusLabel.toLowerCase()}</span>
        <button
          type="button"
          disabled={pending}
          onClick={() => run(() => removeTerritoryMemberAction(territoryId, member.userId))}
          className="rounded-full p-0.5 text-muted-foreground transition-colors hover:bg-muted hover:text-foreground disabled:opacity-50"
          aria-label={`Remove ${member.name}`}
        >
          {pending ? <Loader2 className="size-3.5 animate-spin" /> : <X className="size-3.5" />}
        </button>
      </span>
      {error ? (
        <span role="alert" className="text-xs text-destructive">
          {error}
        </span>
      ) : null}
    </li>
  );
}

function AddMember({ territoryId, territoryName, candidates }: { territoryId: string; territoryName: string; candidates: RepOption[] }) {
  const [userId, setUserId] = useState("");
  const { run, pending, error, fieldErrors } = useRoutingAction<"userId">();
  const message = fieldErrors.userId ?? error;
  if (candidates.length === 0) return null;
  const selectId = `add-member-${territoryId}`;
  return (
    <form
      className="space-y-1"
      onSubmit={(e) => {
        e.preventDefault();
        if (!userId) return;
        run(() => addTerritoryMemberAction(territoryId, userId), () => setUserId(""));
      }}
    >
      <div className="flex items-center gap-2">
        <Label htmlFor={selectId} className="sr-only">
          Add a rep to {territoryName}
        </Label>
        <NativeSelect id={selectId} className="w-full max-w-64" value={userId} onChange={(e) => setUserId(e.target.value)} aria-invalid={message ? true : undefined} aria-describedby={message ? `${selectId}-error` : undefined}>
          <option value="">Add a rep…</option>
          {candidates.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name} · {r.roleLabel}
            </option>
          ))}
        </NativeSelect>
        <Button type="submit" size="sm" variant="outline" className="h-9" disabled={pending || !userId}>
          {pending ? <Loader2 className="animate-spin" /> : <UserPlus />}
          Add
        </Button>
      </div>
      {message ? (
        <p id={`${selectId}-error`} role="alert" className="text-xs text-destructive">
          {message}
        </p>
      ) : null}
    </form>
  );
}

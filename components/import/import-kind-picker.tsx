"use client";
import { Activity, GitCommitHorizontal, Users, type LucideIcon } from "lucide-react";
import { IMPORT_KIND_LABELS, IMPORT_KINDS, type ImportKind } from "@/lib/import/import-fields";
import { cn } from "@/lib/utils";

const ICONS: Record<ImportKind, LucideIcon> = { contacts: Users, events: Activity, stage_changes: GitCommitHorizontal };

/** Three large radio cards: what the file holds decides the fields its columns can map to. */
export function ImportKindPicker({ value, onChange }: { value: ImportKind; onChange: (kind: ImportKind) => void }) {
  return (
    <fieldset>
      <legend className="mb-2 text-sm font-medium">What does the file hold?</legend>
      <div className="grid gap-3 md:grid-cols-3">
        {IMPORT_KINDS.map((kind) => {
          const Icon = ICONS[kind];
          const checked = value === kind;
          return (
            <label
              key={kind}
              className={cn(
                "flex cursor-pointer gap-3 rounded-lg border bg-card p-4 transition-colors has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring/40",
                checked ? "border-primary bg-accent/60" : "hover:bg-muted/50",
              )}
            >
              <input type="radio" name="import-kind" value={kind} checked={checked} onChange={() => onChange(kind)} className="sr-only" />
              <span className={cn("mt-0.5 self-start rounded-md p-2", checked ? "bg-primary text-primary-foreground" : "bg-muted text-muted-foreground")}>
                <Icon className="size-4" aria-hidden />
              </span>
              <span>
                <span className="block text-sm font-medium">{IMPORT_KIND_LABELS[kind].title}</span>
                <span className="mt-0.5 block text-xs leading-relaxed text-muted-foreground">{IMPORT_KIND_LABELS[kind].description}</span>
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}

import { Badge } from "@/components/ui/badge";
import type { ModelChange } from "@/lib/scoring/model-diff";

const KIND: Record<ModelChange["kind"], { label: string; variant: "success" | "destructive" | "secondary" }> = {
  added: { label: "Added", variant: "success" },
  removed: { label: "Removed", variant: "destructive" },
  changed: { label: "Changed", variant: "secondary" },
};

/** What one version changes from another, grouped by part of the model. */
export function VersionDiff({
  changes,
  empty = "No differences: the two versions score every contact alike.",
  compact = false,
}: {
  changes: ModelChange[];
  empty?: string;
  /** Stacked, for a narrow column. */
  compact?: boolean;
}) {
  if (changes.length === 0) return <p className="text-sm text-muted-foreground">{empty}</p>;
  return (
    <ul className="divide-y" data-testid="version-diff">
      {changes.map((c, i) => (
        <li key={i} className={compact ? "grid grid-cols-[auto_minmax(0,1fr)] items-baseline gap-x-2 gap-y-1 py-2.5" : "grid gap-1 py-2.5 sm:grid-cols-[9rem_5.5rem_minmax(0,1fr)] sm:items-baseline"}>
          <span className={compact ? "order-2 text-xs font-medium uppercase tracking-wide text-muted-foreground" : "text-xs font-medium uppercase tracking-wide text-muted-foreground"}>{c.section}</span>
          <span className={compact ? "order-1" : undefined}>
            <Badge variant={KIND[c.kind].variant}>{KIND[c.kind].label}</Badge>
          </span>
          <div className={compact ? "order-3 col-span-2 min-w-0 text-sm" : "min-w-0 text-sm"}>
            <p className="font-medium">{c.subject}</p>
            {c.before ? <p className="text-muted-foreground line-through decoration-muted-foreground/50">{c.before}</p> : null}
            {c.after ? <p>{c.after}</p> : null}
          </div>
        </li>
      ))}
    </ul>
  );
}

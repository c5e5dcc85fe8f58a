import Link from "next/link";
import { cn } from "@/lib/utils";

const VIEWS = [
  { view: "all", label: "All accounts" },
  { view: "mqa", label: "Qualified (MQA)" },
] as const;

/** All accounts A–Z, or only those with an open MQA. */
export function AccountViewTabs({ current, mqaCount }: { current: "all" | "mqa"; mqaCount: number }) {
  return (
    <nav aria-label="Account views" className="-mb-px mt-4 flex gap-6 text-sm">
      {VIEWS.map((v) => (
        <Link
          key={v.view}
          href={v.view === "all" ? "/accounts" : "/accounts?view=mqa"}
          aria-current={current === v.view ? "page" : undefined}
          className={cn(
            "border-b-2 pb-2.5 font-medium transition-colors",
            current === v.view ? "border-primary text-foreground" : "border-transparent text-muted-foreground hover:text-foreground",
          )}
        >
          {v.label}
          {v.view === "mqa" ? <span className="ml-1.5 rounded-full bg-muted px-1.5 py-0.5 text-xs tabular-nums">{mqaCount}</span> : null}
        </Link>
      ))}
    </nav>
  );
}

"use client";
import { Loader2 } from "lucide-react";
import { cn } from "@/lib/utils";

/** An on/off switch (role="switch"); `pending` shows a spinner in the thumb while a save runs. */
export function Switch({
  checked,
  onCheckedChange,
  pending,
  disabled,
  className,
  ...props
}: { checked: boolean; onCheckedChange: (checked: boolean) => void; pending?: boolean } & Omit<React.ComponentProps<"button">, "onChange" | "role">) {
  return (
    <button
      type="button"
      role="switch"
      aria-checked={checked}
      disabled={disabled || pending}
      onClick={() => onCheckedChange(!checked)}
      className={cn(
        "relative inline-flex h-5 w-9 shrink-0 cursor-pointer items-center rounded-full border-2 border-transparent transition-colors focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring/40 disabled:cursor-not-allowed disabled:opacity-60",
        checked ? "bg-primary" : "bg-muted-foreground/35",
        className,
      )}
      {...props}
    >
      <span
        className={cn(
          "pointer-events-none flex size-4 items-center justify-center rounded-full bg-card shadow-sm transition-transform",
          checked ? "translate-x-4" : "translate-x-0",
        )}
      >
        {pending ? <Loader2 className="size-3 animate-spin text-muted-foreground" /> : null}
      </span>
    </button>
  );
}

"use client";
import { AlertTriangle, CheckCircle2, X } from "lucide-react";
import { cn } from "@/lib/utils";

export type Notice = { kind: "ok" | "error"; text: string };

/**
 * What came of the last action, as the queue's lead panel shows it: green when it went through,
 * amber when it did not — "This lead was just updated by …" after someone got there first.
 */
export function ActionNotice({ notice, onDismiss, testId, className }: { notice: Notice | null; onDismiss: () => void; testId: string; className?: string }) {
  if (!notice) return null;
  const error = notice.kind === "error";
  return (
    <p
      role={error ? "alert" : "status"}
      data-testid={testId}
      className={cn(
        "flex items-start gap-2 rounded-md border px-3 py-2 text-sm",
        error
          ? "border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-200"
          : "border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-200",
        className,
      )}
    >
      {error ? <AlertTriangle className="mt-0.5 size-4 shrink-0" /> : <CheckCircle2 className="mt-0.5 size-4 shrink-0" />}
      <span className="flex-1">{notice.text}</span>
      <button type="button" onClick={onDismiss} aria-label="Dismiss" className="rounded p-0.5 opacity-60 hover:opacity-100">
        <X className="size-3.5" />
      </button>
    </p>
  );
}

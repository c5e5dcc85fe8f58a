"use client";
import { FilePlus2, Loader2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button, type ButtonProps } from "@/components/ui/button";
import { createDraftAction } from "@/lib/scoring/actions";

/** Starts a draft (a copy of `fromId`, by default of the published model) and opens it. */
export function NewDraftButton({ fromId, children = "New draft", ...props }: { fromId?: string; children?: React.ReactNode } & Omit<ButtonProps, "onClick">) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex flex-col items-end gap-1">
      <Button
        {...props}
        disabled={pending}
        onClick={() =>
          start(async () => {
            const result = await createDraftAction(fromId);
            if (result.ok) router.push(`/scoring/${result.id}`);
            else setError(result.error);
          })
        }
      >
        {pending ? <Loader2 className="animate-spin" /> : <FilePlus2 />} {children}
      </Button>
      {error ? <span className="text-xs text-destructive">{error}</span> : null}
    </span>
  );
}

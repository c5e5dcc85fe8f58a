"use client";
import { Progress as ProgressPrimitive } from "radix-ui";
import * as React from "react";
import { cn } from "@/lib/utils";

/** A determinate progress bar (role="progressbar" with its value); name it with `aria-label`. */
export function Progress({ className, value, max = 100, ...props }: React.ComponentProps<typeof ProgressPrimitive.Root>) {
  const share = value === null || value === undefined ? 0 : Math.min(100, Math.max(0, (value / max) * 100));
  return (
    <ProgressPrimitive.Root value={value} max={max} className={cn("relative h-2.5 w-full overflow-hidden rounded-full bg-muted", className)} {...props}>
      <ProgressPrimitive.Indicator className="h-full rounded-full bg-primary transition-[width] duration-500 ease-out" style={{ width: `${share}%` }} />
    </ProgressPrimitive.Root>
  );
}

"use client";
import { AlertTriangle } from "lucide-react";
import { Button } from "@/components/ui/button";

/** The funnel failed to load: say so, offer a retry; the details stay in the server log. */
export default function FunnelError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="flex min-h-[60vh] flex-col items-center justify-center gap-3 p-8 text-center">
      <div className="rounded-full bg-destructive/10 p-3">
        <AlertTriangle className="size-6 text-destructive" />
      </div>
      <h1 className="text-lg font-semibold">The funnel could not be loaded</h1>
      <p className="max-w-md text-sm text-muted-foreground">Try again in a moment, or pick a shorter period.</p>
      <Button variant="outline" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}

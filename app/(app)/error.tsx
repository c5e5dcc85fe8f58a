"use client";
import { AlertTriangle } from "lucide-react";
import { Button } from "@/components/ui/button";

/** A page that failed to load: say so plainly and offer a retry; details stay in the server log. */
export default function AppError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="flex min-h-[60vh] flex-col items-center justify-center gap-3 p-8 text-center">
      <div className="rounded-full bg-destructive/10 p-3">
        <AlertTriangle className="size-6 text-destructive" />
      </div>
      <h1 className="text-lg font-semibold">This page could not be loaded</h1>
      <p className="max-w-md text-sm text-muted-foreground">Something went wrong on our side. Nothing you entered was lost.</p>
      <Button variant="outline" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}

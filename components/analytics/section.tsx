import * as React from "react";
import { CardDescription, CardHeader } from "@/components/ui/card";

/** One chart with its table beneath, as a landmark named by its heading. */
export function AnalyticsSection({ id, title, description, actions, children }: { id: string; title: string; description?: React.ReactNode; actions?: React.ReactNode; children: React.ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`} className="min-w-0 overflow-hidden rounded-lg border bg-card text-card-foreground shadow-sm">
      <CardHeader className="flex-row flex-wrap items-start justify-between gap-2">
        <div className="min-w-0 space-y-1">
          <h2 id={`${id}-title`} className="text-sm font-semibold tracking-tight">
            {title}
          </h2>
          {description ? <CardDescription>{description}</CardDescription> : null}
        </div>
        {actions}
      </CardHeader>
      {children}
    </section>
  );
}

/** What a section shows when the period has nothing for it. */
export function SectionEmpty({ children }: { children: React.ReactNode }) {
  return <p className="border-t px-5 py-8 text-center text-sm text-muted-foreground">{children}</p>;
}

import { Target } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { getAccountQualification } from "@/db/queries/accounts";
import { shortDate, relativeTime } from "@/lib/format";
import { cn } from "@/lib/utils";

type Qualification = Awaited<ReturnType<typeof getAccountQualification>>;

function PartBar({ label, value, weight, hint }: { label: string; value: number; weight: number; hint: string }) {
  const v = Math.max(0, Math.min(100, value));
  return (
    <div>
      <div className="flex items-baseline justify-between text-sm">
        <span className="font-medium">{label}</span>
        <span className="tabular-nums">
          {Math.round(v)} <span className="text-xs text-muted-foreground">× {weight}</span>
        </span>
      </div>
      <div className="mt-1 h-1.5 overflow-hidden rounded-full bg-muted">
        <div className="h-full rounded-full bg-primary/80" style={{ width: `${v}%` }} />
      </div>
      <p className="mt-1 text-xs text-muted-foreground">{hint}</p>
    </div>
  );
}

/** The account score in its three parts against the MQA threshold, and the account's MQAs. */
export function AccountScoreCard({ qualification, engagedFunctions }: { qualification: Qualification; engagedFunctions: number }) {
  const { rule, parts, records, modelVersion } = qualification;
  const open = records.find((r) => !r.closedAt);
  const score = parts?.score ?? 0;
  const weights = rule.weights.fit + rule.weights.engagement + rule.weights.coverage || 1;
  const share = (w: number) => `${Math.round((100 * w) / weights)}%`;
  return (
    <Card>
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <Target className="size-4 text-muted-foreground" /> Account score
        </CardTitle>
        <CardDescription>The buying committee rolled up under model v{modelVersion}; MQA from {rule.threshold}.</CardDescription>
      </CardHeader>
      <CardContent className="space-y-5">
        <div className="flex items-end gap-3">
          <span className={cn("text-4xl font-semibold tabular-nums", score >= rule.threshold ? "text-primary" : "")}>{Math.round(score)}</span>
          <span className="pb-1 text-sm text-muted-foreground">/ 100</span>
          <span className="ml-auto pb-1">
            {open ? <Badge variant="success">MQA</Badge> : <Badge variant="secondary">{Math.max(0, Math.ceil(rule.threshold - score))} to MQA</Badge>}
          </span>
        </div>
        <div className="relative h-2 overflow-hidden rounded-full bg-muted" aria-hidden>
          <div className="h-full rounded-full bg-primary" style={{ width: `${Math.min(100, score)}%` }} />
          <div className="absolute top-0 h-full w-0.5 bg-foreground/60" style={{ left: `${rule.threshold}%` }} />
        </div>
        {open ? (
          <p className="rounded-md border border-primary/20 bg-primary/5 px-3 py-2 text-sm">
            Qualified {relativeTime(open.mqaAt)} at {Math.round(open.accountScore)}
            {open.repName ? <>, routed to <span className="font-medium">{open.repName}</span></> : ", with no account owner to route it to"}.
          </p>
        ) : null}
        <div className="space-y-3">
          <PartBar label="Account fit" value={parts?.fit ?? 0} weight={rule.weights.fit} hint={`${share(rule.weights.fit)} of the score · the account rules it meets`} />
          <PartBar
            label="Engagement"
            value={parts?.engagement ?? 0}
            weight={rule.weights.engagement}
            hint={`${share(rule.weights.engagement)} · the ${rule.topContacts} most engaged contacts, averaged`}
          />
          <PartBar
            label="Coverage"
            value={parts?.coverage ?? 0}
            weight={rule.weights.coverage}
            hint={`${share(rule.weights.coverage)} · ${engagedFunctions} of ${rule.fullCoverageFunctions} functions engaged (engagement ≥ ${rule.engagedFrom})`}
          />
        </div>
        {records.length ? (
          <div>
            <h3 className="text-xs font-medium uppercase tracking-wide text-muted-foreground">MQA history</h3>
            <ol className="mt-2 divide-y text-sm">
              {records.map((r) => (
                <li key={r.id} className="flex items-center justify-between gap-2 py-1.5">
                  <span>
                    {shortDate(r.mqaAt)} · {Math.round(r.accountScore)}
                    {r.modelVersion ? <span className="text-muted-foreground"> · v{r.modelVersion}</span> : null}
                  </span>
                  <span className="text-xs text-muted-foreground">{r.closedAt ? `closed ${shortDate(r.closedAt)}` : (r.repName ?? "unassigned")}</span>
                </li>
              ))}
            </ol>
          </div>
        ) : null}
      </CardContent>
    </Card>
  );
}

import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { MqlRecord } from "@/db/schema";
import { dateTime, humanizeValue } from "@/lib/format";
import { StageBadge } from "./stage-badge";

type Row = { record: MqlRecord; repName: string | null; salesOwnerName: string | null; modelVersion: number | null };

const REASON_LABEL: Record<MqlRecord["reason"], string> = {
  threshold: "Crossed the thresholds",
  qualifying_action: "Qualifying action",
  manual: "Raised by hand",
  import: "Imported",
  exploration: "Exploration sample",
};

/** Each time the contact qualified: the handoff records that queues and cohorts read. */
export function MqlHistory({ rows }: { rows: Row[] }) {
  if (rows.length === 0) return null;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Qualifications</CardTitle>
      </CardHeader>
      <CardContent className="space-y-4">
        {rows.map(({ record: r, repName, salesOwnerName, modelVersion }) => (
          <div key={r.id} className="rounded-md border p-3 text-sm">
            <div className="flex items-center justify-between gap-2">
              <span className="font-medium">{dateTime(r.mqlAt)}</span>
              <StageBadge stage={r.status} />
            </div>
            <p className="mt-1 text-xs text-muted-foreground">
              {REASON_LABEL[r.reason]}
              {r.reasonDetail ? ` (${r.reasonDetail.replace(/_/g, " ")})` : ""} · fit {Math.round(r.fitScore)}, engagement{" "}
              {Math.round(r.engagementScore)}
              {modelVersion ? ` · model v${modelVersion}` : ""}
            </p>
            <p className="mt-1 text-xs text-muted-foreground">
              {repName ? `Routed to ${repName}` : "Not routed"}
              {r.routingReason ? ` — ${r.routingReason}` : ""}
              {salesOwnerName ? ` · AE ${salesOwnerName}` : ""}
            </p>
            {r.rejectionReason ? (
              <p className="mt-1 text-xs text-destructive">
                Rejected: {humanizeValue(r.rejectionReason)}
                {r.rejectionNote ? ` — ${r.rejectionNote}` : ""}
              </p>
            ) : null}
            {r.lostReason ? <p className="mt-1 text-xs text-destructive">Lost: {r.lostReason}</p> : null}
          </div>
        ))}
      </CardContent>
    </Card>
  );
}

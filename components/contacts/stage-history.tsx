import { ArrowRight } from "lucide-react";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { dateTime } from "@/lib/format";
import { StageBadge } from "./stage-badge";

type Transition = {
  id: number;
  fromStage: string | null;
  toStage: string;
  occurredAt: Date;
  actorType: "user" | "api_key" | "system" | "import";
  actorName: string | null;
  apiKeyName: string | null;
  modelVersion: number | null;
  reason: string | null;
  note: string | null;
};

function actorLabel(t: Transition): string {
  switch (t.actorType) {
    case "user":
      return t.actorName ?? "A user";
    case "api_key":
      return `API key ${t.apiKeyName ?? ""}`.trim();
    case "system":
      return t.modelVersion ? `Scoring (model v${t.modelVersion})` : "Handoff";
    case "import":
      return "Import";
  }
}

export function StageHistory({ transitions }: { transitions: Transition[] }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Stage history</CardTitle>
      </CardHeader>
      <CardContent>
        {transitions.length === 0 ? (
          <p className="text-sm text-muted-foreground">No stage changes yet: this contact is still a lead.</p>
        ) : (
          <ol className="space-y-3">
            {transitions.map((t) => (
              <li key={t.id} className="text-sm">
                <div className="flex items-center gap-1.5">
                  {t.fromStage ? <StageBadge stage={t.fromStage} /> : null}
                  {t.fromStage ? <ArrowRight className="size-3 text-muted-foreground" aria-label="to" /> : null}
                  <StageBadge stage={t.toStage} />
                </div>
                <p className="mt-1 text-xs text-muted-foreground">
                  {dateTime(t.occurredAt)} · {actorLabel(t)}
                </p>
                {t.reason || t.note ? (
                  <p className="mt-0.5 text-xs">{[t.reason?.replace(/_/g, " "), t.note].filter(Boolean).join(" — ")}</p>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </CardContent>
    </Card>
  );
}

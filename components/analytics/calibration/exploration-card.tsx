"use client";
import { FlaskConical } from "lucide-react";
import { useState, useTransition } from "react";
import { saveExplorationAction } from "@/app/(app)/calibration/actions";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { MAX_EXPLORATION_BAND, MAX_EXPLORATION_SHARE, type ExplorationSettings } from "@/lib/calibration/exploration";

/**
 * The exploration sample's setting: what share of the near misses (within a band below the
 * thresholds) is routed to sales anyway, so the sweep can see below the threshold in force.
 */
export function ExplorationCard({ settings, canEdit, inForce }: { settings: ExplorationSettings; canEdit: boolean; inForce: { fit: number; engagement: number } | null }) {
  const [share, setShare] = useState(String(+(settings.share * 100).toFixed(2)));
  const [band, setBand] = useState(String(settings.bandPoints));
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, start] = useTransition();
  const on = settings.share > 0;
  const save = () =>
    start(async () => {
      const result = await saveExplorationAction({ share: Number(share) / 100, bandPoints: Number(band) });
      setMessage(result.ok ? { ok: true, text: result.settings.share > 0 ? "Saved: it applies from the next rescoring." : "Saved: the exploration sample is off." } : { ok: false, text: result.error });
    });
  return (
    <Card>
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <FlaskConical className="size-4 text-muted-foreground" /> Exploration sample
        </CardTitle>
        <CardDescription>
          {on
            ? `On: ${+(settings.share * 100).toFixed(2)}% of the contacts within ${settings.bandPoints} points below the thresholds${inForce ? ` (fit ≥ ${inForce.fit - settings.bandPoints}, engagement ≥ ${inForce.engagement - settings.bandPoints})` : ""} go to sales, flagged “Exploration” in the queue.`
            : "Off. Below the threshold in force the sweep only knows the leads that reached sales some other way."}{" "}
          Each contact is drawn once a month (rescoring does not draw again); in the sweep each exploration MQL stands for 1 / share contacts.
        </CardDescription>
      </CardHeader>
      <CardContent>
        {canEdit ? (
          <form
            className="flex flex-wrap items-end gap-3"
            onSubmit={(e) => {
              e.preventDefault();
              save();
            }}
          >
            <div className="space-y-1.5">
              <Label htmlFor="exploration-share">Share of near misses (%)</Label>
              <Input id="exploration-share" type="number" min={0} max={MAX_EXPLORATION_SHARE * 100} step={0.5} value={share} onChange={(e) => setShare(e.target.value)} className="w-32" />
            </div>
            <div className="space-y-1.5">
              <Label htmlFor="exploration-band">Points below the thresholds</Label>
              <Input id="exploration-band" type="number" min={1} max={MAX_EXPLORATION_BAND} step={1} value={band} onChange={(e) => setBand(e.target.value)} className="w-32" />
            </div>
            <Button type="submit" disabled={pending}>
              {pending ? "Saving…" : "Save"}
            </Button>
            {message ? (
              <p role="status" className={message.ok ? "text-sm text-muted-foreground" : "text-sm text-destructive"}>
                {message.text}
              </p>
            ) : null}
          </form>
        ) : (
          <p className="text-sm text-muted-foreground">Marketers and admins can change it.</p>
        )}
      </CardContent>
    </Card>
  );
}

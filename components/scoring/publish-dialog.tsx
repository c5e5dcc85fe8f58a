"use client";
import { Loader2, Rocket } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { publishDraftAction } from "@/lib/scoring/actions";
import type { ModelChange } from "@/lib/scoring/model-diff";
import { VersionDiff } from "./version-diff";

/** Publishing, confirmed: what will change, and that every contact is rescored and may become an MQL now. */
export function PublishDialog({ versionId, version, publishedVersion, changes, disabled, beforePublish }: { versionId: string; version: number; publishedVersion: number; changes: ModelChange[]; disabled?: boolean; beforePublish: () => Promise<boolean> }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const publish = () =>
    start(async () => {
      setError(null);
      if (!(await beforePublish())) {
        setError("Save the draft first: it has mistakes to fix.");
        return;
      }
      const result = await publishDraftAction(versionId);
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setOpen(false);
      router.push(`/scoring?run=${result.runId}`);
    });
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button disabled={disabled}>
          <Rocket /> Publish
        </Button>
      </DialogTrigger>
      <DialogContent className="max-w-2xl">
        <DialogHeader>
          <DialogTitle>Publish v{version}?</DialogTitle>
          <DialogDescription>
            It replaces v{publishedVersion} as the model in force and becomes read-only. Every contact is rescored with it right away; those it qualifies
            become MQLs and are routed to reps now.
          </DialogDescription>
        </DialogHeader>
        <div className="max-h-80 overflow-y-auto rounded-md border px-3">
          <VersionDiff changes={changes} empty={`No differences from v${publishedVersion}: scores will not change.`} />
        </div>
        {error ? <p className="text-sm text-destructive" role="alert">{error}</p> : null}
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="outline">Keep editing</Button>
          </DialogClose>
          <Button onClick={publish} disabled={pending}>
            {pending ? <Loader2 className="animate-spin" /> : <Rocket />} Publish v{version} and rescore
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

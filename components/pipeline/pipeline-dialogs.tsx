"use client";
import { Loader2, ThumbsDown, Trophy, XCircle } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { DialogFooter } from "@/components/ui/dialog";
import type { SalesRejectionOutcome } from "@/db/schema/mql-records";
import type { LeadActionResult } from "@/lib/leads/lead-actions";
import { DialogFormFooter } from "@/components/ui/dialog-form-footer";
import { FieldError, FormDialog, FormError, RejectionReasonPicker, textareaClass, type RejectionReasonOption } from "@/components/leads/lead-form-parts";

export type { RejectionReasonOption };

/** The common reasons a deal is lost; any other can be typed. The same words keep the analytics' groups few. */
export const LOST_REASONS = ["Chose a competitor", "No decision", "Budget cut", "Price", "Timing", "Missing features"] as const;

/** Turn a handed-over SQL down: a reason from the managed list, a note, and where it goes. */
export function SalesRejectDialog({
  open,
  leadName,
  qualifiedByName,
  reasons,
  pending,
  result,
  onClose,
  onSubmit,
}: {
  open: boolean;
  leadName: string;
  qualifiedByName: string | null;
  reasons: RejectionReasonOption[];
  pending: boolean;
  result: LeadActionResult | null;
  onClose: () => void;
  onSubmit: (input: { reason: string; note: string; outcome: SalesRejectionOutcome }) => void;
}) {
  const [reason, setReason] = useState("");
  const [note, setNote] = useState("");
  const [outcome, setOutcome] = useState<SalesRejectionOutcome>("back_to_sdr");
  const needsNote = reasons.find((r) => r.code === reason)?.requiresNote ?? false;
  const sdr = qualifiedByName ?? "the SDR";
  return (
    <FormDialog
      open={open}
      onClose={onClose}
      onSubmit={() => onSubmit({ reason, note, outcome })}
      title={<>Reject {leadName}</>}
      description={<>Say why, so {sdr} and marketing learn from it: the reason feeds the rejection analytics.</>}
      className="max-w-lg"
    >
      <RejectionReasonPicker name="sales-reject-reason" reasons={reasons} value={reason} onChange={setReason} result={result} />
      <div className="space-y-1.5">
        <Label htmlFor="sales-reject-note">Note{needsNote ? " (required)" : ""}</Label>
        <textarea id="sales-reject-note" value={note} onChange={(e) => setNote(e.target.value)} rows={2} className={textareaClass} placeholder="What did you find out?" />
        <FieldError result={result} field="note" />
      </div>
      <fieldset className="space-y-1.5">
        <legend className="text-sm font-medium">Then</legend>
        <label className="flex cursor-pointer items-start gap-2.5 rounded-md border px-3 py-2 text-sm has-[:checked]:border-primary has-[:checked]:bg-primary/5">
          <input type="radio" name="sales-reject-outcome" checked={outcome === "back_to_sdr"} onChange={() => setOutcome("back_to_sdr")} className="mt-0.5 accent-primary" />
          <span>
            <span className="font-medium">Back to the SDR</span>
            <span className="block text-xs text-muted-foreground">{sdr} gets it back as a SAL to work further, with your note.</span>
          </span>
        </label>
        <label className="flex cursor-pointer items-start gap-2.5 rounded-md border px-3 py-2 text-sm has-[:checked]:border-primary has-[:checked]:bg-primary/5">
          <input type="radio" name="sales-reject-outcome" checked={outcome === "recycle"} onChange={() => setOutcome("recycle")} className="mt-0.5 accent-primary" />
          <span>
            <span className="font-medium">Recycle to nurture</span>
            <span className="block text-xs text-muted-foreground">Not a buyer now: back to marketing; it can qualify again later.</span>
          </span>
        </label>
        <FieldError result={result} field="outcome" />
      </fieldset>
      <FormError result={result} />
      <DialogFormFooter onCancel={onClose} pending={pending} disabled={!reason} destructive icon={<ThumbsDown />}>
        {outcome === "recycle" ? "Reject and recycle" : "Reject and send back"}
      </DialogFormFooter>
    </FormDialog>
  );
}

/** Close as won: the contact becomes a customer. Asked once, because it cannot be undone here. */
export function CloseWonDialog({
  open,
  leadName,
  accountName,
  pending,
  onClose,
  onSubmit,
}: {
  open: boolean;
  leadName: string;
  accountName: string | null;
  pending: boolean;
  onClose: () => void;
  onSubmit: (note: string) => void;
}) {
  const [note, setNote] = useState("");
  return (
    <FormDialog
      open={open}
      onClose={onClose}
      onSubmit={() => onSubmit(note)}
      title={<>Close {accountName ?? leadName} as won</>}
      description={<>{leadName} becomes a customer; the deal counts in the MQL cohort&apos;s conversion.</>}
    >
      <div className="space-y-1.5">
        <Label htmlFor="won-note">Note</Label>
        <textarea id="won-note" value={note} onChange={(e) => setNote(e.target.value)} rows={2} className={textareaClass} placeholder="e.g. Annual plan, 25 seats" />
      </div>
      <DialogFooter>
        <Button type="button" variant="outline" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" disabled={pending} className="bg-emerald-600 hover:bg-emerald-600/90">
          {pending ? <Loader2 className="animate-spin" /> : <Trophy />} Mark as won
        </Button>
      </DialogFooter>
    </FormDialog>
  );
}

/** Close as lost, with the reason: one of the usual ones or the rep's own words. */
export function CloseLostDialog({
  open,
  leadName,
  accountName,
  pending,
  result,
  onClose,
  onSubmit,
}: {
  open: boolean;
  leadName: string;
  accountName: string | null;
  pending: boolean;
  result: LeadActionResult | null;
  onClose: () => void;
  onSubmit: (reason: string, note: string) => void;
}) {
  const [choice, setChoice] = useState("");
  const [other, setOther] = useState("");
  const [note, setNote] = useState("");
  const reason = choice === "other" ? other : choice;
  return (
    <FormDialog
      open={open}
      onClose={onClose}
      onSubmit={() => onSubmit(reason, note)}
      title={<>Close {accountName ?? leadName} as lost</>}
      description={<>Why did {leadName}&apos;s deal not happen? Marketing weighs MQLs by what became of them.</>}
    >
      <fieldset className="space-y-1.5">
        <legend className="text-sm font-medium">Reason</legend>
        <div className="grid grid-cols-2 gap-1.5">
          {[...LOST_REASONS, "other"].map((r) => (
            <label key={r} className="flex cursor-pointer items-center gap-2 rounded-md border px-2.5 py-1.5 text-sm has-[:checked]:border-primary has-[:checked]:bg-primary/5">
              <input type="radio" name="lost-reason" value={r} checked={choice === r} onChange={() => setChoice(r)} className="accent-primary" />
              {r === "other" ? "Other…" : r}
            </label>
          ))}
        </div>
        {choice === "other" ? <Input aria-label="Other reason" value={other} onChange={(e) => setOther(e.target.value)} placeholder="In a few words" autoFocus /> : null}
        <FieldError result={result} field="reason" />
      </fieldset>
      <div className="space-y-1.5">
        <Label htmlFor="lost-note">Note</Label>
        <textarea id="lost-note" value={note} onChange={(e) => setNote(e.target.value)} rows={2} className={textareaClass} />
      </div>
      <DialogFormFooter onCancel={onClose} pending={pending} disabled={!reason.trim()} destructive icon={<XCircle />}>
        Mark as lost
      </DialogFormFooter>
    </FormDialog>
  );
}

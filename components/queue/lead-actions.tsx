"use client";
import { CalendarCheck, CheckCircle2, Loader2, Mail, Phone, ThumbsDown, Trophy, UserRoundCog } from "lucide-react";
import { useEffect, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select";
import { useSalesRepsQuery } from "@/components/pipeline/use-sales-reps-query";
import { acceptLeadAction, logActivityAction, qualifyLeadAction, reassignLeadAction, rejectLeadAction } from "@/lib/leads/actions";
import type { LeadActionResult } from "@/lib/leads/lead-actions";
import type { LeadDetailJson } from "./use-queue-queries";
import { DialogFormFooter } from "@/components/ui/dialog-form-footer";
import { FieldError, FormDialog, FormError, RejectionReasonPicker, textareaClass } from "@/components/leads/lead-form-parts";

type Outcome = (result: LeadActionResult, done: string) => void;
type Dialogs = "call" | "email" | "meeting" | "qualify" | "reject" | "reassign" | null;

const isTyping = (e: KeyboardEvent) => {
  const t = e.target as HTMLElement | null;
  return !!t && (t.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(t.tagName) || !!t.closest("[role=dialog]"));
};

/** The actions on a lead, as buttons and keyboard shortcuts (a accept, l log a call, q qualify, r reject). */
export function LeadActions({ lead, onOutcome }: { lead: LeadDetailJson; onOutcome: Outcome }) {
  const { record } = lead;
  const [dialog, setDialog] = useState<Dialogs>(null);
  const [pending, start] = useTransition();
  const [last, setLast] = useState<LeadActionResult | null>(null);
  const target = { mqlRecordId: record.id, expectedVersion: record.version };
  const canAccept = record.status === "mql";
  const canQualify = record.status === "mql" || record.status === "sal";
  const canReject = record.status === "mql" || record.status === "sal";

  const act = (run: () => Promise<LeadActionResult>, done: string, closeOnSuccess = true) =>
    start(async () => {
      const result = await run();
      setLast(result);
      if (result.ok || result.code !== "invalid") {
        if (closeOnSuccess) setDialog(null);
        onOutcome(result, done);
      }
    });

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e) || e.metaKey || e.ctrlKey || e.altKey || pending) return;
      if (e.key === "a" && canAccept) act(() => acceptLeadAction(target), "Accepted: the lead is yours to work (SAL).");
      else if (e.key === "l") setDialog("call");
      else if (e.key === "q" && canQualify) setDialog("qualify");
      else if (e.key === "r" && canReject) setDialog("reject");
      else return;
      e.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  return (
    <div className="flex flex-wrap gap-2">
      {canAccept ? (
        <Button size="sm" onClick={() => act(() => acceptLeadAction(target), "Accepted: the lead is yours to work (SAL).")} disabled={pending}>
          {pending ? <Loader2 className="animate-spin" /> : <CheckCircle2 />} Accept
        </Button>
      ) : null}
      {canQualify ? (
        <Button size="sm" variant={canAccept ? "outline" : "default"} onClick={() => setDialog("qualify")} disabled={pending}>
          <Trophy /> Qualify (SQL)
        </Button>
      ) : null}
      <Button size="sm" variant="outline" onClick={() => setDialog("call")} disabled={pending}>
        <Phone /> Log call
      </Button>
      <Button size="sm" variant="outline" onClick={() => setDialog("email")} disabled={pending}>
        <Mail /> Email
      </Button>
      <Button size="sm" variant="outline" onClick={() => setDialog("meeting")} disabled={pending}>
        <CalendarCheck /> Meeting
      </Button>
      {canReject ? (
        <Button size="sm" variant="ghost" className="text-destructive hover:text-destructive" onClick={() => setDialog("reject")} disabled={pending}>
          <ThumbsDown /> Reject
        </Button>
      ) : null}

      {lead.reps.length ? (
        <Button size="sm" variant="ghost" onClick={() => setDialog("reassign")} disabled={pending}>
          <UserRoundCog /> Reassign
        </Button>
      ) : null}
      <ReassignDialog
        open={dialog === "reassign"}
        reps={lead.reps.filter((r) => r.id !== record.assignedRepId && (record.status === "mql" || record.status === "sal" || r.role === "sales"))}
        onClose={() => setDialog(null)}
        pending={pending}
        result={last}
        onSubmit={(toUserId, reason) => act(() => reassignLeadAction({ ...target, toUserId, reason }), "Reassigned.")}
      />
      <ActivityDialog
        kind={dialog === "call" || dialog === "email" || dialog === "meeting" ? dialog : null}
        onClose={() => setDialog(null)}
        pending={pending}
        result={last}
        onSubmit={(kind, form) =>
          act(
            () => logActivityAction({ ...target, kind, outcome: form.outcome, note: form.note, subject: form.subject }),
            `${kind === "call" ? "Call" : kind === "email" ? "Email" : "Meeting"} logged on the timeline.`,
          )
        }
      />
      <QualifyDialog
        open={dialog === "qualify"}
        onClose={() => setDialog(null)}
        pending={pending}
        result={last}
        onSubmit={(bant, note, salesOwner) =>
          act(
            () => qualifyLeadAction({ ...target, bant, note, salesOwnerId: salesOwner?.id }),
            salesOwner ? `Qualified as SQL and handed to ${salesOwner.name}.` : "Qualified as SQL and handed to sales.",
          )
        }
      />
      <RejectDialog
        open={dialog === "reject"}
        reasons={lead.rejectionReasons}
        onClose={() => setDialog(null)}
        pending={pending}
        result={last}
        onSubmit={(reason, note) => act(() => rejectLeadAction({ ...target, reason, note }), "Rejected and recycled to nurture.")}
      />
    </div>
  );
}

function ActivityDialog({
  kind,
  onClose,
  onSubmit,
  pending,
  result,
}: {
  kind: "call" | "email" | "meeting" | null;
  onClose: () => void;
  onSubmit: (kind: "call" | "email" | "meeting", form: { outcome?: string; note?: string; subject?: string }) => void;
  pending: boolean;
  result: LeadActionResult | null;
}) {
  const [outcome, setOutcome] = useState("");
  const [note, setNote] = useState("");
  const [subject, setSubject] = useState("");
  const title = kind === "call" ? "Log a call" : kind === "email" ? "Log an email" : "Log a meeting";
  return (
    <FormDialog
      open={kind !== null}
      onClose={onClose}
      onSubmit={() => kind && onSubmit(kind, { outcome, note, subject })}
      title={title}
      description={<>It goes on the contact&apos;s timeline; the first one stamps the first touch and stops the SLA clock.</>}
    >
      {kind === "call" ? (
        <div className="space-y-1.5">
          <Label htmlFor="activity-outcome">Outcome</Label>
          <NativeSelect id="activity-outcome" value={outcome} onChange={(e) => setOutcome(e.target.value)}>
            <option value="">—</option>
            <option>Connected</option>
            <option>Left voicemail</option>
            <option>No answer</option>
            <option>Booked a meeting</option>
          </NativeSelect>
        </div>
      ) : (
        <div className="space-y-1.5">
          <Label htmlFor="activity-subject">{kind === "email" ? "Subject" : "Title"}</Label>
          <Input id="activity-subject" value={subject} onChange={(e) => setSubject(e.target.value)} />
          <FieldError result={result} field="subject" />
        </div>
      )}
      <div className="space-y-1.5">
        <Label htmlFor="activity-note">Note</Label>
        <textarea id="activity-note" value={note} onChange={(e) => setNote(e.target.value)} rows={3} className={textareaClass} />
        <FieldError result={result} field="note" />
      </div>
      <DialogFormFooter onCancel={onClose} pending={pending}>
        Log {kind}
      </DialogFormFooter>
    </FormDialog>
  );
}

const BANT = [
  { key: "budget", label: "Budget", hint: "e.g. $40k approved for this year, or “unknown”" },
  { key: "authority", label: "Authority", hint: "Who decides, and are they involved?" },
  { key: "need", label: "Need", hint: "The problem they want solved" },
  { key: "timeline", label: "Timeline", hint: "e.g. decision by end of Q1" },
] as const;

function QualifyDialog({
  open,
  onClose,
  onSubmit,
  pending,
  result,
}: {
  open: boolean;
  onClose: () => void;
  onSubmit: (bant: Record<(typeof BANT)[number]["key"], string>, note?: string, salesOwner?: { id: string; name: string }) => void;
  pending: boolean;
  result: LeadActionResult | null;
}) {
  const [bant, setBant] = useState({ budget: "", authority: "", need: "", timeline: "" });
  const [note, setNote] = useState("");
  const [salesOwnerId, setSalesOwnerId] = useState("");
  const salesReps = useSalesRepsQuery(open);
  return (
    <FormDialog
      open={open}
      onClose={onClose}
      onSubmit={() => onSubmit(bant, note, salesReps.data?.find((r) => r.id === salesOwnerId))}
      title={<>Qualify as SQL</>}
      description={<>Budget, authority, need and timeline go to the sales rep with the lead.</>}
    >
      {BANT.map((f) => (
        <div key={f.key} className="space-y-1.5">
          <Label htmlFor={`bant-${f.key}`}>{f.label}</Label>
          <Input id={`bant-${f.key}`} value={bant[f.key]} placeholder={f.hint} onChange={(e) => setBant({ ...bant, [f.key]: e.target.value })} />
          <FieldError result={result} field={`bant.${f.key}`} />
        </div>
      ))}
      <div className="space-y-1.5">
        <Label htmlFor="qualify-sales-owner">Hand to</Label>
        <NativeSelect id="qualify-sales-owner" value={salesOwnerId} onChange={(e) => setSalesOwnerId(e.target.value)}>
          <option value="">Automatic: the account&apos;s owner, else the lightest pipeline</option>
          {(salesReps.data ?? []).map((r) => (
            <option key={r.id} value={r.id}>
              {r.name} ({r.openPipeline} open)
            </option>
          ))}
        </NativeSelect>
        {salesReps.isError ? <p className="text-xs text-muted-foreground">Could not load the sales reps; it will be handed automatically.</p> : null}
        <FieldError result={result} field="salesOwnerId" />
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="qualify-note">Note for sales</Label>
        <textarea id="qualify-note" value={note} onChange={(e) => setNote(e.target.value)} rows={2} className={textareaClass} />
      </div>
      <DialogFormFooter onCancel={onClose} pending={pending} icon={<Trophy />}>
        Qualify and hand over
      </DialogFormFooter>
    </FormDialog>
  );
}

function RejectDialog({
  open,
  reasons,
  onClose,
  onSubmit,
  pending,
  result,
}: {
  open: boolean;
  reasons: LeadDetailJson["rejectionReasons"];
  onClose: () => void;
  onSubmit: (reason: string, note?: string) => void;
  pending: boolean;
  result: LeadActionResult | null;
}) {
  const [reason, setReason] = useState("");
  const [note, setNote] = useState("");
  const needsNote = reasons.find((r) => r.code === reason)?.requiresNote ?? false;
  return (
    <FormDialog
      open={open}
      onClose={onClose}
      onSubmit={() => onSubmit(reason, note)}
      title={<>Reject this lead</>}
      description={<>It leaves your queue and goes back to marketing&apos;s nurture; the reason feeds the funnel&apos;s analytics.</>}
    >
      <RejectionReasonPicker name="reason" reasons={reasons} value={reason} onChange={setReason} result={result} />
      <div className="space-y-1.5">
        <Label htmlFor="reject-note">Note{needsNote ? " (required)" : ""}</Label>
        <textarea id="reject-note" value={note} onChange={(e) => setNote(e.target.value)} rows={2} className={textareaClass} />
        <FieldError result={result} field="note" />
      </div>
      <FormError result={result} />
      <DialogFormFooter onCancel={onClose} pending={pending} disabled={!reason} destructive icon={<ThumbsDown />}>
        Reject lead
      </DialogFormFooter>
    </FormDialog>
  );
}

function ReassignDialog({
  open,
  reps,
  onClose,
  onSubmit,
  pending,
  result,
}: {
  open: boolean;
  reps: LeadDetailJson["reps"];
  onClose: () => void;
  onSubmit: (toUserId: string, reason: string) => void;
  pending: boolean;
  result: LeadActionResult | null;
}) {
  const [to, setTo] = useState("");
  const [reason, setReason] = useState("");
  return (
    <FormDialog
      open={open}
      onClose={onClose}
      onSubmit={() => onSubmit(to, reason)}
      title={<>Reassign this lead</>}
      description={<>The new rep gets it in their queue and a notification; the reason is kept with the lead.</>}
    >
      <div className="space-y-1.5">
        <Label htmlFor="reassign-to">Give it to</Label>
        <NativeSelect id="reassign-to" value={to} onChange={(e) => setTo(e.target.value)}>
          <option value="">Choose a rep…</option>
          {reps.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name} ({r.role === "sdr" ? "SDR" : r.role === "sales" ? "Sales" : "Admin"})
            </option>
          ))}
        </NativeSelect>
        <FieldError result={result} field="toUserId" />
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="reassign-reason">Reason</Label>
        <Input id="reassign-reason" value={reason} onChange={(e) => setReason(e.target.value)} placeholder="e.g. Priya is out until Monday" />
        <FieldError result={result} field="reason" />
      </div>
      {result && !result.ok && result.code !== "invalid" ? <p className="text-sm text-destructive">{result.message}</p> : null}
      <DialogFormFooter onCancel={onClose} pending={pending} disabled={!to} icon={<UserRoundCog />}>
        Reassign
      </DialogFormFooter>
    </FormDialog>
  );
}

"use client";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import type { LeadActionResult } from "@/lib/leads/lead-actions";

/**
 * The pieces every lead-action dialog shares (the queue's and the pipeline's): the field messages
 * of a refused action, the managed rejection reasons, a note, and the dialog around the form
 * (its footer is components/ui/dialog-form-footer.tsx).
 */

export type RejectionReasonOption = { code: string; label: string; requiresNote: boolean };

export const textareaClass =
  "w-full rounded-md border border-input bg-card px-3 py-2 text-sm shadow-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring/40";

/** The message for one field of an action refused as invalid. */
export function FieldError({ result, field }: { result: LeadActionResult | null; field: string }) {
  const issue = result && !result.ok ? result.issues?.find((i) => i.path.join(".") === field) : undefined;
  return issue ? <p className="text-xs text-destructive">{issue.message}</p> : null;
}

/** A refusal the form's fields do not explain (e.g. no SDR to send it back to). */
export function FormError({ result }: { result: LeadActionResult | null }) {
  return result && !result.ok && result.code === "invalid" && !result.issues?.length ? <p className="text-sm text-destructive">{result.message}</p> : null;
}

/** The managed list of rejection reasons as radio buttons, two per row. */
export function RejectionReasonPicker({
  name,
  reasons,
  value,
  onChange,
  result,
}: {
  name: string;
  reasons: RejectionReasonOption[];
  value: string;
  onChange: (code: string) => void;
  result: LeadActionResult | null;
}) {
  return (
    <fieldset className="space-y-1.5">
      <legend className="text-sm font-medium">Reason</legend>
      <div className="grid grid-cols-2 gap-1.5">
        {reasons.map((r) => (
          <label key={r.code} className="flex cursor-pointer items-center gap-2 rounded-md border px-2.5 py-1.5 text-sm has-[:checked]:border-primary has-[:checked]:bg-primary/5">
            <input type="radio" name={name} value={r.code} checked={value === r.code} onChange={() => onChange(r.code)} className="accent-primary" />
            {r.label}
          </label>
        ))}
      </div>
      <FieldError result={result} field="reason" />
    </fieldset>
  );
}

/** A free-text note, marked required when the chosen reason asks for one. */
export function NoteField({
  id,
  label = "Note",
  value,
  onChange,
  required = false,
  placeholder,
  result,
}: {
  id: string;
  label?: string;
  value: string;
  onChange: (note: string) => void;
  required?: boolean;
  placeholder?: string;
  result: LeadActionResult | null;
}) {
  return (
    <div className="space-y-1.5">
      <Label htmlFor={id}>
        {label}
        {required ? " (required)" : ""}
      </Label>
      <textarea id={id} value={value} onChange={(e) => onChange(e.target.value)} rows={2} className={textareaClass} placeholder={placeholder} />
      <FieldError result={result} field="note" />
    </div>
  );
}

/** A dialog holding one form: its title, what it does, the fields, and a footer inside the form. */
export function FormDialog({
  open,
  onClose,
  onSubmit,
  title,
  description,
  className,
  children,
}: {
  open: boolean;
  onClose: () => void;
  onSubmit: () => void;
  title: React.ReactNode;
  description?: React.ReactNode;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <Dialog open={open} onOpenChange={(o) => !o && onClose()}>
      <DialogContent className={className}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            onSubmit();
          }}
          className="space-y-4"
        >
          <DialogHeader>
            <DialogTitle>{title}</DialogTitle>
            {description ? <DialogDescription>{description}</DialogDescription> : null}
          </DialogHeader>
          {children}
        </form>
      </DialogContent>
    </Dialog>
  );
}

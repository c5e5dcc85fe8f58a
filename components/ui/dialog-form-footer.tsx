"use client";
import { Loader2 } from "lucide-react";
import { Button } from "./button";
import { DialogClose, DialogFooter } from "./dialog";

/**
 * A form dialog's footer: Cancel (closing the dialog, or `onCancel` where the caller holds its
 * open state) and the submit button, which shows a spinner and stays disabled while `pending`.
 */
export function DialogFormFooter({
  onCancel,
  pending,
  disabled = false,
  destructive = false,
  icon,
  children,
}: {
  onCancel?: () => void;
  pending: boolean;
  disabled?: boolean;
  destructive?: boolean;
  icon?: React.ReactNode;
  children: React.ReactNode;
}) {
  const cancel = (
    <Button type="button" variant="outline" onClick={onCancel}>
      Cancel
    </Button>
  );
  return (
    <DialogFooter>
      {onCancel ? cancel : <DialogClose asChild>{cancel}</DialogClose>}
      <Button type="submit" variant={destructive ? "destructive" : "default"} disabled={pending || disabled}>
        {pending ? <Loader2 className="animate-spin" /> : icon} {children}
      </Button>
    </DialogFooter>
  );
}

"use client";
import { useState, useTransition } from "react";
import type { RoutingActionResult } from "@/lib/routing/admin-actions";
import type { FieldErrors } from "@/lib/routing/admin-schemas";

/**
 * Runs one routing settings action at a time and keeps what it answered: `pending` for the
 * button's spinner, `error` and `fieldErrors` to show next to the form. The page refreshes by
 * itself (the action revalidates it); `onDone` closes a dialog.
 */
export function useRoutingAction<F extends string = string>() {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors<F>>({});

  function run(action: () => Promise<RoutingActionResult<F>>, onDone?: (result: { id?: string }) => void) {
    setError(undefined);
    setFieldErrors({});
    start(async () => {
      try {
        const result = await action();
        if (result.ok) onDone?.(result);
        else {
          setError(result.error);
          setFieldErrors(result.fieldErrors ?? {});
        }
      } catch {
        setError("Something went wrong: nothing was saved. Try again.");
      }
    });
  }

  function reset() {
    setError(undefined);
    setFieldErrors({});
  }

  /** The form-wide message, unless it only says "check the fields" and the fields say why. */
  const formError = error && Object.keys(fieldErrors).length === 0 ? error : undefined;

  return { run, pending, error, formError, fieldErrors, reset };
}

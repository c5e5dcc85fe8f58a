"use client";
import { useState, useTransition } from "react";
import type { LeadActionResult } from "@/lib/leads/lead-actions";

/** Tells the page what came of an action: `done` is the sentence for a success. */
export type ReportOutcome = (result: LeadActionResult, done: string) => void;

/**
 * Runs one server action on a lead at a time. An `invalid` answer stays with the form that sent
 * it (its fields show the messages); anything else — done, or refused because someone got there
 * first — closes the form (`settle`) and goes to the page's notice.
 */
export function useLeadAction(report: ReportOutcome) {
  const [pending, start] = useTransition();
  const [last, setLast] = useState<LeadActionResult | null>(null);
  const run = (action: () => Promise<LeadActionResult>, done: string, settle?: () => void) =>
    start(async () => {
      const result = await action();
      setLast(result);
      if (result.ok || result.code !== "invalid") {
        settle?.();
        report(result, done);
      }
    });
  return { pending, last, run, reset: () => setLast(null) };
}

"use server";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/session";
import * as leads from "./lead-actions";
import type { LeadActionResult, LeadActor, ReassignManyResult } from "./lead-actions";
import type {
  AcceptInput,
  CloseLostInput,
  CloseWonInput,
  ConvertInput,
  LogActivityInput,
  QualifyInput,
  ReassignInput,
  ReassignManyInput,
  RejectInput,
  SalesAcceptInput,
  SalesRejectInput,
} from "./lead-schemas";

/**
 * The rep actions as server actions: read the signed-in user (signed out → the login page), let
 * lib/leads/lead-actions.ts authorize, validate and act, and refresh the pages that show leads.
 * Each returns the plain result of the action; nothing is thrown at the page.
 */

async function signedInActor(): Promise<LeadActor> {
  const user = await requirePermission();
  return { userId: user.id, role: user.role };
}

/** After a success, and after a conflict (someone else's change is news to this page too). */
function revalidateLead(result: LeadActionResult): void {
  const record = result.ok ? result.record : result.fresh;
  if (!record) return;
  revalidatePath("/queue");
  revalidatePath("/pipeline");
  revalidatePath("/team");
  revalidatePath(`/contacts/${record.contactId}`);
}

async function run<I>(action: (db: Awaited<ReturnType<typeof getDb>>, actor: LeadActor, input: I) => Promise<LeadActionResult>, input: I): Promise<LeadActionResult> {
  const actor = await signedInActor();
  const result = await action(await getDb(), actor, input);
  revalidateLead(result);
  return result;
}

export async function logActivityAction(input: LogActivityInput): Promise<LeadActionResult> {
  return run(leads.logActivity, input);
}

export async function acceptLeadAction(input: AcceptInput): Promise<LeadActionResult> {
  return run(leads.accept, input);
}

export async function qualifyLeadAction(input: QualifyInput): Promise<LeadActionResult> {
  return run(leads.qualify, input);
}

export async function rejectLeadAction(input: RejectInput): Promise<LeadActionResult> {
  return run(leads.reject, input);
}

export async function salesAcceptLeadAction(input: SalesAcceptInput): Promise<LeadActionResult> {
  return run(leads.salesAccept, input);
}

export async function salesRejectLeadAction(input: SalesRejectInput): Promise<LeadActionResult> {
  return run(leads.salesReject, input);
}

export async function convertToOpportunityAction(input: ConvertInput): Promise<LeadActionResult> {
  return run(leads.convertToOpportunity, input);
}

export async function closeWonAction(input: CloseWonInput): Promise<LeadActionResult> {
  return run(leads.closeWon, input);
}

export async function closeLostAction(input: CloseLostInput): Promise<LeadActionResult> {
  return run(leads.closeLost, input);
}

export async function reassignLeadAction(input: ReassignInput): Promise<LeadActionResult> {
  return run(leads.reassign, input);
}

export async function reassignLeadsAction(input: ReassignManyInput): Promise<ReassignManyResult> {
  const actor = await signedInActor();
  const result = await leads.reassignMany(await getDb(), actor, input);
  if (result.ok && result.reassigned > 0) {
    revalidatePath("/queue");
    revalidatePath("/pipeline");
    revalidatePath("/team");
  }
  return result;
}

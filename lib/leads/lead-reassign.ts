import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { mqlReassignments, users } from "../../db/schema";
import type { UserRole } from "../../db/schema/enums";
import { ROLE_LABELS } from "../auth/permissions";
import { requestNotificationEmails } from "../notifications/email-jobs";
import type { LeadActor } from "./lead-access";
import { notifyReassigned } from "./lead-notifications";
import { reassignManySchema, reassignSchema, type ReassignInput, type ReassignManyInput } from "./lead-schemas";
import { isOpen, STATUS_PHRASES } from "./lead-status";
import { fail, parseInput, refusePermission, runLeadAction, type LeadActionFailure, type LeadActionResult } from "./run-lead-action";

type Rep = { id: string; name: string; role: UserRole };

/** Who may hold a lead where: the queue is worked by SDRs and AEs, the pipeline by AEs. */
const HOLDER_ROLES = { assigned_rep: ["sdr", "sales"], sales_owner: ["sales"] } as const satisfies Record<string, readonly UserRole[]>;

async function findActiveRep(db: Database, userId: string): Promise<Rep | LeadActionFailure> {
  const [user] = await db.select({ id: users.id, name: users.name, role: users.role, deactivatedAt: users.deactivatedAt }).from(users).where(eq(users.id, userId));
  if (!user || user.deactivatedAt) return fail("invalid", "Choose an active rep.", { issues: [{ path: ["toUserId"], message: "Choose an active rep." }] });
  if (user.role !== "sdr" && user.role !== "sales") {
    return fail("invalid", `${user.name} is not a rep (${ROLE_LABELS[user.role]}).`, { issues: [{ path: ["toUserId"], message: "Choose an SDR or a sales rep." }] });
  }
  return { id: user.id, name: user.name, role: user.role };
}

const itemSchema = reassignSchema.omit({ toUserId: true, reason: true });

/**
 * Moves one open lead to another rep (admins): an MQL or SAL to another queue (SDR or AE), an
 * SQL or opportunity to another sales rep. A reassigned SQL waits for its new rep to take it; an
 * opportunity stays taken. Logged in mql_reassignments with who, from whom and why; no stage
 * changes, so no stage transition or webhook.
 */
async function reassignOne(db: Database, actor: LeadActor, item: unknown, rep: Rep, reason: string, now: Date): Promise<LeadActionResult> {
  return runLeadAction(db, actor, { schema: itemSchema, input: item, permission: "leads:reassign", what: "reassign leads", place: "either", at: now }, async ({ record, contact }) => {
    if (!isOpen(record.status)) return fail("illegal", `Only an open lead can be reassigned; this lead is ${STATUS_PHRASES[record.status]}.`);
    const field = record.status === "mql" || record.status === "sal" ? "assigned_rep" : "sales_owner";
    if (!(HOLDER_ROLES[field] as readonly UserRole[]).includes(rep.role)) {
      return fail("invalid", `${rep.name} is not a sales rep: an ${record.status === "sql" ? "SQL" : "opportunity"} goes to a sales rep.`, { issues: [{ path: ["toUserId"], message: "Choose a sales rep." }] });
    }
    const from = field === "assigned_rep" ? record.assignedRepId : record.salesOwnerId;
    if (from === rep.id) return fail("invalid", `This lead is already ${rep.name}'s.`, { issues: [{ path: ["toUserId"], message: "Choose someone else." }] });
    return {
      set:
        field === "assigned_rep"
          ? { assignedRepId: rep.id, assignedAt: now }
          : { salesOwnerId: rep.id, salesAcceptedAt: record.status === "sql" ? null : record.salesAcceptedAt },
      did: `reassigned it to ${rep.name}`,
      contactOwnerId: contact.ownerId === null || contact.ownerId === from ? rep.id : undefined,
      after: async (tx) => {
        await tx.insert(mqlReassignments).values({ mqlRecordId: record.id, field, fromUserId: from, toUserId: rep.id, reassignedById: actor.userId, reason, at: now });
        await notifyReassigned({ tx, userId: rep.id, mqlRecordId: record.id, contact, reason });
      },
      afterCommit: requestNotificationEmails,
    };
  });
}

/** One lead to another active rep (admins), with the reason. */
export async function reassign(db: Database, actor: LeadActor, input: ReassignInput, now = new Date()): Promise<LeadActionResult> {
  const denied = refusePermission(actor, "leads:reassign", "reassign leads");
  if (denied) return denied;
  const parsed = parseInput(reassignSchema, input);
  if (!parsed.ok) return parsed;
  const rep = await findActiveRep(db, parsed.data.toUserId);
  if ("ok" in rep) return rep;
  return reassignOne(db, actor, parsed.data, rep, parsed.data.reason, now);
}

export type ReassignManyResult =
  | { ok: true; results: { mqlRecordId: string; result: LeadActionResult }[]; reassigned: number; failed: number }
  | LeadActionFailure;

/**
 * Many leads to one rep (the manager view's bulk reassign). Each lead is its own transaction with
 * its own version check, so one that changed meanwhile comes back as a conflict and the others
 * still move; the results are in the order given.
 */
export async function reassignMany(db: Database, actor: LeadActor, input: ReassignManyInput, now = new Date()): Promise<ReassignManyResult> {
  const denied = refusePermission(actor, "leads:reassign", "reassign leads");
  if (denied) return denied;
  const parsed = parseInput(reassignManySchema, input);
  if (!parsed.ok) return parsed;
  const rep = await findActiveRep(db, parsed.data.toUserId);
  if ("ok" in rep) return rep;
  const results: { mqlRecordId: string; result: LeadActionResult }[] = [];
  for (const item of parsed.data.items) {
    results.push({ mqlRecordId: item.mqlRecordId, result: await reassignOne(db, actor, item, rep, parsed.data.reason, now) });
  }
  const reassigned = results.filter((r) => r.result.ok).length;
  return { ok: true, results, reassigned, failed: results.length - reassigned };
}

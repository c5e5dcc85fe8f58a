import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { createTestDatabase } from "@/db/test-database";
import { insertUser } from "@/db/test-fixtures";
import { reassignMany, type LeadActor } from "./lead-actions";
import { ACTION_NAMES, insertLead, leadFootprint, performAction, subscribeToAllWebhooks, type ActionName, type LeadState } from "./lead-test-fixtures";

/**
 * Who may do what to whose lead (PRODUCT.md §1), enforced by the actions themselves — not by
 * hiding buttons. Every cell is a real call on a lead in the state the action starts from; a ✗
 * must come back `forbidden` with the lead, its contact, timeline, transitions, webhooks and
 * notifications exactly as they were.
 */

type Person = "sdr1" | "sdr2" | "ae1" | "ae2" | "marketer" | "admin";
let handle: DatabaseHandle;
const people = {} as Record<Person, LeadActor>;
let spareSdrId: string;

/** Whose lead it is in each row: the queue's rep, and the sales rep it was handed to. */
type Row = { actor: Person; lead: { assignedRepId: Person; salesOwnerId: Person | null } };
const ROWS: Record<string, Row> = {
  "SDR, own lead": { actor: "sdr1", lead: { assignedRepId: "sdr1", salesOwnerId: "ae1" } },
  "SDR, another SDR's lead by id": { actor: "sdr1", lead: { assignedRepId: "sdr2", salesOwnerId: "ae2" } },
  "sales, lead handed to them": { actor: "ae1", lead: { assignedRepId: "sdr1", salesOwnerId: "ae1" } },
  "sales, lead routed to them as AE": { actor: "ae1", lead: { assignedRepId: "ae1", salesOwnerId: null } },
  "sales, another rep's lead by id": { actor: "ae1", lead: { assignedRepId: "sdr2", salesOwnerId: "ae2" } },
  marketer: { actor: "marketer", lead: { assignedRepId: "sdr1", salesOwnerId: "ae1" } },
  admin: { actor: "admin", lead: { assignedRepId: "sdr1", salesOwnerId: "ae1" } },
};

// The matrix. Columns: the actions, each tried on a lead in the state it starts from.
const COLUMNS = [...ACTION_NAMES, "reassignMany"] as const;
type Column = (typeof COLUMNS)[number];
//                                          logActivity accept qualify reject salesAccept salesReject convert closeWon closeLost reassign reassignMany
const MATRIX: Record<keyof typeof ROWS, string> = {
  "SDR, own lead": /*                   */ "✓           ✓      ✓       ✓      ✗           ✗           ✗       ✗        ✗         ✗        ✗",
  "SDR, another SDR's lead by id": /*   */ "✗           ✗      ✗       ✗      ✗           ✗           ✗       ✗        ✗         ✗        ✗",
  "sales, lead handed to them": /*      */ "✓           ✗      ✗       ✗      ✓           ✓           ✓       ✓        ✓         ✗        ✗",
  "sales, lead routed to them as AE": /**/ "✓           ✓      ✓       ✓      ✗           ✗           ✗       ✗        ✗         ✗        ✗",
  "sales, another rep's lead by id": /* */ "✗           ✗      ✗       ✗      ✗           ✗           ✗       ✗        ✗         ✗        ✗",
  marketer: /*                          */ "✗           ✗      ✗       ✗      ✗           ✗           ✗       ✗        ✗         ✗        ✗",
  admin: /*                             */ "✓           ✓      ✓       ✓      ✓           ✓           ✓       ✓        ✓         ✓        ✓",
};

/** The state each action starts from. */
const STARTS_FROM: Record<Column, LeadState> = {
  logActivity: "mql",
  accept: "mql",
  qualify: "sal",
  reject: "mql",
  salesAccept: "sql_pending",
  salesReject: "sql_pending",
  convertToOpportunity: "sql_taken",
  closeWon: "opportunity",
  closeLost: "opportunity",
  reassign: "mql",
  reassignMany: "mql",
};

beforeAll(async () => {
  handle = await createTestDatabase();
  for (const [key, role] of [["sdr1", "sdr"], ["sdr2", "sdr"], ["ae1", "sales"], ["ae2", "sales"], ["marketer", "marketer"], ["admin", "admin"]] as const) {
    const user = await insertUser(handle.db, { role, name: key });
    people[key] = { userId: user.id, role };
  }
  // A spare SDR to reassign to, so the reassignment itself is always a legal one.
  const spare = await insertUser(handle.db, { role: "sdr", name: "spare" });
  spareSdrId = spare.id;
  await subscribeToAllWebhooks(handle.db);
});
afterAll(() => handle.close());

it("the matrix has a cell for every row and action", () => {
  for (const cells of Object.values(MATRIX)) expect(cells.split(/\s+/)).toHaveLength(COLUMNS.length);
});

describe("role × action", () => {
  for (const [rowName, row] of Object.entries(ROWS)) {
    const cells = MATRIX[rowName]!.split(/\s+/);
    COLUMNS.forEach((action, i) => {
      const allowed = cells[i] === "✓";
      it(`${rowName} · ${action}: ${allowed ? "allowed" : "refused"}`, async () => {
        const lead = await insertLead(handle.db, {
          state: STARTS_FROM[action],
          assignedRepId: people[row.lead.assignedRepId].userId,
          salesOwnerId: row.lead.salesOwnerId ? people[row.lead.salesOwnerId].userId : null,
        });
        const before = await leadFootprint(handle.db, lead);
        const actor = people[row.actor];
        const result =
          action === "reassignMany"
            ? await reassignMany(handle.db, actor, { items: [{ mqlRecordId: lead.record.id, expectedVersion: 0 }], toUserId: spareSdrId, reason: "Rebalancing" })
            : await performAction(handle.db, action as ActionName, actor, lead.record, { salesOwnerId: people.ae1.userId, reassignTo: spareSdrId });

        if (allowed) {
          expect(result.ok, result.ok ? "" : result.message).toBe(true);
          if (result.ok && "results" in result) expect(result.results[0]!.result.ok).toBe(true);
          const after = await leadFootprint(handle.db, lead);
          expect(after.record!.version).toBe(1);
        } else {
          expect(result).toMatchObject({ ok: false, code: "forbidden" });
          expect(result).not.toHaveProperty("fresh");
          expect(await leadFootprint(handle.db, lead)).toEqual(before);
        }
      });
    });
  }
});

import type { LifecycleStage } from "../../db/schema/enums";

/**
 * The lifecycle state machine (PRODUCT.md §4):
 *
 *   lead ─► mql ─► sal ─► sql ─► opportunity ─► customer
 *            │      │      │          └──────► lost
 *            └──────┴──────┴──► recycled (nurture) ─► may qualify again as mql
 *
 * Forward jumps along the main path are legal (a CRM may report mql → customer); the stages
 * jumped over count as passed. Going backwards is refused. `rejected` is what a rep does to an
 * MQL: it stamps the record and sends the contact to `recycled`. The one backward move is a
 * sales rep returning a handed-over SQL to its SDR (`planReturnToSdr`), made only in Handoff.
 */
export const MAIN_PATH = ["lead", "mql", "sal", "sql", "opportunity", "customer"] as const satisfies readonly LifecycleStage[];

export const STAGE_CHANGE_TARGETS = ["mql", "sal", "sql", "opportunity", "customer", "lost", "rejected", "recycled"] as const;
export type StageChangeTarget = (typeof STAGE_CHANGE_TARGETS)[number];

export type TransitionPlan =
  | {
      ok: true;
      kind: "advance" | "requalify" | "reject" | "recycle" | "lose" | "return" | "unchanged";
      /** The contact's stage afterwards. */
      toStage: LifecycleStage;
      /** Main-path stages passed on the way (for a jump, the skipped ones too), in order. */
      passed: LifecycleStage[];
      /** Whether the change opens a new MQL record (first qualification or a requalification). */
      opensRecord: boolean;
    }
  | { ok: false; message: string };

const LABEL: Record<string, string> = {
  lead: "lead",
  mql: "MQL",
  sal: "SAL",
  sql: "SQL",
  opportunity: "opportunity",
  customer: "customer",
  lost: "lost",
  recycled: "recycled",
  rejected: "rejected",
};

const indexOnPath = (s: LifecycleStage) => (MAIN_PATH as readonly string[]).indexOf(s);
/** Stages in which a lead is with sales or SDRs and can be rejected or recycled. */
const IN_HANDOFF: LifecycleStage[] = ["mql", "sal", "sql"];

function refuse(from: LifecycleStage, to: StageChangeTarget, why: string): TransitionPlan {
  return { ok: false, message: `Cannot move a contact from ${LABEL[from]} to ${LABEL[to]}: ${why}` };
}

export function planTransition(from: LifecycleStage, to: StageChangeTarget): TransitionPlan {
  if (to === "rejected") {
    if (!IN_HANDOFF.includes(from)) return refuse(from, to, "only an MQL, SAL or SQL can be rejected.");
    return { ok: true, kind: "reject", toStage: "recycled", passed: [], opensRecord: false };
  }
  if (to === "recycled") {
    if (from === "recycled") return { ok: true, kind: "unchanged", toStage: from, passed: [], opensRecord: false };
    if (![...IN_HANDOFF, "lost", "lead"].includes(from)) return refuse(from, to, `a ${LABEL[from]} is not recycled to nurture.`);
    return { ok: true, kind: "recycle", toStage: "recycled", passed: [], opensRecord: false };
  }
  if (to === "lost") {
    if (from === "lost") return { ok: true, kind: "unchanged", toStage: from, passed: [], opensRecord: false };
    if (from !== "sql" && from !== "opportunity") return refuse(from, to, "only an SQL or an opportunity can be lost.");
    return { ok: true, kind: "lose", toStage: "lost", passed: [], opensRecord: false };
  }
  if (from === to) return { ok: true, kind: "unchanged", toStage: from, passed: [], opensRecord: false };

  const target = indexOnPath(to);
  if (from === "recycled" || from === "lost") {
    // Back in the funnel: a new qualification, possibly reported further along already.
    return { ok: true, kind: "requalify", toStage: to, passed: MAIN_PATH.slice(1, target + 1), opensRecord: true };
  }
  const current = indexOnPath(from);
  if (from === "customer") return refuse(from, to, "the contact is already a customer.");
  if (target < current) return refuse(from, to, `that would go backwards (the contact is ${LABEL[from]}).`);
  return {
    ok: true,
    kind: "advance",
    toStage: to,
    passed: MAIN_PATH.slice(current + 1, target + 1),
    opensRecord: from === "lead",
  };
}

/**
 * Sales turned a handed-over SQL down as not ready yet: it goes back to the SDR's queue as a SAL.
 * Not a stage-change target, because no CRM reports it: everywhere else going backwards is refused.
 */
export function planReturnToSdr(from: LifecycleStage): TransitionPlan {
  if (from !== "sql") {
    return { ok: false, message: `Cannot return a contact from ${LABEL[from]} to its SDR: only an SQL handed to sales goes back.` };
  }
  return { ok: true, kind: "return", toStage: "sal", passed: [], opensRecord: false };
}

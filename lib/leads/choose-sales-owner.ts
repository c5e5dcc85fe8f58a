import "server-only";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { accounts, mqlRecords, territoryMembers, userAvailability, users } from "../../db/schema";
import { repUnavailableBecause } from "../routing/choose-assignee";

/** A sales rep an SQL could be handed to, with what the choice weighs. */
export type SalesCandidate = {
  id: string;
  name: string;
  deactivated: boolean;
  isAvailable: boolean;
  unavailableUntil: Date | null;
  /** SQLs and opportunities they hold now. */
  openPipeline: number;
  /** Their latest handover, for a fair rotation among equals. */
  lastHandoverAt: Date | null;
  /** In a territory with the SDR who qualified the lead: the team they work with. */
  sharesTerritory: boolean;
};

export type SalesOwnerChoice = { repId: string | null; repName: string | null; reason: string };

/**
 * Who receives an SQL when the SDR names nobody (PRODUCT.md §6, kept deliberately simple):
 *
 *   1. the account's owner, when they are an active sales rep (the account is theirs);
 *   2. otherwise an available sales rep, preferring the SDR's own territories, with the fewest
 *      open SQLs and opportunities, then the one whose last handover is oldest, then by id;
 *   3. otherwise nobody: the SQL waits unassigned until an admin reassigns it.
 *
 * Pure: the caller loads the candidates (and holds the routing lock while it writes).
 */
export function chooseSalesOwner(input: { accountOwner: SalesCandidate | null; candidates: SalesCandidate[]; now: Date }): SalesOwnerChoice {
  const { accountOwner, candidates, now } = input;
  if (accountOwner && !accountOwner.deactivated) return { repId: accountOwner.id, repName: accountOwner.name, reason: `${accountOwner.name} owns the account` };
  const available = candidates.filter(
    (c) => repUnavailableBecause({ ...c, maxOpenMqls: null, openMqls: 0 }, now) === null,
  );
  if (available.length === 0) return { repId: null, repName: null, reason: "no sales rep is available; an admin assigns it" };
  const team = available.filter((c) => c.sharesTerritory);
  const pool = team.length > 0 ? team : available;
  const [chosen] = [...pool].sort(
    (a, b) =>
      a.openPipeline - b.openPipeline ||
      (a.lastHandoverAt?.getTime() ?? 0) - (b.lastHandoverAt?.getTime() ?? 0) ||
      a.id.localeCompare(b.id),
  );
  const where = team.length > 0 ? "in the SDR's territory " : "";
  return { repId: chosen!.id, repName: chosen!.name, reason: `${chosen!.name}: the available sales rep ${where}with the lightest pipeline (${chosen!.openPipeline} open)` };
}

/**
 * Loads the candidates for `chooseSalesOwner` inside `tx`, after taking the routing lock so two
 * SDRs qualifying at once do not both hand to the same "least loaded" rep.
 */
export async function pickSalesOwner(tx: Database, { accountId, sdrId, now }: { accountId: string | null; sdrId: string | null; now: Date }): Promise<SalesOwnerChoice> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('handoff:routing'))`);
  const [reps, owner, territoriesOfSdr] = await Promise.all([
    tx
      .select({
        id: users.id,
        name: users.name,
        deactivatedAt: users.deactivatedAt,
        isAvailable: userAvailability.isAvailable,
        unavailableUntil: userAvailability.unavailableUntil,
        openPipeline: sql<number>`(select count(*)::int from ${mqlRecords} m where m.sales_owner_id = ${users.id} and m.status in ('sql', 'opportunity'))`,
        lastHandoverAt: sql<string | null>`(select max(m.sql_at) from ${mqlRecords} m where m.sales_owner_id = ${users.id})`,
      })
      .from(users)
      .leftJoin(userAvailability, eq(userAvailability.userId, users.id))
      .where(and(eq(users.role, "sales"), isNull(users.deactivatedAt))),
    accountId
      ? tx
          .select({ ownerId: accounts.ownerId })
          .from(accounts)
          .where(eq(accounts.id, accountId))
          .then((rows) => rows[0]?.ownerId ?? null)
      : Promise.resolve(null),
    sdrId ? tx.select({ territoryId: territoryMembers.territoryId }).from(territoryMembers).where(eq(territoryMembers.userId, sdrId)) : Promise.resolve([]),
  ]);
  const teamIds = territoriesOfSdr.length
    ? new Set(
        (
          await tx
            .select({ userId: territoryMembers.userId })
            .from(territoryMembers)
            .where(inArray(territoryMembers.territoryId, territoriesOfSdr.map((t) => t.territoryId)))
        ).map((m) => m.userId),
      )
    : new Set<string>();
  const candidates: SalesCandidate[] = reps.map((r) => ({
    id: r.id,
    name: r.name,
    deactivated: r.deactivatedAt !== null,
    isAvailable: r.isAvailable ?? true,
    unavailableUntil: r.unavailableUntil,
    openPipeline: Number(r.openPipeline),
    lastHandoverAt: r.lastHandoverAt ? new Date(r.lastHandoverAt) : null,
    sharesTerritory: teamIds.has(r.id),
  }));
  // `reps` holds active sales reps only, so an owner found there is one.
  const accountOwner = owner ? (candidates.find((c) => c.id === owner) ?? null) : null;
  return chooseSalesOwner({ accountOwner, candidates, now });
}

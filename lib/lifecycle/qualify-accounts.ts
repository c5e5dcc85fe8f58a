import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Database } from "../../db/client";
import { notifyAll } from "../notifications/notify";
import { qualifyAccountsSql } from "../scoring/mqa/qualify-accounts-sql";
import type { ScoringModel } from "../scoring/published-model";

export type AccountQualification = {
  /** Accounts whose stored score changed. */
  rescored: number;
  /** MQA records opened, with the account owner they went to (null: the account has no active owner). */
  opened: { id: string; accountId: string; name: string; repId: string | null; score: number }[];
  /** Open MQA records closed because the account fell well below the threshold. */
  closed: number;
};

export type AccountScope = { accountIds: string[] } | { contactIds: string[] } | "all";

/**
 * Rescores accounts from their contacts' stored scores and applies the MQA rule (PRODUCT.md §7),
 * in one statement: stores each account's score, closes the open MQAs of accounts that fell
 * `MQA_CLOSE_MARGIN` below the threshold, and opens an MQA — with the score's parts and the model
 * version — for each account at or over the threshold without one, routed to the account's owner,
 * who gets a notification. The partial unique index keeps one open MQA per account under races.
 */
export async function qualifyAccounts(
  db: Database,
  { model, at, scope, scoresFrom }: { model: ScoringModel; at: Date; scope: AccountScope; /** A table of the accounts' scores already computed (`accountScoresSql`'s rows); only with scope "all". */ scoresFrom?: string },
): Promise<AccountQualification> {
  if (scoresFrom && scope !== "all") throw new Error("Precomputed account scores apply to every account");
  let accountIds: string[] | undefined;
  if (scope !== "all" && "contactIds" in scope) {
    if (scope.contactIds.length === 0) return { rescored: 0, opened: [], closed: 0 };
    accountIds = rowsOf<{ account_id: string }>(
      await db.execute(sql`
        select distinct account_id from contacts
        where id in (select jsonb_array_elements_text(${JSON.stringify(scope.contactIds)}::jsonb)::uuid) and account_id is not null`),
    ).map((r) => r.account_id);
  } else if (scope !== "all") accountIds = scope.accountIds;
  if (accountIds && accountIds.length === 0) return { rescored: 0, opened: [], closed: 0 };

  const { threshold } = model.definition.mqa;
  return db.transaction(async (tx) => {
    // Every account at once ranks every contact: sort it in memory rather than on disk.
    if (scope === "all") await tx.execute(sql`set local work_mem = '256MB'`);
    const [row] = rowsOf<{ rescored: number | string; closed: number | string; opened: AccountQualification["opened"] }>(
      await tx.execute(qualifyAccountsSql({ model, at, accountIds, scoresFrom: scoresFrom ? sql.raw(scoresFrom) : undefined })),
    );
    const opened = row!.opened;
    // One insert for every owner's notification: a publish can qualify thousands of accounts.
    await notifyAll(
      tx,
      opened.flatMap((mqa) =>
        mqa.repId
          ? [
              {
                userId: mqa.repId,
                kind: "mqa.assigned",
                title: `Account qualified: ${mqa.name}`,
                body: `Account score ${Math.round(mqa.score)} (MQA from ${threshold}): the buying committee is engaging.`,
                href: `/accounts/${mqa.accountId}`,
              },
            ]
          : [],
      ),
    );
    return { rescored: Number(row!.rescored), closed: Number(row!.closed), opened };
  });
}

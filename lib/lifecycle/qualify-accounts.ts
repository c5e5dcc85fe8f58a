import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Database } from "../../db/client";
import { notify } from "../notifications/notify";
import { MQA_CLOSE_MARGIN } from "../scoring/mqa/account-score";
import { accountScoresSql } from "../scoring/mqa/account-score-sql";
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
export async function qualifyAccounts(db: Database, { model, at, scope }: { model: ScoringModel; at: Date; scope: AccountScope }): Promise<AccountQualification> {
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
    const [row] = rowsOf<{ rescored: number | string; closed: number | string; opened: AccountQualification["opened"] }>(
      await tx.execute(sql`
        with s as (${accountScoresSql(model.definition, accountIds)}),
        stored as (
          update accounts a set account_score = round(s.score)::int
          from s where a.id = s.account_id and a.account_score is distinct from round(s.score)::int
          returning a.id
        ),
        closed as (
          update mqa_records r set closed_at = ${at.toISOString()}::timestamptz
          from s where r.account_id = s.account_id and r.closed_at is null and s.score < ${threshold - MQA_CLOSE_MARGIN}::float8
          returning r.id
        ),
        opened as (
          insert into mqa_records (account_id, mqa_at, account_score, components, model_version_id, assigned_rep_id)
          select s.account_id, ${at.toISOString()}::timestamptz, s.score,
            jsonb_build_object('fit', round(s.fit::numeric, 1), 'engagement', round(s.engagement::numeric, 1), 'coverage', round(s.coverage::numeric, 1)),
            ${model.id}::uuid, u.id
          from s join accounts a on a.id = s.account_id
          left join users u on u.id = a.owner_id and u.deactivated_at is null
          where s.score >= ${threshold}::float8
            and not exists (select 1 from mqa_records r where r.account_id = s.account_id and r.closed_at is null)
          on conflict (account_id) where closed_at is null do nothing
          returning id, account_id, assigned_rep_id, account_score
        )
        select (select count(*) from stored) as rescored, (select count(*) from closed) as closed,
          coalesce((select json_agg(json_build_object('id', o.id, 'accountId', o.account_id, 'name', a.name, 'repId', o.assigned_rep_id, 'score', o.account_score))
            from opened o join accounts a on a.id = o.account_id), '[]'::json) as opened`),
    );
    const opened = row!.opened;
    for (const mqa of opened) {
      if (!mqa.repId) continue;
      await notify(tx, {
        userId: mqa.repId,
        kind: "mqa.assigned",
        title: `Account qualified: ${mqa.name}`,
        body: `Account score ${Math.round(mqa.score)} (MQA from ${threshold}): the buying committee is engaging.`,
        href: `/accounts/${mqa.accountId}`,
      });
    }
    return { rescored: Number(row!.rescored), closed: Number(row!.closed), opened };
  });
}

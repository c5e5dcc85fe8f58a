import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf, type DatabaseHandle } from "@/db/client";
import { accounts, accountScores, mqaRecords, notifications, users } from "@/db/schema";
import { createTestDatabase } from "@/db/test-database";
import { insertAccount, insertContact, insertUser } from "@/db/test-fixtures";
import { DEFAULT_MODEL } from "../scoring/default-model";
import { computeAccountScore } from "../scoring/mqa/account-score";
import { accountScoresSql } from "../scoring/mqa/account-score-sql";
import { loadPublishedModel, type ScoringModel } from "../scoring/published-model";
import { qualifyAccounts } from "./qualify-accounts";

let handle: DatabaseHandle;
let model: ScoringModel;

beforeAll(async () => {
  handle = await createTestDatabase();
  model = await loadPublishedModel(handle.db);
});
afterAll(() => handle.close());

/** An account with contacts of the given engagement and function. */
async function account(name: string, values: { industry?: string; employees?: number; technologies?: string[]; ownerId?: string }, committee: [number, string | null][]) {
  const a = await insertAccount(handle.db, { name, industry: values.industry, employees: values.employees });
  await handle.db.update(accounts).set({ ownerId: values.ownerId, technologies: values.technologies ?? [] }).where(eq(accounts.id, a.id));
  for (const [i, [engagementScore, jobFunction]] of committee.entries()) {
    await insertContact(handle.db, { email: `p${i}@${a.domain}`, accountId: a.id, jobFunction, engagementScore });
  }
  return a;
}

describe("account scores in SQL", () => {
  it("agree with the reference for every account", async () => {
    const shapes: [string, { industry?: string; employees?: number; technologies?: string[] }, [number, string | null][]][] = [
      ["Alpha", { industry: "Software", employees: 900, technologies: ["HubSpot", "Slack"] }, [[80, "marketing"], [40, "sales"], [20, "marketing"], [5, "it"]]],
      ["Beta", { industry: "Healthcare", employees: 120 }, [[12.5, "Finance"], [9.99, "sales"]]],
      ["Gamma", { employees: 3 }, []],
      ["Delta", { industry: "Retail", employees: 40000 }, [[100, null], [100, ""], [60, "it"], [55, "engineering"], [50, "legal"]]],
    ];
    for (const [name, values, committee] of shapes) await account(name, values, committee);
    const rows = rowsOf<{ account_id: string; fit: number; engagement: number; coverage: number; score: number }>(
      await handle.db.execute(accountScoresSql(DEFAULT_MODEL)),
    );
    const byName = new Map((await handle.db.select({ id: accounts.id, name: accounts.name }).from(accounts)).map((a) => [a.id, a.name]));
    expect(rows).toHaveLength(shapes.length);
    for (const row of rows) {
      const [, values, committee] = shapes.find(([name]) => name === byName.get(row.account_id))!;
      const expected = computeAccountScore(values, committee.map(([engagement, jobFunction]) => ({ engagement, jobFunction })), DEFAULT_MODEL.fitRules, DEFAULT_MODEL.mqa);
      expect(Number(row.fit)).toBeCloseTo(expected.fit, 6);
      expect(Number(row.engagement)).toBeCloseTo(expected.engagement, 6);
      expect(Number(row.coverage)).toBeCloseTo(expected.coverage, 6);
      expect(Number(row.score)).toBeCloseTo(expected.score, 6);
    }
    await handle.db.execute(sql`truncate accounts cascade`);
  });
});

describe("qualifying accounts", () => {
  it("opens one MQA for an account over the threshold, routed to its owner, and closes it when it cools", async () => {
    const owner = await insertUser(handle.db, { role: "sales", name: "Ana Costa" });
    const hot = await account("Northwind", { industry: "Software", employees: 900, technologies: ["Salesforce"], ownerId: owner.id }, [[80, "marketing"], [40, "sales"], [20, "marketing"]]);
    const cold = await account("Quiet Co", { industry: "Software", employees: 900 }, [[5, "marketing"]]);
    const at = new Date("2026-11-02T10:00:00Z");

    const first = await qualifyAccounts(handle.db, { model, at, scope: "all" });
    expect(first.opened).toHaveLength(1);
    expect(first.opened[0]).toMatchObject({ accountId: hot.id, repId: owner.id, name: "Northwind" });
    const [record] = await handle.db.select().from(mqaRecords).where(eq(mqaRecords.accountId, hot.id));
    expect(record).toMatchObject({ assignedRepId: owner.id, modelVersionId: model.id, closedAt: null, mqaAt: at });
    expect(record!.accountScore).toBeCloseTo(72, 4); // 0.4·100 + 0.4·(140/3) + 0.2·(200/3)
    expect(record!.components).toEqual({ fit: 100, engagement: 46.7, coverage: 66.7 });
    const [stored] = await handle.db.select({ score: accountScores.score }).from(accountScores).where(eq(accountScores.accountId, hot.id));
    expect(stored!.score).toBe(72);
    const [bell] = await handle.db.select().from(notifications).where(eq(notifications.userId, owner.id));
    expect(bell).toMatchObject({ kind: "mqa.assigned", title: "Account qualified: Northwind", href: `/accounts/${hot.id}` });

    // Again, and scoped to the account's contacts: nothing new.
    expect((await qualifyAccounts(handle.db, { model, at, scope: "all" })).opened).toHaveLength(0);
    expect((await qualifyAccounts(handle.db, { model, at, scope: { accountIds: [hot.id, cold.id] } })).opened).toHaveLength(0);

    // Cooling a little (score 65 < 72 but over 60 − 10) keeps it open; cooling a lot closes it.
    await handle.db.execute(sql`update contact_scores set engagement_score = 10 where contact_id in (select id from contacts where account_id = ${hot.id})`);
    const cooled = await qualifyAccounts(handle.db, { model, at: new Date("2026-11-20T10:00:00Z"), scope: { accountIds: [hot.id] } });
    expect(cooled.closed).toBe(0); // 40 + 4 + 13.3 = 57.3: still within the margin
    await handle.db.execute(sql`update contact_scores set engagement_score = 0 where contact_id in (select id from contacts where account_id = ${hot.id})`);
    const closed = await qualifyAccounts(handle.db, { model, at: new Date("2026-12-01T10:00:00Z"), scope: { accountIds: [hot.id] } });
    expect(closed.closed).toBe(1); // 40 < 50
    expect((await handle.db.select().from(mqaRecords).where(eq(mqaRecords.accountId, hot.id)))[0]!.closedAt).toEqual(new Date("2026-12-01T10:00:00Z"));
  });

  it("leaves an MQA unassigned when the owner is gone, scoped through the contacts that changed", async () => {
    const gone = await insertUser(handle.db, { role: "sales" });
    await handle.db.update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, gone.id));
    const a = await account("Orphan Inc", { industry: "Software", employees: 900, technologies: ["Salesforce"], ownerId: gone.id }, [[90, "marketing"], [90, "sales"], [90, "it"]]);
    const [contact] = rowsOf<{ id: string }>(await handle.db.execute(sql`select id from contacts where account_id = ${a.id} limit 1`));
    const result = await qualifyAccounts(handle.db, { model, at: new Date(), scope: { contactIds: [contact!.id] } });
    expect(result.opened).toEqual([expect.objectContaining({ accountId: a.id, repId: null })]);
  });
});

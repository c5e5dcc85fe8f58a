import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf, type DatabaseHandle } from "@/db/client";
import { accounts, accountScores, mqaRecords } from "@/db/schema";
import { createTestDatabase } from "@/db/test-database";
import { insertAccount, insertContact } from "@/db/test-fixtures";
import { qualifyAccounts } from "../../lifecycle/qualify-accounts";
import { DEFAULT_MODEL } from "../default-model";
import { loadPublishedModel } from "../published-model";
import { accountFitPointsSql } from "../sql/fit-sql";
import { accountScoresSql, engagedFunctionSql } from "./account-score-sql";

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

type Row = { account_id: string; fit: number; engagement: number; coverage: number; score: number };
const byAccount = (rows: Row[]) => [...rows].sort((a, b) => a.account_id.localeCompare(b.account_id)).map((r) => ({ ...r, fit: Number(r.fit), engagement: Number(r.engagement), coverage: Number(r.coverage), score: Number(r.score) }));

describe("account scores from a scoring run's tables", () => {
  it("equal those read from the stored contact scores, and qualify the same accounts", async () => {
    const shapes: [string, { industry?: string; employees?: number; technologies?: string[] }, [number, string | null][]][] = [
      ["Northwind", { industry: "Software", employees: 900, technologies: ["Salesforce"] }, [[80.3, "marketing"], [40.7, "sales"], [20.1, "marketing"], [5, "it"]]],
      ["Beta", { industry: "Healthcare", employees: 120 }, [[12.5, "Finance"], [9.99, "sales"]]],
      ["Gamma", { employees: 3 }, []],
      ["Delta", { industry: "Retail", employees: 40000, technologies: ["HubSpot"] }, [[100, null], [100, ""], [60, "it"], [55, "engineering"], [50, "legal"]]],
    ];
    for (const [name, values, committee] of shapes) {
      const a = await insertAccount(handle.db, { name, industry: values.industry, employees: values.employees });
      await handle.db.update(accounts).set({ technologies: values.technologies ?? [] }).where(eq(accounts.id, a.id));
      for (const [i, [engagementScore, jobFunction]] of committee.entries()) {
        await insertContact(handle.db, { email: `p${i}@${a.domain}`, accountId: a.id, jobFunction, engagementScore });
      }
    }
    // What a scoring run writes beside its new scores, for every contact with an account.
    const engagedContactsFrom = sql`(
      select c.account_id, cs.engagement_score::float8 as engagement, ${engagedFunctionSql(sql`c.job_function`)} as job_function
      from contacts c join contact_scores cs on cs.contact_id = c.id where c.account_id is not null)`;
    const accountFitFrom = sql`(${accountFitPointsSql(DEFAULT_MODEL.fitRules)})`;
    const stored = rowsOf<Row>(await handle.db.execute(accountScoresSql(DEFAULT_MODEL)));
    const fromRun = rowsOf<Row>(await handle.db.execute(accountScoresSql(DEFAULT_MODEL, undefined, { engagedContactsFrom, accountFitFrom })));
    expect(fromRun).toHaveLength(shapes.length);
    expect(byAccount(fromRun)).toEqual(byAccount(stored));

    const model = await loadPublishedModel(handle.db);
    await handle.db.execute(sql.raw(`drop table if exists precomputed_account_scores`));
    await handle.db.execute(sql`create unlogged table precomputed_account_scores as ${accountScoresSql(model.definition, undefined, { engagedContactsFrom, accountFitFrom })}`);
    const at = new Date("2026-11-02T10:00:00Z");
    const result = await qualifyAccounts(handle.db, { model, at, scope: "all", scoresFrom: "precomputed_account_scores" });
    const northwind = (await handle.db.select().from(accounts).where(eq(accounts.name, "Northwind")))[0]!;
    const over = stored.filter((r) => Number(r.score) >= model.definition.mqa.threshold).map((r) => r.account_id);
    expect(over).toContain(northwind.id);
    expect(result.opened.map((o) => o.accountId).sort()).toEqual(over.sort());
    expect(result.rescored).toBe(shapes.length);
    const [record] = await handle.db.select().from(mqaRecords).where(eq(mqaRecords.accountId, northwind.id));
    expect(record).toMatchObject({ modelVersionId: model.id, closedAt: null, mqaAt: at });
    // Stored scores match what the inline statement would store: nothing changes when it runs.
    const inline = await qualifyAccounts(handle.db, { model, at, scope: "all" });
    expect(inline).toMatchObject({ rescored: 0, closed: 0, opened: [] });
    expect(await handle.db.select().from(accountScores)).toHaveLength(shapes.length);
    await expect(qualifyAccounts(handle.db, { model, at, scope: { accountIds: [northwind.id] }, scoresFrom: "precomputed_account_scores" })).rejects.toThrow();
    await handle.db.execute(sql.raw(`drop table precomputed_account_scores`));
  });
});

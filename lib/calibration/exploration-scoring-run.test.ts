import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { saveExplorationSettings } from "@/db/queries/exploration-settings";
import { mqlRecords, scoringModelVersions, scoringRuns } from "@/db/schema";
import { createTestDatabase } from "@/db/test-database";
import { insertContact, insertEvents } from "@/db/test-fixtures";
import { executeScoringRun } from "../scoring/scoring-run";
import { pickedForExploration } from "./exploration";
import { EXPLORATION_TEST_MODEL } from "./exploration-test-model";

// A full scoring run draws the exploration sample the way ingest rescoring does.
const DEFINITION = EXPLORATION_TEST_MODEL;

let handle: DatabaseHandle;
const nearMisses: string[] = [];

beforeAll(async () => {
  handle = await createTestDatabase();
  for (let i = 0; i < 200; i++) nearMisses.push((await insertContact(handle.db, { email: `run${i}@explore.test`, region: "EMEA" })).id);
  await insertEvents(handle.db, nearMisses.map((contactId) => ({ contactId, type: "page_view", occurredAt: new Date(Date.now() - 3_600_000), properties: {} })));
});
afterAll(() => handle.close());

describe("the exploration sample in a scoring run", () => {
  it("opens exploration records for exactly the near misses the draw picks", async () => {
    const settings = await saveExplorationSettings(handle.db, { share: 0.15, bandPoints: 10 });
    const [model] = await handle.db.insert(scoringModelVersions).values({ version: 50, name: "explore", status: "published", definition: DEFINITION, publishedAt: new Date(Date.now() + 60_000) }).returning();
    const [created] = await handle.db.insert(scoringRuns).values({ modelVersionId: model!.id, reason: "publish" }).returning();
    const run = await executeScoringRun(handle.db, created!.id);
    expect(run.status).toBe("completed");
    const records = await handle.db.select().from(mqlRecords).where(inArray(mqlRecords.contactId, nearMisses));
    const expected = nearMisses.filter((contactId) => pickedForExploration({ contactId, fit: 60, engagement: 35, fitThreshold: 50, engagementThreshold: 40 }, settings, run.scoredAt!));
    expect(expected.length).toBeGreaterThan(10);
    expect(records.map((r) => r.contactId).sort()).toEqual(expected.sort());
    for (const r of records) {
      expect(r).toMatchObject({ reason: "exploration", isExploration: true, modelVersionId: model!.id });
      expect(r.explorationShare).toBeCloseTo(0.15, 6);
    }
    // A second run the same month draws nobody new.
    const [again] = await handle.db.insert(scoringRuns).values({ modelVersionId: model!.id, reason: "daily" }).returning();
    await executeScoringRun(handle.db, again!.id);
    expect(await handle.db.$count(mqlRecords, inArray(mqlRecords.contactId, nearMisses))).toBe(expected.length);
    expect((await handle.db.select().from(scoringRuns).where(eq(scoringRuns.id, again!.id)))[0]!.designatedMqls).toBe(0);
  });
});

import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { saveExplorationSettings } from "@/db/queries/exploration-settings";
import { mqlRecords, stageTransitions } from "@/db/schema";
import { createTestDatabase } from "@/db/test-database";
import { insertContact, insertEvents } from "@/db/test-fixtures";
import { designateMqls } from "../lifecycle/designate-mqls";
import { loadPublishedModel, type ScoringModel } from "../scoring/published-model";
import { rescoreContacts } from "../scoring/rescore-contacts";
import { pickedForExploration } from "./exploration";
import { EXPLORATION_TEST_MODEL } from "./exploration-test-model";

const DEFINITION = EXPLORATION_TEST_MODEL;
const AT = new Date("2026-05-12T10:00:00Z");

let handle: DatabaseHandle;
let model: ScoringModel;
const nearMisses: string[] = [];
const cold: string[] = [];
const hot: string[] = [];

beforeAll(async () => {
  handle = await createTestDatabase();
  model = { ...(await loadPublishedModel(handle.db)), definition: DEFINITION };
  for (let i = 0; i < 300; i++) nearMisses.push((await insertContact(handle.db, { email: `near${i}@explore.test`, region: "EMEA" })).id);
  for (let i = 0; i < 20; i++) cold.push((await insertContact(handle.db, { email: `cold${i}@explore.test`, region: "EMEA" })).id);
  for (let i = 0; i < 5; i++) hot.push((await insertContact(handle.db, { email: `hot${i}@explore.test`, region: "EMEA" })).id);
  const view = (contactId: string) => ({ contactId, type: "page_view", occurredAt: new Date("2026-05-12T09:00:00Z"), properties: {} });
  await insertEvents(handle.db, [...nearMisses.map(view), ...hot.flatMap((id) => [view(id), view(id)])]);
});
afterAll(() => handle.close());

const everyone = () => [...nearMisses, ...cold, ...hot];

describe("the exploration sample at designation", () => {
  it("adds nobody while it is off", async () => {
    const candidates = await rescoreContacts(handle.db, { contactIds: everyone(), model, at: AT });
    expect(candidates.map((c) => c.contact_id).sort()).toEqual([...hot].sort());
    expect(candidates.every((c) => c.exploration_share == null)).toBe(true);
  });

  it("draws the near misses the reference draws, opens them as flagged exploration records with their share, and never re-rolls", async () => {
    const settings = await saveExplorationSettings(handle.db, { share: 0.2, bandPoints: 10 });
    const candidates = await rescoreContacts(handle.db, { contactIds: everyone(), model, at: AT });
    const explored = candidates.filter((c) => !c.meets_thresholds);
    const expected = nearMisses.filter((contactId) => pickedForExploration({ contactId, fit: 60, engagement: 35, fitThreshold: 50, engagementThreshold: 40 }, settings, AT));
    expect(explored.map((c) => c.contact_id).sort()).toEqual(expected.sort());
    expect(expected.length).toBeGreaterThan(30); // ~60 of 300
    expect(expected.length).toBeLessThan(90);
    for (const c of explored) expect(Number(c.exploration_share)).toBeCloseTo(0.2, 6);
    // Cold contacts (engagement 0) are far outside the band; hot ones qualify on their own.
    expect(candidates.filter((c) => cold.includes(c.contact_id))).toEqual([]);
    expect(candidates.filter((c) => c.meets_thresholds).map((c) => c.contact_id).sort()).toEqual([...hot].sort());

    await designateMqls(handle.db, candidates, { model, at: AT });
    const records = await handle.db.select().from(mqlRecords).where(inArray(mqlRecords.contactId, expected));
    expect(records).toHaveLength(expected.length);
    for (const r of records) {
      expect(r).toMatchObject({ reason: "exploration", isExploration: true, fitScore: 60 });
      expect(r.engagementScore).toBeCloseTo(35, 2); // an hour of decay
      expect(r.explorationShare).toBeCloseTo(0.2, 6);
      expect(r.reasonDetail).toBe("exploration sample 20% below fit ≥ 50, engagement ≥ 40");
    }
    const [transition] = await handle.db.select().from(stageTransitions).where(eq(stageTransitions.mqlRecordId, records[0]!.id));
    expect(transition!.reason).toMatch(/^Exploration sample/);
    const hotRecords = await handle.db.select().from(mqlRecords).where(inArray(mqlRecords.contactId, hot));
    expect(hotRecords.every((r) => r.reason === "threshold" && !r.isExploration && r.explorationShare === null)).toBe(true);

    // Rescored later the same month, the near misses not drawn stay undrawn.
    const again = await rescoreContacts(handle.db, { contactIds: everyone(), model, at: new Date("2026-05-28T23:00:00Z") });
    expect(again).toEqual([]);
  });
});

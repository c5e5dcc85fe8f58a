import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { scoringModelVersions, scoringRuns } from "@/db/schema";
import { createTestDatabase } from "@/db/test-database";
import { insertUser } from "@/db/test-fixtures";
import { DEFAULT_MODEL } from "./default-model";
import { diffModels } from "./model-diff";
import { createDraft, deleteDraft, publishDraft, updateDraft } from "./model-versions";
import { loadPublishedModel } from "./published-model";

let handle: DatabaseHandle;
let marketerId: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  marketerId = (await insertUser(handle.db, { role: "marketer" })).id;
});

afterAll(async () => {
  await handle.close();
});

describe("model versions", () => {
  it("drafts from the published model, numbered after the latest version", async () => {
    const published = await loadPublishedModel(handle.db);
    const draft = await createDraft(handle.db, { userId: marketerId });
    expect(draft).toMatchObject({ version: published.version + 1, status: "draft", basedOnId: published.id, name: `Draft from v${published.version}`, createdById: marketerId });
    expect(draft.definition).toEqual(published.definition);
    const second = await createDraft(handle.db, { fromId: draft.id, userId: marketerId });
    expect(second.version).toBe(draft.version + 1);
    await deleteDraft(handle.db, { id: second.id });
    expect(await handle.db.select().from(scoringModelVersions).where(eq(scoringModelVersions.id, second.id))).toHaveLength(0);
  });

  it("saves a valid draft and refuses an invalid one with a message at each mistake", async () => {
    const draft = await createDraft(handle.db, { userId: marketerId });
    const edited = structuredClone(DEFAULT_MODEL);
    edited.thresholds.fit = 60;
    expect(await updateDraft(handle.db, { id: draft.id, definition: edited, name: "Stricter fit" })).toMatchObject({ ok: true, version: { name: "Stricter fit" } });
    const broken = structuredClone(edited) as unknown as { fitRules: { points: number; operator: string }[]; thresholds: { engagement: number } };
    broken.fitRules[0]!.points = 500;
    broken.thresholds.engagement = -1;
    broken.fitRules[7]!.operator = "equals"; // size-sweet: a number compared as text
    const refused = await updateDraft(handle.db, { id: draft.id, definition: broken });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: ["fitRules", 0, "points"] }),
        expect.objectContaining({ path: ["thresholds", "engagement"] }),
      ]),
    );
    const [stored] = await handle.db.select().from(scoringModelVersions).where(eq(scoringModelVersions.id, draft.id));
    expect(stored!.definition.thresholds.fit).toBe(60); // the bad save changed nothing
    await deleteDraft(handle.db, { id: draft.id });
  });

  it("publishes a draft: it replaces the model in force, freezes, and rescoring everyone starts", async () => {
    const before = await loadPublishedModel(handle.db);
    const draft = await createDraft(handle.db, { userId: marketerId });
    const edited = structuredClone(DEFAULT_MODEL);
    edited.engagementRules = edited.engagementRules.filter((r) => r.id !== "email-open");
    await updateDraft(handle.db, { id: draft.id, definition: edited });
    const { version, run } = await publishDraft(handle.db, { id: draft.id, userId: marketerId });
    expect(version).toMatchObject({ status: "published", publishedById: marketerId });
    expect((await loadPublishedModel(handle.db)).id).toBe(draft.id);
    const [old] = await handle.db.select().from(scoringModelVersions).where(eq(scoringModelVersions.id, before.id));
    expect(old!.status).toBe("archived");
    const [queued] = await handle.db.select().from(scoringRuns).where(eq(scoringRuns.id, run.id));
    expect(queued).toMatchObject({ modelVersionId: draft.id, reason: "publish", status: "queued", requestedById: marketerId });

    await expect(updateDraft(handle.db, { id: draft.id, definition: DEFAULT_MODEL })).rejects.toThrow(/can no longer change/);
    await expect(publishDraft(handle.db, { id: draft.id, userId: marketerId })).rejects.toThrow(/already published/);
    await expect(deleteDraft(handle.db, { id: draft.id })).rejects.toThrow(/Only a draft/);
  });
});

describe("diffModels", () => {
  it("lists what changed between two versions in the editor's words", () => {
    const b = structuredClone(DEFAULT_MODEL);
    b.thresholds.fit = 55;
    b.thresholds.segments.push({ value: "LATAM", fit: 45, engagement: 35 });
    b.fitRules = b.fitRules.filter((r) => r.id !== "tech-crm");
    b.fitRules.find((r) => r.id === "sen-director")!.points = 18;
    b.engagementRules.push({ id: "trial", label: "Started a trial", eventType: "trial_started", filters: [], points: 25, cap: 25, halfLifeDays: null });
    expect(diffModels(DEFAULT_MODEL, b)).toEqual([
      { section: "Thresholds", kind: "changed", subject: "MQL rule", before: "fit ≥ 50 and engagement ≥ 40", after: "fit ≥ 55 and engagement ≥ 40" },
      { section: "Segments", kind: "added", subject: "LATAM", after: "fit ≥ 45, engagement ≥ 35" },
      { section: "Fit rules", kind: "changed", subject: "Director", before: "Seniority is Director: +15", after: "Seniority is Director: +18" },
      { section: "Fit rules", kind: "removed", subject: "Uses Salesforce or HubSpot", before: "Company technologies is one of Salesforce, HubSpot: +10" },
      { section: "Engagement rules", kind: "added", subject: "Started a trial", after: "trial_started: +25 per event, cap 25, half-life 30 d" },
    ]);
    expect(diffModels(DEFAULT_MODEL, DEFAULT_MODEL)).toEqual([]);
  });
});

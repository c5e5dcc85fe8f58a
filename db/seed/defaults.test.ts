import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_MODEL } from "../../lib/scoring/default-model";
import type { DatabaseHandle } from "../client";
import { rejectionReasons, scoringModelVersions, slaPolicies } from "../schema";
import { createTestDatabase } from "../test-database";
import { DEFAULT_REJECTION_REASONS, ensureWorkspaceDefaults } from "./defaults";

describe("ensureWorkspaceDefaults", () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("makes an empty database a working install, once however often it runs", async () => {
    await ensureWorkspaceDefaults(handle.db);
    await ensureWorkspaceDefaults(handle.db);
    await ensureWorkspaceDefaults(handle.db);

    const versions = await handle.db.select().from(scoringModelVersions);
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ version: 1, status: "published", definition: DEFAULT_MODEL });
    expect(versions[0].publishedAt).toBeInstanceOf(Date);

    const reasons = await handle.db.select().from(rejectionReasons).orderBy(asc(rejectionReasons.position));
    expect(reasons.map((r) => [r.code, r.label])).toEqual([
      ["bad_fit", "Bad fit"],
      ["no_budget", "No budget"],
      ["wrong_person", "Wrong person"],
      ["no_response", "No response"],
      ["duplicate", "Duplicate"],
      ["competitor", "Competitor"],
      ["student", "Student"],
      ["other", "Other"],
    ]);
    expect(reasons.filter((r) => r.requiresNote).map((r) => r.code)).toEqual(["other"]);

    const policies = await handle.db.select().from(slaPolicies);
    expect(policies).toHaveLength(1);
    expect(policies[0]).toMatchObject({ name: "Standard: 4 business hours", firstTouchHours: 4 });
  });

  it("leaves what an admin changed alone", async () => {
    await ensureWorkspaceDefaults(handle.db);
    await handle.db.update(rejectionReasons).set({ label: "Not our ICP", archivedAt: new Date() }).where(eq(rejectionReasons.code, "bad_fit"));
    await handle.db.update(slaPolicies).set({ name: "Two hours", firstTouchHours: 2 });

    await ensureWorkspaceDefaults(handle.db);

    const [badFit] = await handle.db.select().from(rejectionReasons).where(eq(rejectionReasons.code, "bad_fit"));
    expect(badFit.label).toBe("Not our ICP");
    expect(badFit.archivedAt).not.toBeNull();
    expect(await handle.db.select().from(rejectionReasons)).toHaveLength(DEFAULT_REJECTION_REASONS.length);
    const policies = await handle.db.select().from(slaPolicies);
    expect(policies.map((p) => p.name)).toEqual(["Two hours"]);
    expect(await handle.db.select().from(scoringModelVersions)).toHaveLength(1);
  });
});

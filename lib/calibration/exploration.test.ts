import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf, type DatabaseHandle } from "@/db/client";
import { createTestDatabase } from "@/db/test-database";
import { explorationDraw, explorationMonth, explorationPickSql, explorationSettingsSchema, inExplorationBand, pickedForExploration } from "./exploration";

const AT = new Date("2026-03-14T09:00:00Z");
const THRESHOLDS = { fitThreshold: 50, engagementThreshold: 40 };

describe("the exploration draw", () => {
  it("is fixed for a contact within a month and changes with the month", () => {
    const id = "7f1d3c2a-9f51-4a6e-bb70-2d3e1c0a9b11";
    expect(explorationDraw(id, "2026-03")).toBe(explorationDraw(id, "2026-03"));
    expect(explorationMonth(new Date("2026-03-01T00:00:00Z"))).toBe("2026-03");
    expect(explorationMonth(new Date("2026-03-31T23:59:59Z"))).toBe("2026-03");
    expect(explorationDraw(id, "2026-03")).not.toBe(explorationDraw(id, "2026-04"));
    const near = { contactId: id, fit: 45, engagement: 45, ...THRESHOLDS };
    const settings = { share: 0.2, bandPoints: 10 };
    const verdicts = Array.from({ length: 5 }, () => pickedForExploration(near, settings, AT));
    expect(new Set(verdicts).size).toBe(1);
  });

  it("picks about the share of near misses over many contacts", () => {
    for (const share of [0.05, 0.2]) {
      const n = 20_000;
      let picked = 0;
      for (let i = 0; i < n; i++) if (pickedForExploration({ contactId: randomUUID(), fit: 47, engagement: 38, ...THRESHOLDS }, { share, bandPoints: 10 }, AT)) picked++;
      // Binomial: 4 standard deviations either side.
      const sd = Math.sqrt(n * share * (1 - share));
      expect(Math.abs(picked - n * share)).toBeLessThan(4 * sd);
    }
  });

  it("never picks a contact outside the band, one that meets the thresholds, or anyone when off", () => {
    const everyone = { share: 0.2, bandPoints: 10 };
    for (let i = 0; i < 2_000; i++) {
      const contactId = randomUUID();
      expect(pickedForExploration({ contactId, fit: 39.9, engagement: 45, ...THRESHOLDS }, everyone, AT)).toBe(false); // fit 10.1 below
      expect(pickedForExploration({ contactId, fit: 49, engagement: 29, ...THRESHOLDS }, everyone, AT)).toBe(false); // engagement 11 below
      expect(pickedForExploration({ contactId, fit: 50, engagement: 40, ...THRESHOLDS }, everyone, AT)).toBe(false); // an MQL already
      expect(pickedForExploration({ contactId, fit: 45, engagement: 35, ...THRESHOLDS }, { share: 0, bandPoints: 10 }, AT)).toBe(false);
    }
    expect(inExplorationBand({ fit: 40, engagement: 90, ...THRESHOLDS }, 10)).toBe(true); // fit exactly 10 below, engagement passes
    expect(inExplorationBand({ fit: 80, engagement: 35, ...THRESHOLDS }, 5)).toBe(true);
    expect(inExplorationBand({ fit: 80, engagement: 34.9, ...THRESHOLDS }, 5)).toBe(false);
  });

  it("refuses a share above 20% or a band that is not a whole number of points", () => {
    expect(explorationSettingsSchema.safeParse({ share: 0.25, bandPoints: 10 }).success).toBe(false);
    expect(explorationSettingsSchema.safeParse({ share: -0.01, bandPoints: 10 }).success).toBe(false);
    expect(explorationSettingsSchema.safeParse({ share: 0.05, bandPoints: 2.5 }).success).toBe(false);
    expect(explorationSettingsSchema.safeParse({ share: 0.05, bandPoints: 0 }).success).toBe(false);
    expect(explorationSettingsSchema.safeParse({ share: 0.123456, bandPoints: 10 }).success).toBe(false);
    expect(explorationSettingsSchema.parse({ share: 0.05, bandPoints: 10 })).toEqual({ share: 0.05, bandPoints: 10 });
  });
});

describe("explorationPickSql", () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => handle.close());

  it("picks exactly the contacts the reference picks", async () => {
    const settings = { share: 0.2, bandPoints: 8 };
    const contacts = Array.from({ length: 400 }, (_, i) => ({ contact_id: randomUUID(), fit: 38 + (i % 17), engagement: 30 + ((i * 7) % 15), fit_threshold: 50, engagement_threshold: 40 }));
    const rows = rowsOf<{ contact_id: string; picked: boolean }>(
      await handle.db.execute(sql`
        select x.contact_id::text as contact_id, ${explorationPickSql(settings, AT)} as picked
        from json_to_recordset(${JSON.stringify(contacts)}::json) as x(contact_id uuid, fit float8, engagement float8, fit_threshold float8, engagement_threshold float8)`),
    );
    const expected = new Map<string, boolean>(
      contacts.map((c): [string, boolean] => [c.contact_id, pickedForExploration({ contactId: c.contact_id, fit: c.fit, engagement: c.engagement, fitThreshold: 50, engagementThreshold: 40 }, settings, AT)]),
    );
    expect(rows).toHaveLength(400);
    for (const r of rows) expect(r.picked, r.contact_id).toBe(expected.get(r.contact_id));
    expect(rows.filter((r) => r.picked).length).toBeGreaterThan(5);
  });
});

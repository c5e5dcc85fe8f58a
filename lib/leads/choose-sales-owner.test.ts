import { describe, expect, it } from "vitest";
import { chooseSalesOwner, type SalesCandidate } from "./choose-sales-owner";

const now = new Date("2026-11-03T14:00:00Z");
const rep = (id: string, over: Partial<SalesCandidate> = {}): SalesCandidate => ({
  id,
  name: `Rep ${id}`,
  deactivated: false,
  isAvailable: true,
  unavailableUntil: null,
  openPipeline: 0,
  lastHandoverAt: null,
  sharesTerritory: false,
  ...over,
});

describe("chooseSalesOwner", () => {
  it("hands to the account's owner first, busy or not", () => {
    const owner = rep("o", { openPipeline: 40 });
    expect(chooseSalesOwner({ accountOwner: owner, candidates: [owner, rep("a")], now })).toMatchObject({ repId: "o", reason: "Rep o owns the account" });
  });

  it("otherwise prefers the SDR's territory, then the lightest pipeline, then the longest wait since a handover", () => {
    const candidates = [
      rep("outside", { openPipeline: 0 }),
      rep("team-busy", { sharesTerritory: true, openPipeline: 5 }),
      rep("team-recent", { sharesTerritory: true, openPipeline: 2, lastHandoverAt: new Date("2026-11-03T10:00:00Z") }),
      rep("team-waiting", { sharesTerritory: true, openPipeline: 2, lastHandoverAt: new Date("2026-10-20T10:00:00Z") }),
    ];
    expect(chooseSalesOwner({ accountOwner: null, candidates, now }).repId).toBe("team-waiting");
    expect(chooseSalesOwner({ accountOwner: null, candidates: candidates.map((c) => ({ ...c, sharesTerritory: false })), now }).repId).toBe("outside");
  });

  it("passes over reps out of office or marked unavailable, and leaves it unassigned when nobody is left", () => {
    const away = rep("away", { isAvailable: false, unavailableUntil: new Date("2026-11-10T00:00:00Z") });
    const off = rep("off", { isAvailable: false });
    const back = rep("back", { isAvailable: false, unavailableUntil: new Date("2026-11-01T00:00:00Z"), openPipeline: 9 });
    expect(chooseSalesOwner({ accountOwner: null, candidates: [away, off, back], now }).repId).toBe("back");
    expect(chooseSalesOwner({ accountOwner: null, candidates: [away, off], now })).toEqual({ repId: null, repName: null, reason: "no sales rep is available; an admin assigns it" });
  });
});

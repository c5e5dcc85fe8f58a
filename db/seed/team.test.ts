import { describe, expect, it } from "vitest";
import { REGION_WEIGHTS, REGIONS } from "./geography";
import { Random } from "./random";
import { buildTeam, type Team } from "./team";
import { TEAM_GROWS_ABOVE_CONTACTS } from "./team-growth";

const NOW = Date.UTC(2026, 2, 2, 15);
const SLA = { id: "00000000-0000-4000-8000-000000000001", name: "Standard", firstTouchHours: 4 };
const teamFor = (contacts: number, seed = 42) => buildTeam(new Random(1), NOW, SLA, { contacts, rng: Random.derive(seed, "team") });
const withRole = (team: Team, role: string) => team.members.filter((m) => m.role === role);

describe("buildTeam", () => {
  it("keeps the named demo team, and only it, up to the threshold", () => {
    const small = teamFor(TEAM_GROWS_ABOVE_CONTACTS);
    expect(small.members.map((m) => m.email)).toEqual(buildTeam(new Random(1), NOW, SLA).members.map((m) => m.email));
    expect(small.members).toHaveLength(12);
    expect(small.members.map((m) => m.email)).toEqual(
      expect.arrayContaining(["admin@handoff.demo", "marketer@handoff.demo", "sdr@handoff.demo", "sales@handoff.demo", "sdr6@handoff.demo", "ae4@handoff.demo"]),
    );
  });

  it("adds SDRs and AEs per region in proportion to its contacts, after the unchanged named team", () => {
    const named = teamFor(4_000);
    const big = teamFor(1_000_000);
    // Same people, same ids: the demo logins work the same in a large data set.
    expect(big.members.slice(0, named.members.length)).toEqual(named.members);
    const sdrs = withRole(big, "sdr");
    const aes = withRole(big, "sales");
    expect(sdrs.length).toBeGreaterThan(100);
    expect(aes.length).toBeGreaterThan(sdrs.length);
    const totalWeight = REGIONS.reduce((sum, r) => sum + REGION_WEIGHTS[r], 0);
    for (const region of REGIONS) {
      const share = big.territories[region].sdrs.length / sdrs.length;
      expect(share).toBeCloseTo(REGION_WEIGHTS[region] / totalWeight, 1);
      expect(big.aesByRegion[region].length).toBeGreaterThan(named.aesByRegion[region].length);
    }
    // Every SDR works in exactly one territory, which routing and the territory members list.
    expect(REGIONS.flatMap((r) => big.territories[r].sdrs).length).toBe(sdrs.length);
  });

  it("names generated reps by role, region and number, sitting in their region's time zones", () => {
    const big = teamFor(1_000_000);
    const generated = big.members.filter((m) => /^(sdr|ae)-/.test(m.email));
    expect(generated.length).toBe(big.members.length - 12);
    expect(new Set(big.members.map((m) => m.email)).size).toBe(big.members.length);
    expect(new Set(generated.map((m) => m.name)).size).toBe(generated.length);
    expect(big.byEmail.get("sdr-emea-07@handoff.demo")).toMatchObject({ role: "sdr", regions: ["EMEA"], timezone: expect.stringMatching(/^Europe\//) });
    expect(big.byEmail.get("ae-apac-03@handoff.demo")).toMatchObject({ role: "sales", regions: ["APAC"] });
    const zone = { "North America": /^America\//, EMEA: /^Europe\//, APAC: /^(Asia|Australia)\//, LATAM: /^America\// };
    for (const m of generated) {
      expect(m.email).toMatch(/^(sdr|ae)-(na|emea|apac|latam)-\d{2,}@handoff\.demo$/);
      expect(m.timezone).toMatch(zone[m.regions[0]]);
      expect(m.name).toMatch(/^\S+( \S+)+$/);
    }
    const generatedSdrs = generated.filter((m) => m.role === "sdr");
    const capped = generatedSdrs.filter((m) => m.maxOpenMqls !== undefined).length;
    expect(capped).toBeGreaterThan(generatedSdrs.length * 0.05);
    expect(capped).toBeLessThan(generatedSdrs.length * 0.4);
    const awayNow = generated.filter((m) => m.awayFrom! <= NOW && NOW < m.awayUntil!).length;
    expect(awayNow).toBeGreaterThan(0);
    expect(awayNow).toBeLessThan(generated.length * 0.15);
  });

  it("draws the same reps from the same seed and others from another", () => {
    const names = (team: Team) => team.members.map((m) => `${m.name} ${m.timezone}`);
    expect(names(teamFor(200_000))).toEqual(names(teamFor(200_000)));
    expect(names(teamFor(200_000, 43))).not.toEqual(names(teamFor(200_000)));
  });
});

import { describe, expect, it } from "vitest";
import { funnelPageHref, parseFunnelPageParams } from "./funnel-range";

const now = new Date("2026-05-20T15:00:00Z");

describe("the funnel page's URL", () => {
  it("opens on the last 12 months by source", () => {
    const parsed = parseFunnelPageParams({}, now);
    expect(parsed).toMatchObject({ ok: true, state: { preset: "12m", from: "2025-06-01", to: "2026-05-20", groupBy: "source" } });
    if (parsed.ok) expect(parsed.query).toEqual({ groupBy: "source", from: new Date("2025-06-01T00:00Z"), until: new Date("2026-05-21T00:00Z") });
  });

  it("reads a preset relative to today and custom dates as they are", () => {
    expect(parseFunnelPageParams({ range: "3m", groupBy: "rep" }, now)).toMatchObject({ ok: true, state: { preset: "3m", from: "2026-03-01", to: "2026-05-20", groupBy: "rep" } });
    expect(parseFunnelPageParams({ from: "2026-01-15", to: "2026-02-10" }, now)).toMatchObject({ ok: true, state: { preset: "custom", from: "2026-01-15", to: "2026-02-10" } });
  });

  it("says what is wrong with a bad URL and keeps a usable fallback", () => {
    const bad = parseFunnelPageParams({ from: "2026-02-30", to: "2026-01-01", groupBy: "planet" }, now);
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.errors).toEqual(expect.arrayContaining(["from: Dates are YYYY-MM-DD", expect.stringMatching(/groupBy is one of month, source/)]));
    expect(bad.fallback).toMatchObject({ preset: "12m", groupBy: "source" });
    const range = parseFunnelPageParams({ range: "2y" }, now);
    expect(range).toMatchObject({ ok: false, errors: ["range is one of 3m, 6m, 12m, custom"] });
    expect(parseFunnelPageParams({ range: "custom", from: "2026-01-01" }, now)).toMatchObject({ ok: false, errors: ["to: Dates are YYYY-MM-DD"] });
  });

  it("writes presets by name and custom ranges by their days", () => {
    expect(funnelPageHref({ preset: "6m", from: "x", to: "y", groupBy: "region" })).toBe("/funnel?range=6m&groupBy=region");
    expect(funnelPageHref({ preset: "custom", from: "2026-01-01", to: "2026-01-31", groupBy: "month" })).toBe("/funnel?from=2026-01-01&to=2026-01-31&groupBy=month");
  });
});

import { describe, expect, it } from "vitest";
import { wilsonInterval } from "../analytics/wilson";
import { effectiveSampleSize, weightedWilson } from "./weighted-rate";

describe("weighted rates", () => {
  it("are wilsonInterval itself when every weight is 1", () => {
    for (const [s, n] of [[10, 20], [0, 7], [7, 7], [81, 263]] as const) {
      expect(weightedWilson({ n, sumW: n, sumW2: n, successW: s })).toEqual(wilsonInterval(s, n));
    }
  });

  it("count heavy records for less: Kish's effective sample size", () => {
    // 20 records of weight 1 and 4 of weight 10 (a 10% exploration share): (20 + 40)² / (20 + 400).
    expect(effectiveSampleSize({ sumW: 60, sumW2: 420 })).toBeCloseTo(8.5714286, 6);
    expect(effectiveSampleSize({ sumW: 0, sumW2: 0 })).toBe(0);
  });

  it("weigh the rate and widen the interval to the effective sample size", () => {
    // 10 of the 20 weight-1 records and 1 of the 4 weight-10 records converted: (10 + 10) / 60.
    const rate = weightedWilson({ n: 24, sumW: 60, sumW2: 420, successW: 20 })!;
    expect(rate.value).toBeCloseTo(1 / 3, 12);
    expect(rate.low).toBeCloseTo(0.117644102, 8);
    expect(rate.high).toBeCloseTo(0.652180374, 8);
    // Unweighted, the same 24 records would claim 11/24 with a far narrower interval.
    const naive = wilsonInterval(11, 24)!;
    expect(naive.high - naive.low).toBeLessThan(rate.high - rate.low);
    expect(weightedWilson({ n: 0, sumW: 0, sumW2: 0, successW: 0 })).toBeNull();
  });
});

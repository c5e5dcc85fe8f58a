import { describe, expect, it } from "vitest";
import { wilsonInterval } from "./wilson";

describe("the Wilson score interval", () => {
  // Newcombe RG (1998), "Two-sided confidence intervals for the single proportion: comparison of
  // seven methods", Statistics in Medicine 17:857–872, Table II, method 3 (score, no continuity correction).
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0.0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])("%i of %i → [%f, %f]", (x, n, low, high) => {
    const r = wilsonInterval(x, n)!;
    expect(r.value).toBeCloseTo(x / n, 12);
    expect(r.low).toBeCloseTo(low, 4);
    expect(r.high).toBeCloseTo(high, 4);
  });

  it("is symmetric: x of n mirrors n − x of n", () => {
    const a = wilsonInterval(3, 40)!;
    const b = wilsonInterval(37, 40)!;
    expect(a.low).toBeCloseTo(1 - b.high, 12);
    expect(a.high).toBeCloseTo(1 - b.low, 12);
  });

  it("stays inside [0, 1] at the ends, narrows as trials grow, and has no rate without trials", () => {
    const all = wilsonInterval(10, 10)!;
    expect(all.value).toBe(1);
    expect(all.high).toBeCloseTo(1, 12);
    expect(all.high).toBeLessThanOrEqual(1);
    expect(all.low).toBeCloseTo(0.7225, 4); // n / (n + z²)
    const small = wilsonInterval(5, 10)!;
    const large = wilsonInterval(500, 1000)!;
    expect(large.high - large.low).toBeLessThan(small.high - small.low);
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(() => wilsonInterval(3, 2)).toThrow(RangeError);
  });
});

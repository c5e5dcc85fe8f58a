import { describe, expect, it } from "vitest";
import { formatMinutes } from "./format-duration";

describe("formatMinutes", () => {
  it("reads minutes, hours and days as a manager would say them", () => {
    expect([null, 0.4, 8.4, 59.6, 60, 150, 600, 47 * 60, 48 * 60, 77 * 60, 300 * 60].map(formatMinutes)).toEqual([
      "—",
      "< 1 min",
      "8 min",
      "1 h",
      "1 h",
      "2.5 h",
      "10 h",
      "47 h",
      "2 days",
      "3.2 days",
      "13 days",
    ]);
  });
});

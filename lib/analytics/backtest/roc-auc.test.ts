import { describe, expect, it } from "vitest";
import { rocAucFromBins } from "./roc-auc";

describe("ROC AUC from a score histogram", () => {
  it("is 1 when every positive outscores every negative, and 0 the other way round", () => {
    expect(rocAucFromBins([{ score: 1, positives: 0, negatives: 4 }, { score: 2, positives: 3, negatives: 0 }])).toBe(1);
    expect(rocAucFromBins([{ score: 1, positives: 3, negatives: 0 }, { score: 2, positives: 0, negatives: 4 }])).toBe(0);
  });

  it("counts ties as half and matches a hand count of the pairs", () => {
    // Positives at 1, 3, 3; negatives at 0, 1, 2, 3. Pairs (p, n) won: p=1 beats 0, ties 1 → 1.5;
    // each p=3 beats 0, 1, 2 and ties 3 → 3.5 each. (1.5 + 7) / (3 × 4) = 8.5 / 12.
    const bins = [
      { score: 0, positives: 0, negatives: 1 },
      { score: 1, positives: 1, negatives: 1 },
      { score: 2, positives: 0, negatives: 1 },
      { score: 3, positives: 2, negatives: 1 },
    ];
    expect(rocAucFromBins(bins)).toBeCloseTo(8.5 / 12, 12);
    expect(rocAucFromBins([...bins].reverse())).toBeCloseTo(8.5 / 12, 12);
  });

  it("is one half when all share a score, and absent without both classes", () => {
    expect(rocAucFromBins([{ score: 5, positives: 7, negatives: 9 }])).toBe(0.5);
    expect(rocAucFromBins([{ score: 5, positives: 7, negatives: 0 }])).toBeNull();
    expect(rocAucFromBins([])).toBeNull();
  });
});

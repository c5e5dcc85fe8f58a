/** How many positives and negatives share one value of a score. */
export type ScoreBin = { score: number; positives: number; negatives: number };

/**
 * ROC AUC from a histogram of scores: the chance that a random positive scores above a random
 * negative, ties counting half (the Mann–Whitney U over the pairs). 0.5 is no better than chance;
 * without both positives and negatives there is nothing to rank.
 */
export function rocAucFromBins(bins: readonly ScoreBin[]): number | null {
  const sorted = [...bins].sort((a, b) => a.score - b.score);
  let positives = 0;
  let negatives = 0;
  let wins = 0;
  for (const bin of sorted) {
    // Every positive here beats every negative below, and ties with the negatives here.
    wins += bin.positives * (negatives + bin.negatives / 2);
    positives += bin.positives;
    negatives += bin.negatives;
  }
  return positives && negatives ? wins / (positives * negatives) : null;
}

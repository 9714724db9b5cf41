/**
 * Tracks runs of consecutive integers (days, weeks) as they are added in any order, in
 * O(1) per addition: each run's length is kept at its two ends, which are the only
 * places a new neighbour can touch.
 */
export interface RunTracker {
  /** Adds `n`; the length of the run that now holds it, or null when `n` was already in. */
  add(n: number): number | null;
}

/**
 * A tracker for integers from `lowest` to `highest`. The lengths live in a typed array
 * over that range (0 for "not added") rather than a Map: badges add every day of a
 * history of years, and a Map entry per day was garbage to collect on each evaluation.
 */
export function createRunTracker(lowest: number, highest: number): RunTracker {
  // One spare slot at either end, so the outermost numbers' neighbours read as absent.
  const lengthAtEnds = new Int32Array(Math.max(0, highest - lowest + 3));
  return {
    add(n) {
      const at = n - lowest + 1;
      if (!(at >= 1 && at < lengthAtEnds.length - 1)) {
        throw new RangeError(`createRunTracker: ${n} is outside ${lowest}–${highest}`);
      }
      if (lengthAtEnds[at] !== 0) return null;
      const left = lengthAtEnds[at - 1] as number;
      const right = lengthAtEnds[at + 1] as number;
      const length = left + 1 + right;
      lengthAtEnds[at] = length;
      lengthAtEnds[at - left] = length;
      lengthAtEnds[at + right] = length;
      return length;
    },
  };
}

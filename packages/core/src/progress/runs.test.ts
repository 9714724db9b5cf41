import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRunTracker } from './runs';

describe('createRunTracker', () => {
  it('joins runs from either side and refuses repeats', () => {
    const runs = createRunTracker(10, 20);
    expect(runs.add(12)).toBe(1);
    expect(runs.add(14)).toBe(1);
    expect(runs.add(13)).toBe(3);
    expect(runs.add(11)).toBe(4);
    expect(runs.add(13)).toBeNull();
    expect(runs.add(10)).toBe(5);
    expect(runs.add(20)).toBe(1);
  });

  it('gives the length of the run holding each number, in any order', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: -30, max: 30 }), { maxLength: 61 }), (order) => {
        const runs = createRunTracker(-30, 30);
        const added = new Set<number>();
        for (const n of order) {
          added.add(n);
          let low = n;
          let high = n;
          while (added.has(low - 1)) low -= 1;
          while (added.has(high + 1)) high += 1;
          expect(runs.add(n)).toBe(high - low + 1);
        }
      }),
    );
  });

  it('rejects numbers outside its range', () => {
    const runs = createRunTracker(0, 5);
    expect(() => runs.add(-1)).toThrow(RangeError);
    expect(() => runs.add(6)).toThrow(RangeError);
  });
});

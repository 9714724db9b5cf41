import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pick, seededRandom, shuffle } from './random';

describe('pick', () => {
  it('maps [0, 1) evenly onto the choices', () => {
    const choices = ['a', 'b', 'c', 'd'] as const;
    expect([0, 0.24, 0.25, 0.5, 0.99].map((n) => pick(choices, () => n))).toEqual([
      'a',
      'a',
      'b',
      'c',
      'd',
    ]);
  });

  it('stays within the choices when the source strays to 1 or below 0', () => {
    expect(pick(['a', 'b'], () => 1)).toBe('b');
    expect(pick(['a', 'b'], () => -0.5)).toBe('a');
  });
});

describe('shuffle', () => {
  it('returns a permutation and leaves the input alone', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.integer(), (items, seed) => {
        const copy = [...items];
        const shuffled = shuffle(items, seededRandom(seed));
        expect(items).toEqual(copy);
        expect([...shuffled].sort((a, b) => a - b)).toEqual([...items].sort((a, b) => a - b));
      }),
    );
  });

  it('produces different orders for different seeds', () => {
    const orders = new Set(
      Array.from({ length: 20 }, (_, seed) => shuffle([1, 2, 3, 4, 5], seededRandom(seed)).join()),
    );
    expect(orders.size).toBeGreaterThan(10);
  });
});

describe('seededRandom', () => {
  it('replays the same sequence for the same seed', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const first = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(first);
    expect(new Set(first).size).toBe(5);
  });

  it('yields numbers in [0, 1)', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const random = seededRandom(seed);
        for (let i = 0; i < 50; i++) {
          const n = random();
          expect(n).toBeGreaterThanOrEqual(0);
          expect(n).toBeLessThan(1);
        }
      }),
    );
  });
});

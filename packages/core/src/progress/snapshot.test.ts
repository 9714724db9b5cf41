import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { awardBadges } from './badges';
import { denseHistoryArb, historyArb } from './progress-arbitraries';
import { progressSnapshot } from './snapshot';
import { computeStreaks } from './streaks';
import { progressSummary } from './summary';

describe('progressSnapshot', () => {
  it('equals computeStreaks, awardBadges and progressSummary called one by one', () => {
    fc.assert(
      fc.property(
        fc.oneof(denseHistoryArb(60), historyArb(60)),
        fc.constantFrom('2025-03-20', '2025-04-30', '2025-11-05'),
        fc.constantFrom([], [{ id: 'first-breath', earnedAt: '2024-01-01' }]),
        (sessions, today, alreadyEarned) => {
          const ratings = sessions
            .filter((_, i) => i % 3 === 0)
            .map((s, i) => ({ sessionId: s.id, calmBefore: 1 + (i % 5), calmAfter: 5 - (i % 3) }));
          const options = { today, ratings, weeks: 6, months: 4 };
          expect(progressSnapshot(sessions, { ...options, alreadyEarned })).toEqual({
            streaks: computeStreaks(sessions, { today }),
            badges: awardBadges(sessions, alreadyEarned),
            summary: progressSummary(sessions, options),
          });
        },
      ),
      { numRuns: 100 },
    );
  });
});

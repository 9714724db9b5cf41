import type { SessionRecord } from '@exhale/core';
import { progressSummary } from '@exhale/core/progress';

import { createTestStorage } from '@/test-utils/test-storage';

import { CALM_TREND_POINTS, loadProgress } from './load-progress';

const DAY_MS = 86_400_000;
// Wednesday 25 November 2026, 10:00 UTC.
const NOW = Date.parse('2026-11-25T10:00:00Z');

/** One rated session a day, oldest first, the last one on the morning of NOW. */
function ratedDays(count: number): SessionRecord[] {
  return Array.from({ length: count }, (_, index) => {
    const startMs = NOW - (count - 1 - index) * DAY_MS - 2 * 3_600_000;
    const calmBefore = 1 + (index % 3);
    return {
      id: `s-${String(index).padStart(3, '0')}`,
      patternId: index % 2 === 0 ? 'first-breath' : 'box',
      startedAt: new Date(startMs).toISOString(),
      endedAt: new Date(startMs + 180_000).toISOString(),
      timeZone: 'Europe/Paris',
      breathsCompleted: 18,
      totalBreaths: 18,
      activeMs: 180_000,
      status: 'completed',
      calmBefore,
      calmAfter: calmBefore + (index % 2),
    };
  });
}

describe('loadProgress', () => {
  it('lists the latest calm ratings the trend card draws, averaged over all of them', async () => {
    const sessions = ratedDays(CALM_TREND_POINTS + 12);
    const storage = await createTestStorage(sessions);

    const view = await loadProgress(storage, { now: NOW, timeZone: 'Europe/Paris' });

    const ratings = sessions.map(({ id, calmBefore, calmAfter }) => ({
      sessionId: id,
      calmBefore: calmBefore as number,
      calmAfter: calmAfter as number,
    }));
    const everyPoint = progressSummary(sessions, { today: view.today, ratings }).calm;
    expect(view.snapshot.summary.calm).toEqual({
      ...everyPoint,
      points: everyPoint.points.slice(-CALM_TREND_POINTS),
    });
    expect(view.snapshot.summary.calm.points.at(-1)).toMatchObject({
      sessionId: sessions.at(-1)?.id,
      day: '2026-11-25',
    });
    expect(view.snapshot.streaks.current).toBe(sessions.length);
    expect(view.stored.map((badge) => badge.id)).toContain('streak-30');
  });
});

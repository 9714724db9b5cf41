import type { SessionRecord } from '@exhale/core';

import { createTestStorage } from '@/test-utils/test-storage';

import { applyRetention, readRetention } from './retention';

const NOW = Date.parse('2026-11-25T12:00:00Z');

function session(id: string, startedAt: string): SessionRecord {
  return {
    id,
    patternId: 'first-breath',
    startedAt,
    endedAt: new Date(Date.parse(startedAt) + 180_000).toISOString(),
    timeZone: 'UTC',
    breathsCompleted: 18,
    totalBreaths: 18,
    activeMs: 180_000,
    status: 'completed',
  };
}

const HISTORY = [
  session('two-years', '2024-11-20T08:00:00Z'),
  session('six-months', '2026-05-20T08:00:00Z'),
  session('last-week', '2026-11-18T08:00:00Z'),
];

describe('applyRetention', () => {
  it.each([
    ['forever', ['last-week', 'six-months', 'two-years']],
    ['1y', ['last-week', 'six-months']],
    ['30d', ['last-week']],
  ])('keeps what %s allows, and every badge', async (policy, kept) => {
    const storage = await createTestStorage(HISTORY);
    await storage.badges.award([
      { id: 'first-breath', earnedAt: '2024-11-20', sessionId: 'two-years' },
    ]);
    await storage.settings.set('privacy.retention', policy);

    await applyRetention(storage, NOW);

    expect((await storage.sessions.list()).map((s) => s.id)).toEqual(kept);
    expect(await storage.badges.list()).toHaveLength(1);
  });

  it('keeps everything when nothing was chosen, or the choice is unknown to this version', async () => {
    const storage = await createTestStorage(HISTORY);
    expect(await readRetention(storage)).toBe('forever');
    await storage.settings.set('privacy.retention', '7d');

    expect(await applyRetention(storage, NOW)).toBe(0);
    expect(await readRetention(storage)).toBe('forever');
    expect(await storage.sessions.count()).toBe(3);
  });
});

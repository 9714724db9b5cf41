import type { SessionRecord } from '@exhale/core';
import { Stack } from 'expo-router';
import { act, fireEvent, renderRouter, screen, within } from 'expo-router/testing-library';

import ProgressRoute from '@/app/progress';
import { applyRetention } from '@/features/privacy/retention';
import { StorageProvider, type Storage } from '@/lib/storage';
import { createTestStorage } from '@/test-utils/test-storage';

function record(id: string, startedAt: string, overrides: Partial<SessionRecord> = {}) {
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
    ...overrides,
  } satisfies SessionRecord;
}

// Wednesday 25 November 2026, 10:00 UTC (Jest runs with TZ=UTC).
const NOW = Date.parse('2026-11-25T10:00:00Z');

async function openProgress(storage: Storage) {
  function Layout() {
    return (
      <StorageProvider open={() => Promise.resolve(storage)}>
        <Stack screenOptions={{ headerShown: false }} />
      </StorageProvider>
    );
  }
  renderRouter({ _layout: Layout, progress: ProgressRoute }, { initialUrl: '/progress' });
  await act(async () => {});
  await act(async () => {});
}

describe('ProgressScreen', () => {
  beforeEach(() => {
    jest.spyOn(Date, 'now').mockReturnValue(NOW);
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('shows streaks, totals, earned and locked badges, and stores the badges it finds', async () => {
    const storage = await createTestStorage([
      record('a', '2026-11-23T07:00:00Z', { calmBefore: 2, calmAfter: 4 }),
      record('b', '2026-11-24T21:30:00Z', { calmBefore: 3, calmAfter: 4 }),
      record('c', '2026-11-25T08:00:00Z'),
      record('d', '2026-11-01T08:00:00Z', {
        status: 'partial',
        breathsCompleted: 3,
        activeMs: 30_000,
      }),
    ]);
    await openProgress(storage);

    expect(screen.getByTestId('stat-streak')).toHaveTextContent('3 days');
    expect(screen.getByTestId('stat-longest')).toHaveTextContent('3 days');
    // 3 × 3 min + 30 s, rounded once over the total.
    expect(screen.getByTestId('stat-minutes')).toHaveTextContent('10 minutes');
    expect(screen.getByTestId('stat-sessions')).toHaveTextContent('4');
    expect(
      screen.getByText('You have practised today. Well done for showing up.'),
    ).toBeOnTheScreen();

    const first = screen.getByTestId('badge-earned-first-breath');
    expect(within(first).getByText('Earned 23 Nov 2026')).toBeOnTheScreen();
    expect(
      within(screen.getByTestId('badge-earned-streak-3')).getByText('Earned 25 Nov 2026'),
    ).toBeOnTheScreen();
    expect(
      within(screen.getByTestId('badge-locked-streak-7')).getByText('Practise on 7 days in a row.'),
    ).toBeOnTheScreen();
    expect(screen.getByText('2 of 12 earned')).toBeOnTheScreen();
    expect(await storage.badges.list()).toEqual([
      { id: 'first-breath', earnedAt: '2026-11-23', sessionId: 'a' },
      { id: 'streak-3', earnedAt: '2026-11-25', sessionId: 'c' },
    ]);

    expect(screen.getByText('On average 2.5 before and 4.0 after, out of 5')).toBeOnTheScreen();
    expect(screen.getByTestId('heatmap-month')).toHaveTextContent('November 2026');
  });

  it('keeps a badge after its sessions are pruned away', async () => {
    const storage = await createTestStorage([record('a', '2025-01-05T07:00:00Z')]);
    await storage.badges.award([{ id: 'first-breath', earnedAt: '2025-01-05', sessionId: 'a' }]);
    await storage.settings.set('privacy.retention', '30d');
    await applyRetention(storage, NOW);
    await openProgress(storage);

    expect(screen.getByTestId('stat-sessions')).toHaveTextContent('0');
    expect(
      within(screen.getByTestId('badge-earned-first-breath')).getByText('Earned 5 Jan 2025'),
    ).toBeOnTheScreen();
  });

  it('hides streaks for someone who turned them off', async () => {
    const storage = await createTestStorage([record('a', '2026-11-25T08:00:00Z')]);
    await storage.settings.set('progress.showStreaks', false);
    await openProgress(storage);

    expect(screen.queryByTestId('stat-streak')).toBeNull();
    expect(screen.queryByTestId('stat-longest')).toBeNull();
    expect(screen.getByTestId('stat-sessions')).toHaveTextContent('1');
  });

  it('pages the calendar back a month, and not past the current one', async () => {
    const storage = await createTestStorage([record('a', '2026-10-12T08:00:00Z')]);
    await openProgress(storage);
    const next = screen.getByRole('button', { name: 'Next month' });
    expect(next).toBeDisabled();

    fireEvent.press(screen.getByRole('button', { name: 'Previous month' }));
    await act(async () => {});

    expect(screen.getByTestId('heatmap-month')).toHaveTextContent('October 2026');
    expect(screen.getByText('October 2026: 1 day practised, 3 minutes')).toBeOnTheScreen();
  });

  it('encourages a first session on an empty history', async () => {
    await openProgress(await createTestStorage());

    expect(screen.getByTestId('stat-streak')).toHaveTextContent('0 days');
    expect(screen.getByText('0 of 12 earned')).toBeOnTheScreen();
    expect(
      screen.getByText('Rate how calm you feel before and after a session to see your trend here.'),
    ).toBeOnTheScreen();
  });
});

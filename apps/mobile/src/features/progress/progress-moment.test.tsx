import type { SessionRecord } from '@exhale/core';
import { act, render, screen } from '@testing-library/react-native';

import { StorageProvider, type Storage } from '@/lib/storage';
import { createTestStorage } from '@/test-utils/test-storage';

import { ProgressMoment } from './progress-moment';

function record(id: string, startedAt: string): SessionRecord {
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

async function showMoment(storage: Storage, session: SessionRecord, saved = true) {
  const view = render(
    <StorageProvider open={() => Promise.resolve(storage)}>
      <ProgressMoment session={session} saved={saved} />
    </StorageProvider>,
  );
  await act(async () => {});
  await act(async () => {});
  return view;
}

describe('ProgressMoment', () => {
  beforeEach(() => {
    jest.spyOn(Date, 'now').mockReturnValue(Date.parse('2026-11-25T10:00:00Z'));
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('celebrates First Breath after the first session and stores it with its day', async () => {
    const first = record('first', '2026-11-25T09:00:00Z');
    const storage = await createTestStorage([first]);

    await showMoment(storage, first);

    expect(screen.getByTestId('new-badge-first-breath')).toHaveTextContent(
      /New badge.*First Breath/,
    );
    expect(screen.getByTestId('progress-moment-streak')).toHaveTextContent(
      'Day 1 of your streak. A fresh start.',
    );
    expect(await storage.badges.list()).toEqual([
      { id: 'first-breath', earnedAt: '2026-11-25', sessionId: 'first' },
    ]);
  });

  it('does not celebrate a badge twice, and shows the streak it extends', async () => {
    const earlier = [record('a', '2026-11-23T09:00:00Z'), record('b', '2026-11-24T09:00:00Z')];
    const storage = await createTestStorage(earlier);
    await storage.badges.award([{ id: 'first-breath', earnedAt: '2026-11-23', sessionId: 'a' }]);
    const today = record('c', '2026-11-25T09:00:00Z');
    await storage.sessions.add(today);

    await showMoment(storage, today);

    expect(screen.queryByTestId('new-badge-first-breath')).toBeNull();
    expect(screen.getByTestId('new-badge-streak-3')).toHaveTextContent(/3-Day Streak/);
    expect(screen.getByTestId('progress-moment-streak')).toHaveTextContent(
      '3 days in a row. Lovely consistency.',
    );
  });

  it('stores badges earned before (first run after an update) without celebrating them', async () => {
    const earlier = Array.from({ length: 10 }, (_, i) =>
      record(`s${i}`, `2026-11-${String(10 + i).padStart(2, '0')}T09:00:00Z`),
    );
    const storage = await createTestStorage(earlier);
    await storage.settings.set('progress.showStreaks', false);
    const today = record('today', '2026-11-25T09:00:00Z');
    await storage.sessions.add(today);

    await showMoment(storage, today);

    // Sessions 1 and 10 came before: those badges are stored but were not earned now.
    expect(screen.queryByTestId('progress-moment')).toBeNull();
    expect((await storage.badges.list()).map((badge) => badge.id).sort()).toEqual(
      ['first-breath', 'sessions-10', 'streak-3', 'streak-7'].sort(),
    );
  });

  it('waits for the session to be saved before awarding anything', async () => {
    const session = record('late', '2026-11-25T09:00:00Z');
    const storage = await createTestStorage();

    const view = await showMoment(storage, session, false);
    expect(screen.queryByTestId('progress-moment')).toBeNull();
    expect(await storage.badges.list()).toEqual([]);

    await storage.sessions.add(session);
    view.rerender(
      <StorageProvider open={() => Promise.resolve(storage)}>
        <ProgressMoment session={session} saved />
      </StorageProvider>,
    );
    await act(async () => {});
    await act(async () => {});

    expect(screen.getByTestId('new-badge-first-breath')).toBeOnTheScreen();
  });
});

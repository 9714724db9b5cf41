import type { SessionRecord } from '@exhale/core';
import { act, fireEvent, screen, waitFor, within } from 'expo-router/testing-library';

import { createTestStorage, type TestStorage } from '@/test-utils/test-storage';
import { renderApp } from '@/test-utils/render-app';

function record(overrides: Partial<SessionRecord> & Pick<SessionRecord, 'id' | 'startedAt'>) {
  const endedAt = new Date(Date.parse(overrides.startedAt) + 180_000).toISOString();
  return {
    patternId: 'first-breath',
    endedAt,
    timeZone: 'Europe/Paris',
    breathsCompleted: 18,
    totalBreaths: 18,
    activeMs: 180_000,
    status: 'completed',
    ...overrides,
  } satisfies SessionRecord;
}

/** Someone who has finished the welcome chat: home, not onboarding, is their front door. */
async function onboarded(storage: TestStorage, name: string | null = null) {
  await storage.profile.save({
    name,
    experience: 'beginner',
    goal: 'stress',
    safety: null,
    preferredTime: null,
    onboardedAt: '2026-03-01T07:00:00.000Z',
  });
  return storage;
}

async function openHome(sessions: SessionRecord[] = [], name: string | null = null) {
  const storage = await onboarded(await createTestStorage(sessions), name);
  const app = renderApp(storage, '/');
  await act(async () => {}); // storage opens and the list loads
  return { app, storage };
}

describe('HomeScreen', () => {
  it('greets, explains the first session and offers to start it', async () => {
    await openHome();
    expect(screen.getByText(/^Good (morning|afternoon|evening)\.$/)).toBeOnTheScreen();
    expect(screen.getByTestId('first-breath-description')).toHaveTextContent(
      /3 minutes.*in for 5 seconds, out for 5 seconds/,
    );
    expect(screen.getByRole('button', { name: 'Start your first breath' })).toBeOnTheScreen();
  });

  it('greets the person by the name they gave, kept on this device', async () => {
    await openHome([], 'Sam');
    expect(screen.getByText(/^Good (morning|afternoon|evening), Sam\.$/)).toBeOnTheScreen();
  });

  it('says there is nothing yet when storage holds no session', async () => {
    await openHome();
    expect(
      within(screen.getByTestId('recent-sessions')).getByText(
        'No sessions yet. Your first one will appear here.',
      ),
    ).toBeOnTheScreen();
  });

  it('lists recent sessions newest first, with their outcome', async () => {
    await openHome([
      record({ id: 'a', startedAt: '2026-03-01T07:00:00.000Z' }),
      record({
        id: 'b',
        startedAt: '2026-03-02T20:15:00.000Z',
        endedAt: '2026-03-02T20:16:10.000Z',
        status: 'partial',
        breathsCompleted: 7,
        activeMs: 70_000,
      }),
    ]);
    const items = within(screen.getByTestId('recent-sessions')).getAllByTestId('recent-session');
    expect(items).toHaveLength(2);
    // Shown on the clock of the place it was taken (Paris is UTC+1 in March).
    expect(items[0]).toHaveTextContent(/Mon.*2.*Mar.*21:15|Mon.*Mar.*2.*9:15 PM/);
    expect(items[0]).toHaveTextContent(/Ended early · 7 of 18 breaths/);
    expect(items[1]).toHaveTextContent(/Sun.*1.*Mar.*08:00|Sun.*Mar.*1.*8:00 AM/);
    expect(items[1]).toHaveTextContent(/Completed/);
    expect(screen.getByRole('button', { name: 'Breathe again' })).toBeOnTheScreen();
  });

  it('tells the person when the history cannot be read', async () => {
    const storage = await onboarded(await createTestStorage());
    storage.fail('list');
    renderApp(storage, '/');
    await act(async () => {});
    expect(
      screen.getByText('Your history could not be read on this device right now.'),
    ).toBeOnTheScreen();
  });

  it('starts the session, and lists it once the person is back home', async () => {
    jest.useFakeTimers({ now: new Date('2026-03-02T08:00:00.000Z') });
    try {
      const { app } = await openHome();
      fireEvent.press(screen.getByTestId('start-first-breath'));
      expect(app.getPathname()).toBe('/session');
      fireEvent.press(screen.getByTestId('calm-before-skip'));
      expect(screen.getByTestId('phase-label')).toHaveTextContent('Breathe in');

      act(() => {
        jest.advanceTimersByTime(35_000); // 3 breaths done, breath 4 under way
      });
      fireEvent.press(screen.getByTestId('end-button'));
      await waitFor(() => expect(screen.getByTestId('session-complete')).toBeOnTheScreen());

      fireEvent.press(screen.getByTestId('back-home-button'));
      expect(app.getPathname()).toBe('/');
      await waitFor(() =>
        expect(
          within(screen.getByTestId('recent-sessions')).getByText('Ended early · 3 of 18 breaths'),
        ).toBeOnTheScreen(),
      );
    } finally {
      jest.useRealTimers();
    }
  });
});

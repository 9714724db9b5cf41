import { act, fireEvent, screen, waitFor } from 'expo-router/testing-library';

import { analytics } from '@/features/analytics/analytics';
import { createBetterSqliteDriver } from '@/lib/storage/better-sqlite-driver';
import type { Storage } from '@/lib/storage';
import { createStorage } from '@/lib/storage/create-storage';
import { createTestStorage } from '@/test-utils/test-storage';
import { renderApp } from '@/test-utils/render-app';

const START = new Date('2026-03-02T08:00:00.000Z');

// Fake timers move Date.now and the 16 ms animation frames together (see jest.setup.ts):
// the session's clock is the mocked wall clock, as in the app.
beforeEach(() => {
  jest.useFakeTimers({ now: START });
});
afterEach(() => {
  jest.useRealTimers();
});

function advance(ms: number) {
  act(() => {
    jest.advanceTimersByTime(ms);
  });
}

function text(testId: string) {
  return screen.getByTestId(testId);
}

/** Opens the session and skips the calm rating, which starts its clock (at START). */
async function openSession<S extends Storage>(storage: S) {
  const app = renderApp(storage, '/session');
  await act(async () => {}); // storage opens
  fireEvent.press(screen.getByTestId('calm-before-skip'));
  await act(async () => {}); // the guidance settings are read
  return { app, storage };
}

describe('SessionScreen', () => {
  it('counts a session as started once its clock runs, not while the calm rating is asked', async () => {
    const track = jest.spyOn(analytics, 'track');
    renderApp(await createTestStorage(), '/session');
    await act(async () => {});
    expect(track).not.toHaveBeenCalledWith(expect.objectContaining({ name: 'session_started' }));

    fireEvent.press(screen.getByTestId('calm-before-skip'));
    await act(async () => {});

    expect(track).toHaveBeenCalledTimes(1);
    expect(track).toHaveBeenCalledWith({
      name: 'session_started',
      properties: { pattern_id: 'first-breath' },
    });
    track.mockRestore();
  });

  it('changes label, counter and seconds at the 5 s boundaries', async () => {
    await openSession(await createTestStorage());
    expect(text('phase-label')).toHaveTextContent('Breathe in');
    expect(text('phase-seconds')).toHaveTextContent('5');
    expect(text('breath-counter')).toHaveTextContent('Breath 1 of 18');

    advance(1_500);
    expect(text('phase-seconds')).toHaveTextContent('4');

    advance(3_490); // 4.99 s
    expect(text('phase-label')).toHaveTextContent('Breathe in');
    expect(text('phase-seconds')).toHaveTextContent('1');

    advance(20); // 5.01 s
    expect(text('phase-label')).toHaveTextContent('Breathe out');
    expect(text('phase-seconds')).toHaveTextContent('5');
    expect(text('breath-counter')).toHaveTextContent('Breath 1 of 18');

    advance(5_000); // 10.01 s
    expect(text('phase-label')).toHaveTextContent('Breathe in');
    expect(text('breath-counter')).toHaveTextContent('Breath 2 of 18');
  });

  it('pause freezes the counter and shows Paused; resume continues where it left off', async () => {
    await openSession(await createTestStorage());
    advance(12_000); // breath 2, inhaling, 3 s left
    fireEvent.press(text('pause-button'));
    expect(screen.getByTestId('paused-indicator')).toHaveTextContent('Paused');
    expect(screen.queryByTestId('pause-button')).toBeNull();

    advance(60_000);
    expect(text('breath-counter')).toHaveTextContent('Breath 2 of 18');
    expect(text('phase-label')).toHaveTextContent('Breathe in');
    expect(text('phase-seconds')).toHaveTextContent('3');

    fireEvent.press(text('resume-button'));
    expect(screen.queryByTestId('paused-indicator')).toBeNull();
    advance(2_990);
    expect(text('phase-label')).toHaveTextContent('Breathe in');
    advance(20);
    expect(text('phase-label')).toHaveTextContent('Breathe out');
    expect(text('breath-counter')).toHaveTextContent('Breath 2 of 18');
  });

  it('End records a partial session, then shows the completion screen in its partial wording', async () => {
    const { app, storage } = await openSession(await createTestStorage());
    advance(72_000); // breath 8: 7 breaths completed
    fireEvent.press(text('end-button'));

    await waitFor(() => expect(screen.getByTestId('session-complete')).toBeOnTheScreen());
    expect(app.getPathname()).toBe('/session-complete');
    expect(text('session-complete')).toHaveTextContent(/Session ended early/);
    expect(text('session-complete-summary')).toHaveTextContent(
      '1 minute 12 seconds · 7 of 18 breaths',
    );

    const [record, ...others] = await storage.sessions.list();
    expect(others).toEqual([]);
    expect(record).toMatchObject({
      patternId: 'first-breath',
      status: 'partial',
      breathsCompleted: 7,
      totalBreaths: 18,
      activeMs: 72_000,
      startedAt: START.toISOString(),
      endedAt: new Date(START.getTime() + 72_000).toISOString(),
    });
  });

  it('records a completed session after 180 s and shows "Session complete"', async () => {
    const { storage } = await openSession(await createTestStorage());
    advance(179_990);
    expect(text('breath-counter')).toHaveTextContent('Breath 18 of 18');
    expect(await storage.sessions.count()).toBe(0);

    advance(20);
    await waitFor(() => expect(screen.getByTestId('session-complete')).toBeOnTheScreen());
    expect(text('session-complete')).toHaveTextContent(/Session complete/);
    expect(text('session-complete-summary')).toHaveTextContent('3 minutes · 18 breaths');
    expect(screen.getByText('Saved to your history on this device.')).toBeOnTheScreen();
    expect(await storage.sessions.list()).toEqual([
      expect.objectContaining({ status: 'completed', breathsCompleted: 18, activeMs: 180_000 }),
    ]);
  });

  it('stores the record through the real SQLite repositories', async () => {
    const storage = await createStorage(createBetterSqliteDriver());
    await openSession(storage);
    advance(25_000);
    fireEvent.press(text('end-button'));
    await waitFor(() => expect(screen.getByTestId('session-complete')).toBeOnTheScreen());
    expect(await storage.sessions.list()).toEqual([
      expect.objectContaining({ status: 'partial', breathsCompleted: 2, activeMs: 25_000 }),
    ]);
    await storage.close();
  });

  it('says so, and offers to retry, when the session could not be saved', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
    const storage = await createTestStorage();
    storage.fail('add', 1);
    await openSession(storage);
    advance(8_000);
    fireEvent.press(text('end-button'));
    await waitFor(() => expect(screen.getByTestId('session-complete')).toBeOnTheScreen());
    expect(screen.getByText('This session could not be saved to your history.')).toBeOnTheScreen();

    fireEvent.press(screen.getByRole('button', { name: 'Try saving again' }));
    await waitFor(() =>
      expect(screen.getByText('Saved to your history on this device.')).toBeOnTheScreen(),
    );
    expect(await storage.sessions.count()).toBe(1);
    expect(warn).toHaveBeenCalledWith('Could not save the session', expect.any(Error));
    warn.mockRestore();
  });

  it('asks how calm the person feels before the clock starts, and keeps the rating', async () => {
    const storage = await createTestStorage();
    renderApp(storage, '/session');
    await act(async () => {});
    expect(screen.queryByTestId('phase-label')).toBeNull();
    expect(text('calm-before-start')).toBeDisabled();
    advance(30_000); // time spent rating is not session time
    expect(screen.queryByTestId('phase-label')).toBeNull();

    fireEvent.press(text('calm-before-rating-2'));
    expect(text('calm-before-rating-2')).toHaveProp('accessibilityState', {
      checked: true,
      disabled: false,
    });
    fireEvent.press(text('calm-before-start'));
    expect(text('phase-label')).toHaveTextContent('Breathe in');
    expect(text('breath-counter')).toHaveTextContent('Breath 1 of 18');
    advance(25_000);
    fireEvent.press(text('end-button'));
    await waitFor(() => expect(screen.getByTestId('session-complete')).toBeOnTheScreen());
    expect(await storage.sessions.list()).toEqual([
      expect.objectContaining({ calmBefore: 2, activeMs: 25_000, breathsCompleted: 2 }),
    ]);
  });

  it('stores no calm rating when it is skipped', async () => {
    const { storage } = await openSession(await createTestStorage());
    advance(15_000);
    fireEvent.press(text('end-button'));
    await waitFor(() => expect(screen.getByTestId('session-complete')).toBeOnTheScreen());
    const [record] = await storage.sessions.list();
    expect(record).toBeDefined();
    expect(record).not.toHaveProperty('calmBefore');
  });

  it('labels its controls and announces the phase politely', async () => {
    await openSession(await createTestStorage());
    expect(screen.getByRole('button', { name: 'Pause session' })).toBeOnTheScreen();
    expect(screen.getByRole('button', { name: 'End session early' })).toBeOnTheScreen();
    expect(text('phase-label')).toHaveProp('accessibilityLiveRegion', 'polite');
    expect(text('session-progress')).toHaveProp('accessibilityRole', 'progressbar');
  });
});

import { Stack } from 'expo-router';
import { act, fireEvent, renderRouter, screen } from 'expo-router/testing-library';

import SettingsRoute from '@/app/settings';
import { StorageProvider, type Storage } from '@/lib/storage';
import { createTestStorage } from '@/test-utils/test-storage';

// The stateful expo-notifications stand-in from jest.setup.ts.
const notifications = jest.requireMock('expo-notifications') as {
  __state: {
    permission: 'granted' | 'denied' | 'undetermined';
    answer: 'granted' | 'denied';
    scheduled: Map<string, { content: { title: string; body: string } }>;
    badge: number;
  };
};

// Wednesday 25 November 2026, 06:00 UTC (Jest runs with TZ=UTC).
const NOW = Date.parse('2026-11-25T06:00:00Z');

async function storageWithMorning(): Promise<Storage> {
  const storage = await createTestStorage();
  await storage.profile.save({
    name: 'Ana',
    experience: 'beginner',
    goal: 'stress',
    safety: null,
    preferredTime: { kind: 'morning' },
    onboardedAt: '2026-11-20T08:00:00.000Z',
  });
  return storage;
}

async function openSettings(storage: Storage) {
  function Layout() {
    return (
      <StorageProvider open={() => Promise.resolve(storage)}>
        <Stack screenOptions={{ headerShown: false }} />
      </StorageProvider>
    );
  }
  renderRouter({ _layout: Layout, settings: SettingsRoute }, { initialUrl: '/settings' });
  await settle();
}

async function settle() {
  for (let i = 0; i < 4; i += 1) await act(async () => {});
}

describe('SettingsScreen', () => {
  beforeEach(() => {
    jest.spyOn(Date, 'now').mockReturnValue(NOW);
    notifications.__state.scheduled.clear();
    notifications.__state.badge = 0;
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('explains before asking for notifications, then schedules the daily reminder', async () => {
    notifications.__state.permission = 'undetermined';
    notifications.__state.answer = 'granted';
    const storage = await storageWithMorning();
    await openSettings(storage);
    expect(screen.getByTestId('reminder-status')).toHaveTextContent(
      'Reminders are off. Your practice time is 08:00.',
    );

    fireEvent(screen.getByTestId('reminder-toggle'), 'valueChange', true);
    await settle();
    // Nothing asked yet: first the explanation.
    expect(screen.getByTestId('reminder-permission-explainer')).toBeOnTheScreen();
    expect(notifications.__state.permission).toBe('undetermined');

    fireEvent.press(screen.getByTestId('reminder-permission-continue'));
    await settle();

    expect(screen.getByTestId('reminder-status')).toHaveTextContent(
      'Daily reminder at 08:00. Next: 25 Nov 2026 at 08:00.',
    );
    expect(notifications.__state.scheduled.size).toBe(7);
    expect(notifications.__state.badge).toBe(1);
    const first = notifications.__state.scheduled.get('exhale-reminder-2026-11-25');
    expect(first?.content.title).toMatch(/, Ana$/);
  });

  it('says how to turn notifications on when they were refused', async () => {
    notifications.__state.permission = 'undetermined';
    notifications.__state.answer = 'denied';
    const storage = await storageWithMorning();
    await openSettings(storage);

    fireEvent(screen.getByTestId('reminder-toggle'), 'valueChange', true);
    await settle();
    fireEvent.press(screen.getByTestId('reminder-permission-continue'));
    await settle();

    expect(screen.getByTestId('reminder-status')).toHaveTextContent(
      /Notifications are off for Exhale\. To turn them on, open your phone’s Settings.*home screen/,
    );
    expect(notifications.__state.scheduled.size).toBe(0);
  });

  it('moves the reminder to a chosen time and refuses one that is not a time', async () => {
    notifications.__state.permission = 'granted';
    const storage = await storageWithMorning();
    await storage.settings.set('reminders.enabled', true);
    await openSettings(storage);

    fireEvent.press(screen.getByTestId('reminder-time-custom'));
    await settle();
    fireEvent.changeText(screen.getByTestId('reminder-custom-time'), '25:00');
    fireEvent.press(screen.getByTestId('reminder-custom-save'));
    await settle();
    expect(screen.getByText('Enter a time like 07:30, on a 24-hour clock.')).toBeOnTheScreen();
    expect((await storage.profile.get())?.preferredTime).toEqual({ kind: 'morning' });

    fireEvent.changeText(screen.getByTestId('reminder-custom-time'), '7.45');
    fireEvent.press(screen.getByTestId('reminder-custom-save'));
    await settle();

    expect((await storage.profile.get())?.preferredTime).toEqual({ kind: 'custom', time: '07:45' });
    expect(screen.getByTestId('reminder-status')).toHaveTextContent(
      'Daily reminder at 07:45. Next: 25 Nov 2026 at 07:45.',
    );
  });

  it('keeps the streak choice', async () => {
    const storage = await storageWithMorning();
    await openSettings(storage);

    fireEvent(screen.getByTestId('streaks-toggle'), 'valueChange', false);
    await settle();

    expect(await storage.settings.get('progress.showStreaks', true)).toBe(false);
  });

  it('keeps analytics off when the build has no key', async () => {
    await openSettings(await storageWithMorning());

    expect(screen.getByTestId('analytics-toggle')).toBeDisabled();
    expect(
      screen.getByText(/no analytics service configured, so nothing is ever sent/),
    ).toBeOnTheScreen();
  });

  it('deletes everything only after confirmation', async () => {
    notifications.__state.permission = 'granted';
    const storage = await storageWithMorning();
    await storage.settings.set('reminders.enabled', true);
    await storage.sessions.add({
      id: 's',
      patternId: 'first-breath',
      startedAt: '2026-11-24T07:00:00Z',
      endedAt: '2026-11-24T07:03:00Z',
      timeZone: 'UTC',
      breathsCompleted: 18,
      totalBreaths: 18,
      activeMs: 180_000,
      status: 'completed',
      note: 'private',
    });
    await openSettings(storage);
    expect(notifications.__state.scheduled.size).toBeGreaterThan(0);

    fireEvent.press(screen.getByTestId('delete-all-data'));
    expect(screen.getByText('Delete everything on this device?')).toBeOnTheScreen();
    expect(await storage.sessions.count()).toBe(1);

    fireEvent.press(screen.getByTestId('delete-confirm'));
    await settle();

    expect(screen.getByTestId('privacy-message')).toHaveTextContent(
      'Everything Exhale kept on this device has been deleted.',
    );
    expect(await storage.sessions.count()).toBe(0);
    expect(await storage.profile.get()).toBeNull();
    // Reminders go with the data.
    expect(notifications.__state.scheduled.size).toBe(0);
  });
});

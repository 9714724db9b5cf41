import type { SessionRecord } from '@exhale/core';
import type { Reminder, ReminderText } from '@exhale/core/progress';

import { createTestStorage, type TestStorage } from '@/test-utils/test-storage';

import type { NotificationPermission, ReminderNotifier } from './reminder-notifier.types';
import {
  REMINDERS_ENABLED_KEY,
  personalText,
  setPreferredTime,
  setRemindersEnabled,
  syncReminders,
} from './reminders';

/**
 * The platform side of reminders, in memory: pending notifications by id, the icon badge
 * and the permission, with the system prompt answering as told.
 */
function fakeNotifier(
  permission: NotificationPermission,
  answer: NotificationPermission = 'granted',
) {
  const pending = new Map<string, { reminder: Reminder; text: ReminderText }>();
  const notifier = {
    capabilities: { whileClosed: true, iconBadge: true },
    permissionNow: permission,
    prompts: 0,
    badge: null as number | null,
    pending,
    async permission() {
      return notifier.permissionNow;
    },
    async requestPermission() {
      notifier.prompts += 1;
      notifier.permissionNow = answer;
      return answer;
    },
    async pendingList() {
      return [...pending.values()].map(({ reminder }) => ({
        id: reminder.id,
        epochMs: reminder.epochMs,
      }));
    },
    async schedule(reminder: Reminder, text: ReminderText) {
      pending.set(reminder.id, { reminder, text });
    },
    async cancel(ids: readonly string[]) {
      for (const id of ids) pending.delete(id);
    },
    async setIconBadge(count: 0 | 1) {
      notifier.badge = count;
    },
  };
  const api: ReminderNotifier = { ...notifier, pending: notifier.pendingList } as ReminderNotifier;
  // Methods read `notifier`'s state, so the facade and the recorder stay in step.
  return { api, notifier };
}

function session(id: string, startedAt: string, timeZone = 'Europe/London'): SessionRecord {
  return {
    id,
    patternId: 'first-breath',
    startedAt,
    endedAt: new Date(Date.parse(startedAt) + 180_000).toISOString(),
    timeZone,
    breathsCompleted: 18,
    totalBreaths: 18,
    activeMs: 180_000,
    status: 'completed',
  };
}

const LONDON = 'Europe/London';
// Wednesday 25 Nov 2026, 06:00 in London (UTC+0 in winter).
const NOW = Date.parse('2026-11-25T06:00:00Z');

async function storageWith(
  preferredTime: Parameters<typeof setPreferredTime>[2] | null,
  sessions: SessionRecord[] = [],
  name: string | null = 'Ana',
): Promise<TestStorage> {
  const storage = await createTestStorage(sessions);
  await storage.profile.save({
    name,
    experience: 'beginner',
    goal: 'sleep',
    safety: null,
    preferredTime,
    onboardedAt: null,
  });
  return storage;
}

describe('syncReminders', () => {
  it('schedules a week of reminders at the chosen time, named, and sets the badge to 1', async () => {
    const storage = await storageWith({ kind: 'morning' });
    await storage.settings.set(REMINDERS_ENABLED_KEY, true);
    const { api, notifier } = fakeNotifier('granted');

    const status = await syncReminders(storage, api, { now: NOW, timeZone: LONDON });

    expect(status.scheduled.map((r) => r.id)).toEqual([
      'exhale-reminder-2026-11-25',
      'exhale-reminder-2026-11-26',
      'exhale-reminder-2026-11-27',
      'exhale-reminder-2026-11-28',
      'exhale-reminder-2026-11-29',
      'exhale-reminder-2026-11-30',
      'exhale-reminder-2026-12-01',
    ]);
    expect(new Date(status.scheduled[0]!.epochMs).toISOString()).toBe('2026-11-25T08:00:00.000Z');
    expect([...notifier.pending.keys()]).toEqual(status.scheduled.map((r) => r.id));
    for (const { text } of notifier.pending.values()) {
      expect(text.title).toMatch(/, Ana$/);
      expect(text.body.length).toBeGreaterThan(10);
    }
    // Different days read differently.
    const bodies = new Set([...notifier.pending.values()].map(({ text }) => text.body));
    expect(bodies.size).toBeGreaterThan(1);
    expect(notifier.badge).toBe(1);
  });

  it('skips a day already practised and clears the badge', async () => {
    const storage = await storageWith({ kind: 'morning' }, [session('s', '2026-11-25T05:30:00Z')]);
    await storage.settings.set(REMINDERS_ENABLED_KEY, true);
    const { api, notifier } = fakeNotifier('granted');

    const status = await syncReminders(storage, api, { now: NOW, timeZone: LONDON });

    expect(status.practisedToday).toBe(true);
    expect(notifier.pending.has('exhale-reminder-2026-11-25')).toBe(false);
    expect(notifier.pending.has('exhale-reminder-2026-11-26')).toBe(true);
    expect(notifier.badge).toBe(0);
  });

  it('cancels today’s pending reminder once a session is stored during the day', async () => {
    const storage = await storageWith({ kind: 'bedtime' });
    await storage.settings.set(REMINDERS_ENABLED_KEY, true);
    const { api, notifier } = fakeNotifier('granted');
    await syncReminders(storage, api, { now: NOW, timeZone: LONDON });
    expect(notifier.pending.has('exhale-reminder-2026-11-25')).toBe(true);

    await storage.sessions.add(session('s', '2026-11-25T12:00:00Z'));
    await syncReminders(storage, api, {
      now: Date.parse('2026-11-25T12:04:00Z'),
      timeZone: LONDON,
    });

    expect(notifier.pending.has('exhale-reminder-2026-11-25')).toBe(false);
    expect(notifier.pending.size).toBe(6);
  });

  it('reschedules every reminder when the time changes', async () => {
    const storage = await storageWith({ kind: 'morning' });
    await storage.settings.set(REMINDERS_ENABLED_KEY, true);
    const { api, notifier } = fakeNotifier('granted');
    await syncReminders(storage, api, { now: NOW, timeZone: LONDON });

    await setPreferredTime(
      storage,
      api,
      { kind: 'custom', time: '18:45' },
      { now: NOW, timeZone: LONDON },
    );

    const times = [...notifier.pending.values()].map(({ reminder }) => reminder.localTime);
    expect(times).toHaveLength(7);
    expect(new Set(times)).toEqual(new Set(['18:45']));
    expect((await storage.profile.get())?.preferredTime).toEqual({ kind: 'custom', time: '18:45' });
    // The rest of the profile is kept.
    expect((await storage.profile.get())?.name).toBe('Ana');
  });

  it('follows the device into a new time zone: 08:00 local there', async () => {
    const storage = await storageWith({ kind: 'morning' });
    await storage.settings.set(REMINDERS_ENABLED_KEY, true);
    const { api, notifier } = fakeNotifier('granted');
    await syncReminders(storage, api, { now: NOW, timeZone: LONDON });

    const status = await syncReminders(storage, api, { now: NOW, timeZone: 'America/New_York' });

    // 06:00 London is 01:00 in New York: today's 08:00 there is 13:00 UTC.
    expect(new Date(status.scheduled[0]!.epochMs).toISOString()).toBe('2026-11-25T13:00:00.000Z');
    expect([...notifier.pending.values()].map(({ reminder }) => reminder.epochMs)).toEqual(
      status.scheduled.map((r) => r.epochMs),
    );
  });

  it('keeps the 08:00 wall-clock time across a DST change', async () => {
    const storage = await storageWith({ kind: 'morning' });
    await storage.settings.set(REMINDERS_ENABLED_KEY, true);
    const { api } = fakeNotifier('granted');
    // London springs forward on Sunday 29 March 2026.
    const status = await syncReminders(storage, api, {
      now: Date.parse('2026-03-27T09:00:00Z'),
      timeZone: LONDON,
    });
    const isoTimes = status.scheduled.slice(0, 3).map((r) => new Date(r.epochMs).toISOString());
    expect(isoTimes).toEqual([
      '2026-03-28T08:00:00.000Z',
      '2026-03-29T07:00:00.000Z',
      '2026-03-30T07:00:00.000Z',
    ]);
  });

  it('schedules nothing and reports it when notifications were refused', async () => {
    const storage = await storageWith({ kind: 'morning' });
    const { api, notifier } = fakeNotifier('undetermined', 'denied');

    const status = await setRemindersEnabled(storage, api, true, { now: NOW, timeZone: LONDON });

    expect(notifier.prompts).toBe(1);
    expect(status).toMatchObject({ enabled: true, permission: 'denied', scheduled: [] });
    expect(notifier.pending.size).toBe(0);
    // The choice is kept, so the in-app banner can stand in.
    expect(await storage.settings.get(REMINDERS_ENABLED_KEY, null)).toBe(true);
  });

  it('does not ask again once permission is granted, and turning off cancels everything', async () => {
    const storage = await storageWith({ kind: 'morning' });
    const { api, notifier } = fakeNotifier('granted');
    await setRemindersEnabled(storage, api, true, { now: NOW, timeZone: LONDON });
    expect(notifier.prompts).toBe(0);
    expect(notifier.pending.size).toBe(7);

    const status = await setRemindersEnabled(storage, api, false, { now: NOW, timeZone: LONDON });

    expect(status.scheduled).toEqual([]);
    expect(notifier.pending.size).toBe(0);
    expect(notifier.badge).toBe(0);
  });

  it('schedules nothing without a chosen time', async () => {
    const storage = await storageWith(null);
    await storage.settings.set(REMINDERS_ENABLED_KEY, true);
    const { api, notifier } = fakeNotifier('granted');

    const status = await syncReminders(storage, api, { now: NOW, timeZone: LONDON });

    expect(status.time).toBeNull();
    expect(notifier.pending.size).toBe(0);
  });

  it('leaves streaks out of reminder text for someone who hid them', async () => {
    const days = ['2026-11-21', '2026-11-22', '2026-11-23', '2026-11-24'];
    const storage = await storageWith(
      { kind: 'morning' },
      days.map((day, i) => session(`s${i}`, `${day}T07:00:00Z`)),
    );
    await storage.settings.set(REMINDERS_ENABLED_KEY, true);
    await storage.settings.set('progress.showStreaks', false);
    const { api, notifier } = fakeNotifier('granted');

    await syncReminders(storage, api, { now: NOW, timeZone: LONDON });

    for (const { text } of notifier.pending.values())
      expect(text.body).not.toMatch(/in a row|days of calm/);
  });
});

describe('personalText', () => {
  it('adds the name to the title on the device, and nothing when there is none', () => {
    const base = { title: 'Time to breathe', body: 'Three slow minutes.' };
    expect(personalText(base, ' Ana ')).toEqual({ title: 'Time to breathe, Ana', body: base.body });
    expect(personalText(base, null)).toEqual(base);
    expect(personalText(base, '  ')).toEqual(base);
  });
});

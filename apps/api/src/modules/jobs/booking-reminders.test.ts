import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { accounts, bookings, pushTokens } from '../../db/schema';
import { demoPractitioner } from '../../db/seed/demo-practitioners';
import {
  startLocalExpoPushServer,
  type LocalExpoPushServer,
} from '../../lib/push/local-expo-push-server';
import type { PushSender } from '../../lib/push/push-sender';
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from '../../testing/databases';
import { seedDirectory } from '../../testing/marketplace';
import { sendBookingReminders } from './booking-reminders';
import { checkPushReceipts, PUSH_RECEIPTS_JOB, RECEIPTS_AFTER_MS } from './push-receipts';
import { bookingValues, MEMBER_ID, silentLog } from './jobs.test-support';
import { clockTime, zoneLabel } from './reminder-text';

const NOW = Date.parse('2025-06-02T06:00:00Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const demo = demoPractitioner(0);
const MEMBER_PHONE = 'ExponentPushToken[member-phone]';
const MEMBER_OLD_PHONE = 'ExponentPushToken[member-old-phone]';
const PRACTITIONER_PHONE = 'ExponentPushToken[practitioner-phone]';

// One Expo server for the file: the SDK reads its base URL once, when first imported.
let expo: LocalExpoPushServer;
let push: PushSender;

beforeAll(async () => {
  expo = await startLocalExpoPushServer();
  expo.deadTokens.add(MEMBER_OLD_PHONE);
  process.env.EXPO_BASE_URL = expo.baseUrl;
  const { createExpoPushSender } = await import('../../lib/push/expo-push-sender');
  push = createExpoPushSender({ timeoutMs: 2000 });
});
afterAll(async () => {
  delete process.env.EXPO_BASE_URL;
  await expo?.close();
});

describe.each(DATABASE_KINDS)('booking reminders by Expo push on %s', (kind) => {
  let store: TestDatabase;
  let clock = NOW;
  let deferred: { name: string; data: Record<string, unknown>; delayMs: number }[] = [];
  const ctx = () => ({
    db: store.db.db,
    push,
    log: silentLog,
    now: () => clock,
    defer: async (name: string, data: Record<string, unknown>, delayMs: number) => {
      deferred.push({ name, data, delayMs });
    },
  });

  const insertBooking = async (values: Parameters<typeof bookingValues>[0]) => {
    const [row] = await store.db.db
      .insert(bookings)
      .values(bookingValues(values))
      .returning({ id: bookings.id });
    return row!.id;
  };
  const remindersOf = async (id: string) =>
    (await store.db.db.select().from(bookings).where(eq(bookings.id, id)))[0]!.remindersSent;
  const sentFor = (id: string) => expo.messages.filter((message) => message.data?.bookingId === id);

  beforeAll(async () => {
    store = await openTestDatabase(kind);
    await seedDirectory(store.db.db, 1, NOW);
    await store.db.db.insert(accounts).values({ id: MEMBER_ID, displayName: 'Ana' });
    await store.db.db.insert(pushTokens).values([
      { token: MEMBER_PHONE, accountId: MEMBER_ID, platform: 'ios' },
      { token: MEMBER_OLD_PHONE, accountId: MEMBER_ID, platform: 'android' },
      { token: PRACTITIONER_PHONE, accountId: demo.account.id, platform: 'android' },
    ]);
  });
  afterAll(() => store?.dispose());
  beforeEach(() => {
    expo.messages.length = 0;
    deferred = [];
    clock = NOW;
  });

  let tomorrow: string;
  let soon: string;

  it('sends the 24 h and 1 h reminders once each to both people, in their own time', async () => {
    // Due for the 24 h reminder: starts in 23 h 30 min, at 07:30 in Paris.
    tomorrow = await insertBooking({
      start: NOW + 23 * HOUR + 30 * MINUTE,
      status: 'confirmed',
      memberTimeZone: 'Europe/Paris',
    });
    // Due for the 1 h reminder only: booked for 50 minutes from now.
    soon = await insertBooking({ start: NOW + 50 * MINUTE, status: 'confirmed' });
    const cancelled = await insertBooking({ start: NOW + 23 * HOUR, status: 'cancelled' });
    const held = await insertBooking({ start: NOW + 20 * HOUR, status: 'held' });
    const later = await insertBooking({ start: NOW + 30 * HOUR, status: 'confirmed' });

    const run = await sendBookingReminders(ctx());
    expect(run).toEqual({ reminded: 2, sent: 4, removedTokens: 1, failed: 0 });

    const start = NOW + 23 * HOUR + 30 * MINUTE;
    const practitionerAt = `${clockTime(start, demo.practitioner.timeZone)} (${zoneLabel(demo.practitioner.timeZone)})`;
    expect(sentFor(tomorrow)).toEqual([
      {
        to: PRACTITIONER_PHONE,
        title: 'Introductory session tomorrow',
        body: `Your session with Ana is tomorrow at ${practitionerAt}.`,
        data: { type: 'booking_reminder', bookingId: tomorrow, reminder: '24h' },
        sound: 'default',
        priority: 'high',
      },
      {
        to: MEMBER_PHONE,
        title: 'Introductory session tomorrow',
        body: `Your session with ${demo.practitioner.displayName} is tomorrow at 07:30 (Paris time).`,
        data: { type: 'booking_reminder', bookingId: tomorrow, reminder: '24h' },
        sound: 'default',
        priority: 'high',
      },
    ]);
    expect(sentFor(soon).map((message) => [message.to, message.title, message.body])).toEqual([
      [
        PRACTITIONER_PHONE,
        'Introductory session starts in 50 minutes',
        `Your session with Ana starts at ${clockTime(NOW + 50 * MINUTE, demo.practitioner.timeZone)} (${zoneLabel(demo.practitioner.timeZone)}). You can join from the booking a few minutes before.`,
      ],
      [
        MEMBER_PHONE,
        'Introductory session starts in 50 minutes',
        `Your session with ${demo.practitioner.displayName} starts at 06:50 (UTC). You can join from the booking a few minutes before.`,
      ],
    ]);
    for (const id of [cancelled, held, later]) expect(sentFor(id)).toEqual([]);

    // Expo answered DeviceNotRegistered for the old phone: its token is gone.
    const tokens = await store.db.db.select({ token: pushTokens.token }).from(pushTokens);
    expect(tokens.map((row) => row.token).sort()).toEqual([MEMBER_PHONE, PRACTITIONER_PHONE]);
    // The four accepted tickets are checked for receipts in 15 minutes.
    expect(deferred).toEqual([
      {
        name: PUSH_RECEIPTS_JOB,
        data: { tickets: expect.any(Array) },
        delayMs: RECEIPTS_AFTER_MS,
      },
    ]);
    expect(deferred[0]!.data.tickets).toHaveLength(4);
    expect(await remindersOf(tomorrow)).toEqual(['24h']);
    expect(await remindersOf(soon)).toEqual(['1h']);
    expect(await remindersOf(cancelled)).toEqual([]);

    // The next run sends nothing again.
    expect(await sendBookingReminders(ctx())).toMatchObject({ reminded: 0, sent: 0 });
    expect(expo.messages).toHaveLength(4);

    // 55 minutes before the first one's start, its 1 h reminder goes, once.
    clock = start - 55 * MINUTE;
    expect(await sendBookingReminders(ctx())).toMatchObject({ reminded: 1, sent: 2 });
    expect(await sendBookingReminders(ctx())).toMatchObject({ reminded: 0, sent: 0 });
    expect(sentFor(tomorrow).map((message) => message.data?.reminder)).toEqual([
      '24h',
      '24h',
      '1h',
      '1h',
    ]);
    expect(await remindersOf(tomorrow)).toEqual(['24h', '1h']);
  });

  it('sends a reminder once when two runs race for it', async () => {
    const id = await insertBooking({ start: NOW + 3 * 24 * HOUR, status: 'confirmed' });
    clock = NOW + 2 * 24 * HOUR + 30 * MINUTE;
    const runs = await Promise.all(Array.from({ length: 4 }, () => sendBookingReminders(ctx())));
    expect(runs.reduce((sum, run) => sum + run.reminded, 0)).toBe(1);
    expect(sentFor(id)).toHaveLength(2);
    expect(await remindersOf(id)).toEqual(['24h']);
  });

  it('gives the claim back when Expo fails, so the next run sends it', async () => {
    const id = await insertBooking({ start: NOW + 5 * 24 * HOUR, status: 'confirmed' });
    clock = NOW + 4 * 24 * HOUR + HOUR;
    expo.failNext(503);
    expect(await sendBookingReminders(ctx())).toMatchObject({ reminded: 0, failed: 1 });
    expect(await remindersOf(id)).toEqual([]);
    expect(sentFor(id)).toEqual([]);
    expect(await sendBookingReminders(ctx())).toMatchObject({ reminded: 1, sent: 2 });
    expect(await remindersOf(id)).toEqual(['24h']);
  });

  it('reminds nobody about a booking cancelled after it was due', async () => {
    const id = await insertBooking({ start: NOW + 7 * 24 * HOUR, status: 'confirmed' });
    await store.db.db.update(bookings).set({ status: 'cancelled' }).where(eq(bookings.id, id));
    clock = NOW + 6 * 24 * HOUR + HOUR;
    expect(await sendBookingReminders(ctx())).toMatchObject({ reminded: 0, sent: 0 });
    expect(sentFor(id)).toEqual([]);
  });

  it('deletes a token whose receipt says the device is gone, keeping the others', async () => {
    const GONE_PHONE = 'ExponentPushToken[member-gone-phone]';
    await store.db.db
      .insert(pushTokens)
      .values({ token: GONE_PHONE, accountId: MEMBER_ID, platform: 'ios' });
    expo.goneTokens.add(GONE_PHONE);
    const id = await insertBooking({ start: NOW + 9 * 24 * HOUR, status: 'confirmed' });
    clock = NOW + 8 * 24 * HOUR + HOUR;
    // Expo accepts all three messages; Apple rejects one later.
    expect(await sendBookingReminders(ctx())).toMatchObject({ sent: 3, removedTokens: 0 });
    expect(sentFor(id)).toHaveLength(3);
    const [check] = deferred;
    expect(check?.name).toBe(PUSH_RECEIPTS_JOB);

    expect(await checkPushReceipts(ctx(), check!.data)).toEqual({
      checked: 3,
      failed: 1,
      removedTokens: 1,
    });
    expect(expo.receiptRequests.at(-1)).toHaveLength(3);
    const tokens = await store.db.db.select({ token: pushTokens.token }).from(pushTokens);
    expect(tokens.map((row) => row.token).sort()).toEqual([MEMBER_PHONE, PRACTITIONER_PHONE]);
    // Checking the same receipts again changes nothing.
    expect(await checkPushReceipts(ctx(), check!.data)).toMatchObject({ removedTokens: 0 });
  });
});

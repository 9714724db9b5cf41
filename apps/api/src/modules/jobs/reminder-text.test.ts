import { describe, expect, it } from 'vitest';
import { dayPhrase, reminderText, timeLeft, zoneLabel } from './reminder-text';

const HOUR = 60 * 60_000;

describe('reminder words', () => {
  const session = { sessionTitle: 'Full session', withName: 'Maya Chen' };

  it('says the day and time on the recipient’s own clock', () => {
    const now = Date.parse('2025-06-02T20:00:00Z');
    const startsAt = now + 23 * HOUR; // 19:00 UTC on 3 June
    expect(
      reminderText({ ...session, kind: '24h', startsAt, now, timeZone: 'Europe/Paris' }),
    ).toEqual({
      title: 'Full session tomorrow',
      body: 'Your session with Maya Chen is tomorrow at 21:00 (Paris time).',
    });
    // In Tokyo it is already 05:00 on 3 June; the session is at 04:00 on 4 June.
    expect(
      reminderText({ ...session, kind: '24h', startsAt, now, timeZone: 'Asia/Tokyo' }).body,
    ).toBe('Your session with Maya Chen is tomorrow at 04:00 (Tokyo time).');
    // In Los Angeles it is 13:00 on 2 June and the session is at 12:00 on 3 June.
    expect(
      reminderText({ ...session, kind: '24h', startsAt, now, timeZone: 'America/Los_Angeles' })
        .body,
    ).toBe('Your session with Maya Chen is tomorrow at 12:00 (Los Angeles time).');
  });

  it('names the weekday when a short DST day puts the session two calendar days on', () => {
    // New York springs forward on Sunday 9 March 2025: that day has 23 hours.
    const now = Date.parse('2025-03-09T04:30:00Z'); // 23:30 on Saturday 8 March, EST
    const startsAt = now + 24 * HOUR; // 00:30 on Monday 10 March, EDT
    expect(dayPhrase(startsAt, now, 'America/New_York')).toBe('Monday 10 March');
    expect(
      reminderText({ ...session, kind: '24h', startsAt, now, timeZone: 'America/New_York' }),
    ).toEqual({
      title: 'Full session on Monday 10 March',
      body: 'Your session with Maya Chen is on Monday 10 March at 00:30 (New York time).',
    });
  });

  it('counts down the 1 h reminder and falls back to UTC for an unknown zone', () => {
    const now = Date.parse('2025-06-02T08:00:00Z');
    expect(
      reminderText({
        ...session,
        withName: null,
        kind: '1h',
        startsAt: now + HOUR,
        now,
        timeZone: 'Mars/Olympus',
      }),
    ).toEqual({
      title: 'Full session starts in 1 hour',
      body: 'Your session with a member starts at 09:00 (UTC). You can join from the booking a few minutes before.',
    });
    expect(timeLeft(now + 47 * 60_000, now)).toBe('in 45 minutes');
    expect(timeLeft(now + 60_000, now)).toBe('in 5 minutes');
    expect(zoneLabel('America/Argentina/Buenos_Aires')).toBe('Buenos Aires time');
    expect(zoneLabel('UTC')).toBe('UTC');
  });
});

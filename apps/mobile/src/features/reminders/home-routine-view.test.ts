import { bannerKind } from './home-routine-view';
import type { ReminderStatus } from './reminder-status';

const EIGHT = Date.parse('2026-11-25T08:00:00Z');

function status(overrides: Partial<ReminderStatus>): ReminderStatus {
  return {
    time: '08:00',
    preferred: { kind: 'morning' },
    enabled: true,
    permission: 'granted',
    practisedToday: false,
    scheduled: [],
    todayAtMs: EIGHT,
    timeZone: 'UTC',
    ...overrides,
  };
}

describe('bannerKind', () => {
  it('offers reminders to someone with a practice time who has not decided', () => {
    expect(bannerKind(status({ enabled: null }), EIGHT - 1)).toBe('offer');
    expect(bannerKind(status({ enabled: null, time: null }), EIGHT)).toBeNull();
  });

  it('reminds in the app once the time has come when notifications cannot', () => {
    for (const permission of ['denied', 'unsupported', 'undetermined'] as const) {
      expect(bannerKind(status({ permission }), EIGHT - 60_000)).toBeNull();
      expect(bannerKind(status({ permission }), EIGHT)).toBe('due');
    }
  });

  it('stays quiet when notifications work, the day is practised, or reminders are off', () => {
    expect(bannerKind(status({}), EIGHT + 60_000)).toBeNull();
    expect(
      bannerKind(status({ permission: 'denied', practisedToday: true }), EIGHT + 1),
    ).toBeNull();
    expect(bannerKind(status({ permission: 'denied', enabled: false }), EIGHT + 1)).toBeNull();
    expect(bannerKind(null, EIGHT)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import {
  isWithinCancellationWindow,
  joinWindow,
  platformFeeCents,
  refundForCancellation,
} from './policy';

const HOUR = 3_600_000;
const start = Date.parse('2025-06-10T10:00:00Z');

describe('refundForCancellation', () => {
  const terms = { start, cancellationWindowHours: 24, paidCents: 6000 };

  it('refunds a member in full up to the window before the start', () => {
    expect(
      refundForCancellation({ ...terms, cancelledBy: 'member', now: start - 24 * HOUR }),
    ).toEqual({ refundCents: 6000, reason: 'within_window' });
  });

  it('refunds a member nothing once inside the window', () => {
    expect(
      refundForCancellation({ ...terms, cancelledBy: 'member', now: start - 24 * HOUR + 1 }),
    ).toEqual({ refundCents: 0, reason: 'outside_window' });
  });

  it.each(['practitioner', 'admin'] as const)(
    'always refunds in full when the %s cancels',
    (by) => {
      expect(refundForCancellation({ ...terms, cancelledBy: by, now: start - HOUR })).toEqual({
        refundCents: 6000,
        reason: 'cancelled_by_practitioner',
      });
    },
  );

  it('follows each practitioner’s own window', () => {
    const now = start - 5 * HOUR;
    expect(isWithinCancellationWindow({ now, start, cancellationWindowHours: 4 })).toBe(true);
    expect(isWithinCancellationWindow({ now, start, cancellationWindowHours: 48 })).toBe(false);
  });
});

describe('joinWindow', () => {
  it('opens ten minutes before the start and closes at the end', () => {
    expect(joinWindow({ start, end: start + HOUR })).toEqual({
      opensAt: start - 10 * 60_000,
      closesAt: start + HOUR,
    });
  });
});

describe('platformFeeCents', () => {
  it.each([
    [6000, 1500, 900],
    [4999, 1000, 500],
    [0, 1500, 0],
  ])('%i cents at %i basis points is %i', (price, bps, fee) => {
    expect(platformFeeCents(price, bps)).toBe(fee);
  });
});

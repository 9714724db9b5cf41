import { describe, expect, it } from 'vitest';
import { sessionAt } from './progress-arbitraries';
import {
  RETENTION_POLICIES,
  retentionCutoff,
  sessionsToPrune,
  type RetentionPolicy,
} from './retention';

const DAY = 86_400_000;
const now = Date.parse('2025-06-30T12:00:00Z');

describe('sessionsToPrune', () => {
  const atCutoff30 = sessionAt(now - 30 * DAY, 'UTC');
  const justOlder30 = sessionAt(now - 30 * DAY - 1, 'UTC');
  const recent = sessionAt(now - DAY, 'UTC');
  const older1y = sessionAt(now - 366 * DAY, 'UTC');
  const sessions = [recent, atCutoff30, justOlder30, older1y];

  it('removes sessions that started more than 30 days ago under "30d"', () => {
    expect(sessionsToPrune(sessions, '30d', now)).toEqual([justOlder30.id, older1y.id]);
  });

  it('removes sessions that started more than 365 days ago under "1y"', () => {
    expect(sessionsToPrune(sessions, '1y', now)).toEqual([older1y.id]);
  });

  it('keeps everything under "forever"', () => {
    expect(sessionsToPrune(sessions, 'forever', now)).toEqual([]);
    expect(retentionCutoff('forever', now)).toBeNull();
  });

  it('compares instants, whatever offset startedAt was written with', () => {
    // 13:00+01:00 is exactly the 30-day cutoff (12:00Z); a millisecond earlier is older.
    const written = { id: 'offset', startedAt: '2025-05-31T13:00:00.000+01:00' };
    const older = { id: 'older', startedAt: '2025-05-31T12:59:59.999+01:00' };
    expect(sessionsToPrune([written, older], '30d', now)).toEqual(['older']);
  });

  it('refuses an unknown policy rather than deleting anything', () => {
    expect(RETENTION_POLICIES).toEqual(['30d', '1y', 'forever']);
    expect(() => sessionsToPrune(sessions, '7d' as RetentionPolicy, now)).toThrow(RangeError);
  });
});

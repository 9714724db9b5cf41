import { isCalendarDay } from '@exhale/core/progress';

import { isStoredCalendarDay } from './calendar-day';

describe('isStoredCalendarDay', () => {
  it.each([
    '2025-03-10',
    '2024-02-29',
    '2025-02-29',
    '2100-02-29',
    '2000-02-29',
    '2025-04-31',
    '2025-12-31',
    '2025-13-01',
    '2025-00-10',
    '2025-01-00',
    '25-01-01',
    '2025-1-1',
    '2025-01-01T00:00',
  ])('agrees with core on %s', (value) => {
    expect(isStoredCalendarDay(value)).toBe(isCalendarDay(value));
  });
});

import { describe, expect, it } from 'vitest';
import { timeOfDayForHour } from './time-of-day';

describe('timeOfDayForHour', () => {
  it('splits the day at 5, 12, 17 and 22', () => {
    const byHour = Array.from({ length: 24 }, (_, hour) => timeOfDayForHour(hour));
    expect(byHour).toEqual([
      ...Array<string>(5).fill('night'),
      ...Array<string>(7).fill('morning'),
      ...Array<string>(5).fill('afternoon'),
      ...Array<string>(5).fill('evening'),
      ...Array<string>(2).fill('night'),
    ]);
  });
});

import { instantMs } from './instant';

describe('instantMs', () => {
  it.each([
    ['2025-03-10T07:00:00Z', Date.UTC(2025, 2, 10, 7)],
    ['2025-03-10T08:00:00+01:00', Date.UTC(2025, 2, 10, 7)],
    ['2025-03-09T23:30:00-05:30', Date.UTC(2025, 2, 10, 5)],
    ['2025-03-10T07:00:00.5Z', Date.UTC(2025, 2, 10, 7, 0, 0, 500)],
    // Digits past the millisecond are dropped, not rounded.
    ['2025-03-10T07:00:00.123999+00:00', Date.UTC(2025, 2, 10, 7, 0, 0, 123)],
    ['2024-02-29T00:00:00+14:00', Date.UTC(2024, 1, 28, 10)],
  ])('reads %s as the instant it names', (iso, expected) => {
    expect(instantMs(iso)).toBe(expected);
  });

  it.each(['yesterday', '2025-03-10', '2025-03-10T07:00:00', '2025-03-10 07:00:00Z', ''])(
    'gives null for %j',
    (text) => {
      expect(instantMs(text)).toBeNull();
    },
  );
});

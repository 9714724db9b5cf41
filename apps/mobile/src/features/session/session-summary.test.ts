import { durationText, sessionDateText, sessionStatusText } from './session-summary';

describe('sessionStatusText', () => {
  it('says Completed for a full session', () => {
    expect(sessionStatusText({ status: 'completed', breathsCompleted: 18, totalBreaths: 18 })).toBe(
      'Completed',
    );
  });

  it('counts the breaths of a session ended early', () => {
    expect(sessionStatusText({ status: 'partial', breathsCompleted: 7, totalBreaths: 18 })).toBe(
      'Ended early · 7 of 18 breaths',
    );
  });
});

describe('durationText', () => {
  it.each([
    [180_000, '3 minutes'],
    [60_000, '1 minute'],
    [72_000, '1 minute 12 seconds'],
    [121_000, '2 minutes 1 second'],
    [8_000, '8 seconds'],
    [400, '0 seconds'],
  ])('%i ms → %s', (ms, text) => {
    expect(durationText(ms)).toBe(text);
  });
});

describe('sessionDateText', () => {
  it("uses the session's own time zone", () => {
    const startedAt = '2026-07-01T23:30:00.000Z';
    expect(sessionDateText({ startedAt, timeZone: 'UTC' })).toMatch(/Wed/);
    expect(sessionDateText({ startedAt, timeZone: 'Asia/Tokyo' })).toMatch(/Thu/);
  });

  it('falls back to the device zone for a zone this runtime does not know', () => {
    expect(() =>
      sessionDateText({ startedAt: '2026-07-01T12:00:00.000Z', timeZone: 'Mars/Olympus_Mons' }),
    ).not.toThrow();
  });
});

import { dayText, durationMinutesText, monthText, plural, shortDayText } from './format';

describe('progress wording', () => {
  it('writes calendar days from their digits, whatever the device zone', () => {
    expect(dayText('2026-11-25')).toBe('25 Nov 2026');
    expect(shortDayText('2026-01-05')).toBe('5 Jan');
    expect(monthText('2026-02')).toBe('February 2026');
  });

  it('counts in words, and keeps long totals short', () => {
    expect(plural(1, 'session')).toBe('1 session');
    expect(plural(0, 'day')).toBe('0 days');
    expect(durationMinutesText(3)).toBe('3 minutes');
    expect(durationMinutesText(119)).toBe('119 minutes');
    expect(durationMinutesText(185)).toBe('3 h 5 min');
    expect(durationMinutesText(15_697)).toBe('262 hours');
  });
});

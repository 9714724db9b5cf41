import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatClockTime, parseClockTime } from './parse-time';

describe('parseClockTime', () => {
  it.each([
    ['7am', '07:00'],
    ['7 am', '07:00'],
    ['7 a.m.', '07:00'],
    ['7pm', '19:00'],
    ['7:30pm', '19:30'],
    ['7.30 pm', '19:30'],
    ['730pm', '19:30'],
    ['19:30', '19:30'],
    ['19h30', '19:30'],
    ['1930', '19:30'],
    ['07:15', '07:15'],
    ['0715', '07:15'],
    ['12:30', '12:30'],
    ['12 am', '00:00'],
    ['12pm', '12:00'],
    ['noon', '12:00'],
    ['midday', '12:00'],
    ['midnight', '00:00'],
    ['00:30', '00:30'],
    ['half past seven in the evening', '19:30'],
    ['half past seven in the morning', '07:30'],
    ['quarter past six', '18:15'],
    ['quarter to eight', '07:45'],
    ['quarter to one', '12:45'],
    ['twenty past nine at night', '21:20'],
    ['10 to 7 in the morning', '06:50'],
    ["seven o'clock", '07:00'],
    ['around 9 before bed', '21:00'],
    ['I wake up at 6', '06:00'],
    ['at 10', '10:00'],
    ['at 3', '15:00'],
    ['7', '07:00'],
    ['7 in the evening', '19:00'],
    ['Seven!', '07:00'],
    ['12 at night', '00:00'],
  ])('reads %j as %s', (text, expected) => {
    expect(parseClockTime(text)).toBe(expected);
  });

  it('reads an hour without am or pm as evening when asked to', () => {
    expect(parseClockTime('at 9', { preferEvening: true })).toBe('21:00');
    expect(parseClockTime('9', { preferEvening: true })).toBe('21:00');
    // Explicit words still win.
    expect(parseClockTime('9am', { preferEvening: true })).toBe('09:00');
    expect(parseClockTime('9 in the morning', { preferEvening: true })).toBe('09:00');
    expect(parseClockTime('07:00', { preferEvening: true })).toBe('07:00');
    expect(parseClockTime('10:00', { preferEvening: true })).toBe('10:00');
    expect(parseClockTime('9:30', { preferEvening: true })).toBe('21:30');
  });

  it.each([
    '',
    'morning',
    'whenever',
    "I'd like one in the morning",
    'about 5 minutes',
    'for 3 breaths',
    '25:00',
    '7:75',
    '99pm',
    'one or more',
  ])('finds no time in %j', (text) => {
    expect(parseClockTime(text)).toBeNull();
  });
});

describe('formatClockTime', () => {
  it.each([
    ['00:00', '12:00 am'],
    ['00:15', '12:15 am'],
    ['07:05', '7:05 am'],
    ['12:00', '12:00 pm'],
    ['19:30', '7:30 pm'],
    ['23:59', '11:59 pm'],
  ])('shows %s as %s', (time, shown) => {
    expect(formatClockTime(time)).toBe(shown);
  });

  it('round-trips: every time, shown to the person, reads back as itself', () => {
    const time = fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
      .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
    fc.assert(
      fc.property(time, fc.boolean(), (t, preferEvening) => {
        expect(parseClockTime(t, { preferEvening })).toBe(t);
        expect(parseClockTime(formatClockTime(t), { preferEvening })).toBe(t);
      }),
    );
  });
});

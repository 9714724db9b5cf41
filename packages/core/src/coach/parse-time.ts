import { normalise } from './text';

export interface ClockTimeOptions {
  /** Read an hour with no am/pm ("at 9") as evening, e.g. for someone practising for sleep. */
  preferEvening?: boolean;
}

const NUMBER_WORDS: readonly [RegExp, string][] = [
  [/\btwenty[- ]five\b/g, '25'],
  [/\bforty[- ]five\b/g, '45'],
  [/\btwenty\b/g, '20'],
  [/\bthirty\b/g, '30'],
  [/\bfifteen\b/g, '15'],
  [/\beleven\b/g, '11'],
  [/\btwelve\b/g, '12'],
  [/\bten\b/g, '10'],
  [/\bnine\b/g, '9'],
  [/\beight\b/g, '8'],
  [/\bseven\b/g, '7'],
  [/\bsix\b/g, '6'],
  [/\bfive\b/g, '5'],
  [/\bfour\b/g, '4'],
  [/\bthree\b/g, '3'],
  [/\btwo\b/g, '2'],
  [/\bone\b/g, '1'],
];

type Meridiem = 'am' | 'pm';

interface Reading {
  hour: number;
  minute: number;
  meridiem?: Meridiem;
  /** "07:30", "10:00": a two-digit hour reads as a 24-hour clock, so no am/pm is guessed. */
  exact?: boolean;
}

function toMeridiem(text: string | undefined): Meridiem | undefined {
  return text === 'am' || text === 'pm' ? text : undefined;
}

// Each reader recognises one way of saying a time, tried in order.
const READERS: readonly ((text: string) => Reading | null)[] = [
  (text) => {
    const m = /\b(half|quarter) past (\d{1,2})\b/.exec(text);
    return m ? { hour: Number(m[2]), minute: m[1] === 'half' ? 30 : 15 } : null;
  },
  (text) => {
    const m = /\bquarter to (\d{1,2})\b/.exec(text);
    if (!m) return null;
    const hour = Number(m[1]);
    return { hour: hour === 1 ? 12 : hour === 0 ? 23 : hour - 1, minute: 45 };
  },
  (text) => {
    const m = /\b(\d{1,2}) (?:minutes )?(past|to) (\d{1,2})\b/.exec(text);
    if (!m) return null;
    const minutes = Number(m[1]);
    const hour = Number(m[3]);
    // Only the minutes people say this way: "7 to 8" is a range, not 7:53.
    if (![5, 10, 15, 20, 25, 30].includes(minutes)) return null;
    if (m[2] === 'past') return { hour, minute: minutes };
    return { hour: hour === 1 ? 12 : hour - 1, minute: 60 - minutes };
  },
  (text) => {
    const m = /\b(\d{1,2}) ?[:.h] ?(\d{2}) ?(am|pm)?(?!\d)/.exec(text);
    if (!m || m[1] === undefined) return null;
    return {
      hour: Number(m[1]),
      minute: Number(m[2]),
      meridiem: toMeridiem(m[3]),
      exact: m[1].length === 2,
    };
  },
  (text) => {
    const m = /\b(\d{1,2})(\d{2}) ?(am|pm)\b/.exec(text);
    return m ? { hour: Number(m[1]), minute: Number(m[2]), meridiem: toMeridiem(m[3]) } : null;
  },
  (text) => {
    const m = /\b([01]\d|2[0-3])([0-5]\d)\b/.exec(text);
    return m ? { hour: Number(m[1]), minute: Number(m[2]), exact: true } : null;
  },
  (text) => {
    const m = /\b(\d{1,2}) ?(am|pm|oclock)\b/.exec(text);
    return m ? { hour: Number(m[1]), minute: 0, meridiem: toMeridiem(m[2]) } : null;
  },
  // A bare number is a time only after a word like "at", or as the whole answer
  // ("7", "7 in the evening"): "one in the morning would be nice" is not 1 am.
  (text) => {
    const m =
      /\b(?:at|around|about|by|from|until|till) (\d{1,2})\b(?! ?(?:minutes?|mins?|breaths?|days?|times?))/.exec(
        text,
      );
    return m ? { hour: Number(m[1]), minute: 0 } : null;
  },
  (text) => {
    const m =
      /^(?:at |around |about )?(\d{1,2})(?: in the (?:morning|afternoon|evening)| at night| tonight)?[.!]*$/.exec(
        text,
      );
    return m ? { hour: Number(m[1]), minute: 0 } : null;
  },
];

function contextMeridiem(text: string): Meridiem | undefined {
  if (/\b(?:mornings?|wake|waking|breakfast)\b/.test(text)) return 'am';
  if (/\b(?:afternoons?|evenings?|nights?|tonight|bed|bedtime|after work|dinner)\b/.test(text)) {
    return 'pm';
  }
  return undefined;
}

function to24Hour(reading: Reading, text: string, options: ClockTimeOptions): number | null {
  const { hour } = reading;
  if (hour > 23) return null;
  if (hour === 0 || hour >= 13) return hour;
  const meridiem = reading.meridiem ?? contextMeridiem(text);
  if (meridiem === 'am') return hour === 12 ? 0 : hour;
  if (meridiem === 'pm') return hour === 12 ? (/\bnight\b/.test(text) ? 0 : 12) : hour + 12;
  if (reading.exact) return hour;
  if (options.preferEvening) return hour === 12 ? 12 : hour + 12;
  // No clue either way: the hours people most often mean for a short daily practice.
  return hour >= 7 ? hour : hour + 12;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/**
 * The 24-hour "HH:MM" a person means by "7am", "19:30", "7.30 pm", "half past seven in the
 * evening", "quarter to eight", "noon" …, or null when the text names no time of day.
 */
export function parseClockTime(text: string, options: ClockTimeOptions = {}): string | null {
  const flat = NUMBER_WORDS.reduce(
    (result, [word, digits]) => result.replace(word, digits),
    normalise(text)
      .replace(/\b([ap])\.m\.?/g, '$1m')
      .replace(/\bo'?clock\b/g, 'oclock')
      .replace(/\b(?:noon|midday)\b/g, '12:00 pm')
      .replace(/\bmidnight\b/g, '00:00'),
  );
  for (const read of READERS) {
    const reading = read(flat);
    if (reading === null) continue;
    const hour = to24Hour(reading, flat, options);
    if (hour === null || reading.minute > 59) return null;
    return `${pad(hour)}:${pad(reading.minute)}`;
  }
  return null;
}

/** "19:30" → "7:30 pm", for the coach to read a time back. */
export function formatClockTime(time: string): string {
  const [hourText = '0', minuteText = '00'] = time.split(':');
  const hour = Number(hourText);
  const hour12 = hour % 12 === 0 ? 12 : hour % 12;
  return `${hour12}:${minuteText} ${hour < 12 ? 'am' : 'pm'}`;
}

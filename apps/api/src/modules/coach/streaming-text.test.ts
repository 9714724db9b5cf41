import { describe, expect, it } from 'vitest';
import { jsonStringFieldReader, sentenceGate, wordChunks } from './streaming-text';

function feed(field: string, chunks: string[]) {
  const reader = jsonStringFieldReader(field);
  const out = chunks.map((chunk) => reader.push(chunk));
  return { out, text: out.join(''), complete: reader.complete };
}

describe('jsonStringFieldReader', () => {
  const json = JSON.stringify({
    step: 'goal',
    reply: 'Lovely, {{name}}. "Slow" breathing —\nnext: what brings you here? 🌊 \\o/',
    profile: { experience: 'beginner' },
  });

  it.each([1, 2, 3, 7, json.length])(
    'decodes the field exactly whatever the chunk size (%i)',
    (size) => {
      const chunks = json.match(new RegExp(`[\\s\\S]{1,${size}}`, 'g')) ?? [];
      const { text, complete } = feed('reply', chunks);
      expect(text).toBe(JSON.parse(json).reply);
      expect(complete).toBe(true);
    },
  );

  it('waits for a split escape sequence instead of guessing', () => {
    const { out } = feed('text', ['{"text": "a\\', 'u00e9b\\', 'n"}']);
    expect(out).toEqual(['a', 'éb', '\n']);
  });

  it('ignores the field name when it appears escaped inside another string', () => {
    const raw = '{"note": "say \\"reply\\": \\"gotcha\\"", "reply": "real"}';
    expect(feed('reply', [raw]).text).toBe('real');
  });

  it('reads nothing when the field never comes', () => {
    expect(feed('reply', ['{"text": "hello"}'])).toEqual({ out: [''], text: '', complete: false });
  });
});

describe('sentenceGate', () => {
  const noCure = (text: string) => !/\bcure/i.test(text);

  it('releases whole sentences only, and the rest at the end', () => {
    const gate = sentenceGate(() => true);
    expect(gate.push('Breathe in. Breathe')).toBe('Breathe in.');
    expect(gate.push(' out')).toBe('');
    expect(gate.push('! Good')).toBe(' Breathe out!');
    expect(gate.finish()).toBe(' Good');
  });

  it('does not split at a decimal point or a web address', () => {
    const gate = sentenceGate(() => true);
    expect(gate.push('Try 5.5 seconds at findahelpline.com')).toBe('');
    expect(gate.push(' now. ')).toBe('Try 5.5 seconds at findahelpline.com now.');
  });

  it('stops releasing anything once the text so far is unsafe', () => {
    const gate = sentenceGate(noCure);
    expect(gate.push('You did well. This will cure ')).toBe('You did well.');
    expect(gate.push('everything. And more. ')).toBe('');
    expect(gate.blocked).toBe(true);
    expect(gate.finish()).toBe('');
  });
});

describe('wordChunks', () => {
  it('splits into words that join back into the text', () => {
    const text = 'Hi {{name}}, how  are you?\nGood.';
    expect(wordChunks(text)).toEqual(['Hi ', '{{name}}, ', 'how  ', 'are ', 'you?\n', 'Good.']);
    expect(wordChunks(text).join('')).toBe(text);
  });
});

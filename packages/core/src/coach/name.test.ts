import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NAME_PLACEHOLDER } from './contracts';
import { MAX_NAME_LENGTH, extractName, fillName, redactName } from './name';

describe('fillName with a name', () => {
  it('fills every placeholder, tolerating the spacing and case models use', () => {
    expect(fillName('Hi {{name}}! Ready, {{ name }}? {{NAME}}.', 'Sam')).toBe(
      'Hi Sam! Ready, Sam? Sam.',
    );
  });

  it('inserts the name literally, even when it looks like a replacement pattern', () => {
    expect(fillName('Welcome, {{name}}.', "$& $1 $'")).toBe("Welcome, $& $1 $'.");
  });

  it('trims the name and leaves text without a placeholder untouched', () => {
    expect(fillName('Welcome, {{name}}.', '  Sam ')).toBe('Welcome, Sam.');
    expect(fillName('  Breathe in , slowly  ', 'Sam')).toBe('  Breathe in , slowly  ');
  });
});

describe('fillName without a name', () => {
  it.each([
    ['Hi {{name}}!', 'Hi there!'],
    ['Hello {{name}}, welcome.', 'Hello there, welcome.'],
    ['Lovely to meet you, {{name}}.', 'Lovely to meet you.'],
    ['Ready, {{name}}?', 'Ready?'],
    ['Well done, {{name}}: this is how a habit begins.', 'Well done: this is how a habit begins.'],
    ['Good work, {{name}}, and welcome back.', 'Good work, and welcome back.'],
    ['{{name}}, how are you?', 'How are you?'],
    ['Nice. {{name}}, ready?', 'Nice. Ready?'],
    ["I'm glad you're here {{name}}.", "I'm glad you're here."],
    ['Thanks, {{ Name }}', 'Thanks'],
  ])('rewords %j as %j', (text, expected) => {
    expect(fillName(text, null)).toBe(expected);
    expect(fillName(text, '   ')).toBe(expected);
    expect(fillName(text, undefined)).toBe(expected);
  });
});

describe('extractName', () => {
  it.each([
    ['Sam', 'Sam'],
    ['  sam  ', 'Sam'],
    ["I'm Sam", 'Sam'],
    ['I’m Sam', 'Sam'],
    ['im sam', 'Sam'],
    ['call me Alex', 'Alex'],
    ['You can call me alex please', 'Alex'],
    ['My name is Sam Smith.', 'Sam Smith'],
    ["my name's jo", 'Jo'],
    ["Hi! I'm Sam, nice to meet you", 'Sam'],
    ['hello, it’s Priya', 'Priya'],
    ['Sam here', 'Sam'],
    ["I'm Sam and I'm new to this", 'Sam'],
    ['SAM', 'Sam'],
    ['mary-jane', 'Mary-Jane'],
    ["o'brien", "O'Brien"],
    ['DeShawn', 'DeShawn'],
    ['josé', 'José'],
    ['Zoë', 'Zoë'],
    ['李明', '李明'],
    ['this is Ana Lucia', 'Ana Lucia'],
    ['HIØRDIS', 'Hiørdis'],
    ['ßara', 'ßara'],
    ['Hiro', 'Hiro'],
    ['hey, Heyden here', 'Heyden'],
  ])('reads %j as %j', (text, expected) => {
    expect(extractName(text)).toBe(expected);
  });

  it.each([
    '',
    '   ',
    'hi',
    'Hello there',
    'no',
    'skip',
    "I'd rather not say",
    "I'm new",
    "I'm stressed",
    'I am not telling you',
    'what is this app for',
    'Sam123',
    'R2-D2',
    '{{name}}',
    '@sam',
    'a'.repeat(MAX_NAME_LENGTH + 1),
  ])('rejects %j', (text) => {
    expect(extractName(text)).toBeNull();
  });

  it('accepts a name of exactly the maximum length', () => {
    const name = 'A' + 'b'.repeat(MAX_NAME_LENGTH - 1);
    expect(extractName(name)).toBe(name);
  });
});

describe('redactName', () => {
  it('replaces the name and its parts, whatever the case, as whole words only', () => {
    expect(redactName("I'm Sam", 'Sam')).toBe(`I'm ${NAME_PLACEHOLDER}`);
    expect(redactName('call me SAM, sam is fine', 'Sam')).toBe(
      `call me ${NAME_PLACEHOLDER}, ${NAME_PLACEHOLDER} is fine`,
    );
    expect(redactName('Samantha and Sam', 'Sam')).toBe(`Samantha and ${NAME_PLACEHOLDER}`);
    expect(redactName('Mary Ann here, Mary to friends', 'Mary Ann')).toBe(
      `${NAME_PLACEHOLDER} here, ${NAME_PLACEHOLDER} to friends`,
    );
  });

  it('treats the name literally, not as a pattern', () => {
    expect(redactName('I am J.R. and JXR', 'J.R.')).toBe(`I am ${NAME_PLACEHOLDER} and JXR`);
  });

  it('leaves the text alone without a name', () => {
    expect(redactName("I'm Sam", null)).toBe("I'm Sam");
    expect(redactName("I'm Sam", '  ')).toBe("I'm Sam");
  });

  it('leaves no trace of any extracted name', () => {
    const name = fc.stringMatching(/^[A-Za-zÀ-ÖØ-öø-ÿ]{2,12}$/);
    const phrasing = fc.constantFrom(
      (n: string) => `I'm ${n}`,
      (n: string) => `call me ${n}!`,
      (n: string) => n,
    );
    fc.assert(
      fc.property(name, phrasing, (raw, say) => {
        const text = say(raw);
        const extracted = extractName(text);
        fc.pre(extracted !== null);
        const redacted = redactName(text, extracted);
        const asWord = new RegExp(`(?<![\\p{L}\\p{M}])${raw}(?![\\p{L}\\p{M}])`, 'iu');
        expect(redacted.replaceAll(NAME_PLACEHOLDER, ' ')).not.toMatch(asWord);
        expect(redacted).toContain(NAME_PLACEHOLDER);
      }),
    );
  });
});

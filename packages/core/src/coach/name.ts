import { NAME_PLACEHOLDER } from './contracts';
import { capitaliseFirst, escapeRegExp } from './text';

export const MAX_NAME_LENGTH = 40;

// Models echo the placeholder with stray spaces or capitals; all of these are filled.
const PLACEHOLDER = '\\{\\{\\s*name\\s*\\}\\}';
const HAS_PLACEHOLDER = new RegExp(PLACEHOLDER, 'i');
const ANY_PLACEHOLDER = new RegExp(PLACEHOLDER, 'gi');
const GREETING_THEN_PLACEHOLDER = new RegExp(`\\b(hi|hello|hey|hiya)\\s+${PLACEHOLDER}`, 'gi');
const COMMA_PLACEHOLDER = new RegExp(`\\s*,\\s*${PLACEHOLDER}(?=\\s*(?:[.!?,;:…]|$))`, 'gi');
const LEADING_PLACEHOLDER = new RegExp(`(^|[.!?…]\\s+)${PLACEHOLDER}\\s*,\\s*(\\p{L})`, 'giu');

/**
 * Fills the name placeholder in coach text on the device. Without a name the sentence is
 * reworded so it still reads naturally: "Hi {{name}}!" → "Hi there!", "Welcome, {{name}}."
 * → "Welcome.", "{{name}}, ready?" → "Ready?".
 */
export function fillName(text: string, name: string | null | undefined): string {
  if (!HAS_PLACEHOLDER.test(text)) return text;
  const known = name?.trim();
  // A replacer function, so a name such as "$&" is inserted literally.
  if (known) return text.replace(ANY_PLACEHOLDER, () => known);
  return text
    .replace(GREETING_THEN_PLACEHOLDER, (_match, greeting: string) => `${greeting} there`)
    .replace(COMMA_PLACEHOLDER, '')
    .replace(
      LEADING_PLACEHOLDER,
      (_match, before: string, letter: string) => `${before}${letter.toUpperCase()}`,
    )
    .replace(ANY_PLACEHOLDER, '')
    .replace(/ {2,}/g, ' ')
    .replace(/ +([.!?,;:…])/g, '$1')
    .trim()
    .replace(/^\p{Ll}/u, (letter) => letter.toUpperCase());
}

// "Hi, I'm Sam", "my name is Sam", "call me Sam", "it's Sam", "Sam here" … A greeting
// ends where letters do (not at \b, which is ASCII-only: "HIØRDIS" is not "hi" + "ØRDIS").
const INTRODUCTION =
  /^(?:(?:hi|hello|hey|hiya|greetings|good\s+(?:morning|afternoon|evening))(?![\p{L}\p{M}])[\s,!.]*)?(?:(?:my\s+name\s+is|my\s+name's|the\s+name's|the\s+name\s+is|name's|i\s+am|i'm|im|you\s+can\s+call\s+me|call\s+me|it's|it\s+is|this\s+is)\s+)?(.*)$/iu;
// Where the name ends: punctuation ending a clause, or the sentence going on.
const NAME_END =
  /[,!?;:()]|\.(?=\s|$)|\s+(?:and|but|here|btw|though|please|thanks|thank\s+you)\b/iu;
const NAME_SHAPE = /^[\p{L}\p{M}][\p{L}\p{M}'’.-]*(?: [\p{L}\p{M}][\p{L}\p{M}'’.-]*){0,2}$/u;
// Answers that fit the shape of a name but are not one ("I'm new", "no", "skip").
const NOT_A_NAME = new Set([
  'a',
  'an',
  'the',
  'i',
  'me',
  'my',
  'hi',
  'hello',
  'hey',
  'yes',
  'yeah',
  'no',
  'nope',
  'nah',
  'ok',
  'okay',
  'sure',
  'skip',
  'none',
  'nothing',
  'nobody',
  'anonymous',
  'rather',
  'prefer',
  'not',
  'just',
  'so',
  'um',
  'well',
  'new',
  'here',
  'there',
  'fine',
  'good',
  'great',
  'tired',
  'stressed',
  'anxious',
  'sleepy',
  'ready',
  'beginner',
  'pregnant',
]);

function capitaliseWord(word: string): string {
  // Mixed case is the person's own spelling (DeShawn, McKay): kept as typed.
  if (word !== word.toLowerCase() && word !== word.toUpperCase()) return word;
  return word
    .toLowerCase()
    .split(/(['’-])/)
    .map(capitaliseFirst)
    .join('');
}

/**
 * The name in an answer to "what should I call you?", tidied for display ("i'm sam" →
 * "Sam", "call me mary-jane" → "Mary-Jane"), or null when the answer is not a usable name.
 * Runs on the device only: the name is stored there and never sent.
 */
export function extractName(text: string): string | null {
  const flat = text.normalize('NFKC').replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim();
  const rest = INTRODUCTION.exec(flat)?.[1] ?? '';
  const candidate = (rest.split(NAME_END)[0] ?? '').trim().replace(/\.$/, '');
  if (candidate === '' || candidate.length > MAX_NAME_LENGTH) return null;
  if (!NAME_SHAPE.test(candidate)) return null;
  const firstWord = candidate.split(' ')[0]?.toLowerCase() ?? '';
  if (NOT_A_NAME.has(firstWord)) return null;
  return candidate.split(' ').map(capitaliseWord).join(' ');
}

/**
 * The text with the name (and each part of it) replaced by the placeholder, for chat
 * history that is about to be sent: "I'm Sam" → "I'm {{name}}".
 */
export function redactName(text: string, name: string | null | undefined): string {
  const parts = (name ?? '')
    .trim()
    .split(/\s+/)
    .filter((part) => part.length >= 2);
  const full = name?.trim() ?? '';
  // Longest first, so "Mary Ann" is replaced whole before "Mary" alone.
  const candidates = [...new Set([full, ...parts])]
    .filter((candidate) => candidate.length > 0)
    .sort((a, b) => b.length - a.length);
  return candidates.reduce(
    (redacted, candidate) =>
      redacted.replace(
        new RegExp(`(?<![\\p{L}\\p{M}])${escapeRegExp(candidate)}(?![\\p{L}\\p{M}])`, 'giu'),
        () => NAME_PLACEHOLDER,
      ),
    text,
  );
}

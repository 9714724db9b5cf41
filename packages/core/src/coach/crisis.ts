import { pick, type Choices, type Random } from './random';
import { normalise } from './text';

// Self-harm and suicide, said directly or in common paraphrase. Idioms such as "dying to
// try this", "my back is killing me" or "I could kill for a coffee" match none of these.
// When a phrase is ambiguous the pattern errs towards offering help: a kind message shown
// by mistake costs little, a missed one could cost a great deal.
const CRISIS_PATTERNS: readonly RegExp[] = [
  /\bsuicid(?:e|al|ality)\b/,
  /\b(?:kill|killing|hurt|hurting|harm|harming|cut|cutting|injure|injuring|unalive|unaliving|end|ending)\s+my ?self\b/,
  /\bself[- ]?harm/,
  /\b(?:end|ending|take|taking)\s+my\s+(?:own\s+)?life\b/,
  /\bend(?:ing)?\s+it\s+all\b/,
  /\b(?:thinking|thoughts?|think)\s+(?:about|of)\s+(?:dying|death|ending\s+it)\b/,
  /\b(?:want|wanted|wanting|wanna|wish|wishing|ready)\s+(?:to\s+)?die\b/,
  /\bwish\s+(?:i\s+)?(?:was|were|could\s+be)\s+dead\b/,
  /\bbetter\s+off\s+(?:dead|without\s+me)\b/,
  /\bdon'?t\s+want\s+to\s+(?:live|be\s+alive|exist|be\s+here\s+any\s?more)\b/,
  /\bdon'?t\s+want\s+to\s+wake\s+up\b(?!\s+(?:early|at|before|so|too))/,
  /\bno\s+(?:reason|point)\s+(?:to|in)\s+(?:live|living|going\s+on)\b/,
  /\b(?:not|isn'?t|is\s+not|no\s+longer)\s+worth\s+living\b/,
  /\bcan'?t\s+(?:go\s+on|keep\s+going)\s+(?:any\s?more|like\s+this|living)\b/,
  /\bcan'?t\s+go\s+on\s*[.!]*$/,
  /\boverdos(?:e|ed|ing)\b/,
  /\bkms\b/,
];

/** True when the text speaks of suicide or self-harm; the coach then stops coaching. */
export function detectCrisis(text: string): boolean {
  const flat = normalise(text);
  return CRISIS_PATTERNS.some((pattern) => pattern.test(flat));
}

/** Where to find help; fixed wording so the numbers are never garbled by variation. */
export const CRISIS_RESOURCES =
  'If you are in danger or might act on these thoughts, please call your local emergency number now. ' +
  'In the US, call or text 988. In the UK and Ireland, call Samaritans on 116 123. ' +
  'Anywhere else, findahelpline.com lists free, confidential helplines.';

const OPENINGS: Choices<string> = [
  "I'm really sorry you're feeling this way, and I'm glad you told me.",
  "Thank you for telling me. I'm so sorry things feel this hard right now.",
  "I'm really sorry you're going through this. What you're feeling matters.",
];

const LIMITS: Choices<string> = [
  "This app can't help with this, but people can, right now.",
  "Breathing exercises aren't the right help for this, but there are people who can help today.",
  "I'm not able to help with this here, but someone can, right away.",
];

const CLOSINGS: Choices<string> = [
  "You don't have to go through this alone.",
  'Reaching out is a brave step, and you deserve support.',
  'Please reach out to someone now; you deserve support.',
];

/** A kind reply to crisis language: where to find help, and no coaching. */
export function crisisMessage(random: Random = Math.random): string {
  return [
    pick(OPENINGS, random),
    pick(LIMITS, random),
    CRISIS_RESOURCES,
    pick(CLOSINGS, random),
  ].join(' ');
}

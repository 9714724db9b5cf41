import { classify, rules } from './classify';
import {
  SAFETY_CONDITIONS,
  type Experience,
  type Goal,
  type PreferredTime,
  type SafetyCondition,
} from './contracts';
import { parseClockTime } from './parse-time';
import { normalise } from './text';

// Chip values ("beginner", "sleep", "none", "pregnancy" …) are matched by the same rules
// as free text, so a chip is just a reliable way of typing an answer.

const EXPERIENCE_RULES = [
  ...rules<Experience>('beginner', [
    /\bbeginner\b/,
    /\bnever\b/,
    /\bnew\b/,
    /\bfirst time\b/,
    /\bno experience\b/,
    /\bnot really\b/,
    /\bnot at all\b/,
    /\bhaven't\b/,
    /\bnovice\b/,
  ]),
  ...rules<Experience>('beginner', [/^(?:no|nope|nah)\b/], true),
  ...rules<Experience>('some', [
    /\bsome\b/,
    /\ba (?:little|bit)\b/,
    /\bfew times\b/,
    /\bonce or twice\b/,
    /\b(?:tried|dabbled)\b/,
    /\bsometimes\b/,
    /\boccasional(?:ly)?\b/,
    /\bnow and (?:then|again)\b/,
    /\bhere and there\b/,
    /\bnot (?:very )?(?:often|regularly|much)\b/,
    /\bintermediate\b/,
  ]),
  ...rules<Experience>('some', [/^(?:yes|yeah|yep|yup|sure)\b/, /\byoga\b/], true),
  ...rules<Experience>('regular', [
    /\bregular(?:ly)?\b/,
    /\bdaily\b/,
    /\bevery (?:day|morning|night|week)\b/,
    /\bmost days\b/,
    /\b(?:often|lots|a lot|all the time)\b/,
    /\bexperienced\b/,
    /\b(?:expert|advanced)\b/,
    /\byears\b/,
    /\b(?:teacher|instructor)\b/,
  ]),
];

export function parseExperience(text: string): Experience | null {
  return classify(text, EXPERIENCE_RULES);
}

const GOAL_RULES = [
  ...rules<Goal>('stress', [
    /\bstress(?:ed|ful)?\b/,
    /\banxi(?:ety|ous)\b/,
    /\bworr(?:y|ied|ies|ying)\b/,
    /\boverwhelm(?:ed|ing)?\b/,
    /\bpanick?(?:y|ing)?\b/,
    /\bnervous\b/,
    /\btens(?:e|ion)\b/,
    /\bburn(?:ed|t)? ?out\b/,
    /\bon edge\b/,
    /(?<!blood )\bpressure\b/,
  ]),
  ...rules<Goal>('stress', [/\bcalm(?:er)?\b/, /\brelax(?:ed|ing)?\b/, /\bpeace\b/], true),
  ...rules<Goal>('sleep', [/\bsleep(?:ing|less)?\b/, /\binsomnia\b/, /\basleep\b/]),
  ...rules<Goal>('sleep', [/\bbed(?:time)?\b/, /\bnights?\b/, /\bwind down\b/, /\bunwind\b/], true),
  ...rules<Goal>('focus', [
    /\bfocus(?:ed|ing)?\b/,
    /\bconcentrat(?:e|ion|ing)\b/,
    /\battention\b/,
    /\bdistract(?:ed|ion|ions)?\b/,
    /\badhd\b/,
    /\bclarity\b/,
    /\bproductiv(?:e|ity)\b/,
  ]),
  ...rules<Goal>(
    'focus',
    [/\bstudy(?:ing)?\b/, /\bwork\b/, /\bexams?\b/, /\bclear (?:my )?head\b/],
    true,
  ),
  ...rules<Goal>('energy', [
    /\benerg(?:y|ised|ized|etic)\b/,
    /\bfatigue(?:d)?\b/,
    /\bsluggish\b/,
    /\bexhausted\b/,
    /\bdrained\b/,
    /\bboost\b/,
    /\balert\b/,
  ]),
  ...rules<Goal>('energy', [/\btired\b/, /\bwake up\b/, /\bawake\b/, /\blift\b/], true),
];

export function parseGoal(text: string): Goal | null {
  return classify(text, GOAL_RULES);
}

/** Whether the text names a goal outright ("stressed", "can't sleep"), not just hints at one. */
export function parseGoalStrongly(text: string): Goal | null {
  return classify(
    text,
    GOAL_RULES.filter((rule) => rule.weak !== true),
  );
}

const CONDITION_PATTERNS: Record<SafetyCondition, RegExp> = {
  pregnancy: /pregnan|\bexpecting\b|\bhaving a baby\b|\bbaby on the way\b/g,
  seizures: /seizure|epilep|convulsion/g,
  heartOrBloodPressure:
    /heart|blood ?-?pressure|hypertension|\bcardiac\b|arrhythmia|\bbp\b|pacemaker|angina|palpitation/g,
  recentSurgery: /surg(?:ery|eries|ical)|\boperation\b|\bpost-?op\b|\bhad an op\b/g,
  panicAttacks: /panic/g,
};
// A clause ends at punctuation or a joining word; a negation only reaches within its clause.
const CLAUSE_BREAK = /[,.;!?]|\b(?:but|and|although|though|however|except|apart from)\b/g;
const NEGATION = /\b(?:no|not|never|neither|nor|without|none)\b|n't\b/;
const UNSURE =
  /\b(?:not sure|unsure|don't know|dunno|maybe|possibly|perhaps|not certain|no idea|might|skip|rather not|prefer not|private|pass)\b/;
const NONE =
  /\b(?:none|no|nope|nah|nothing|neither|all clear|all good|not that i know(?: of)?|no to all|fine|healthy)\b/;
const YES =
  /\b(?:yes|yeah|yep|yup|some|one or more|a few|a couple|one of (?:them|these)|several|both|i do|true)\b/;

/** An answer to the safety screen. */
export type SafetyReply =
  /** Named conditions: true where said to apply, false where explicitly ruled out. */
  | { kind: 'conditions'; answers: Partial<Record<SafetyCondition, boolean>> }
  | { kind: 'none' }
  | { kind: 'yes' }
  /** "Not sure" or "rather not say": unanswered, so gentle patterns only. */
  | { kind: 'unsure' };

function isNegated(flat: string, index: number): boolean {
  let clauseStart = 0;
  for (const match of flat.slice(0, index).matchAll(CLAUSE_BREAK)) {
    clauseStart = match.index + match[0].length;
  }
  return NEGATION.test(flat.slice(clauseStart, index));
}

function conditionAnswers(flat: string): Partial<Record<SafetyCondition, boolean>> {
  const answers: Partial<Record<SafetyCondition, boolean>> = {};
  for (const condition of SAFETY_CONDITIONS) {
    for (const match of flat.matchAll(CONDITION_PATTERNS[condition])) {
      const applies = !isNegated(flat, match.index);
      // One mention that applies outweighs another that is ruled out.
      answers[condition] = answers[condition] === true || applies;
    }
  }
  return answers;
}

export function parseSafetyReply(text: string): SafetyReply | null {
  const flat = normalise(text);
  const answers = conditionAnswers(flat);
  const named = Object.values(answers);
  if (named.includes(true)) return { kind: 'conditions', answers };
  if (UNSURE.test(flat)) return { kind: 'unsure' };
  if (named.length > 0 || NONE.test(flat)) return { kind: 'none' };
  if (YES.test(flat)) return { kind: 'yes' };
  return null;
}

/** A preferred practice time, or "choose" when the person wants to pick a clock time. */
export type PreferredTimeReply = PreferredTime | { kind: 'choose' };

const TIME_KIND_RULES = [
  ...rules<'bedtime'>('bedtime', [
    /\bbed(?:time)?\b/,
    /\bbefore (?:i )?sleep/,
    /\bnight(?:s|time|ly)?\b/,
    /\btonight\b/,
    /\blights out\b/,
    /\bwind(?:ing)? down\b/,
  ]),
  ...rules<'morning'>('morning', [
    /\bmornings?\b/,
    /\bwak(?:e|ing) up\b/,
    /\bfirst thing\b/,
    /\bbreakfast\b/,
    /\bsunrise\b/,
    /\bbefore work\b/,
    /\bstart (?:of )?(?:the|my) day\b/,
  ]),
  ...rules<'choose'>('choose', [
    /\bcustom\b/,
    /\bchoose\b/,
    /\bpick\b/,
    /\bspecific\b/,
    /\bset (?:a|my own) time\b/,
    /\bother\b/,
    /\bdifferent\b/,
    /\bmy own\b/,
  ]),
  // A part of the day without a clock time: ask which time.
  ...rules<'choose'>(
    'choose',
    [/\bafternoon\b/, /\bevening\b/, /\blunch(?:time)?\b/, /\bafter work\b/],
    true,
  ),
];

export function parsePreferredTime(
  text: string,
  options: { preferEvening?: boolean } = {},
): PreferredTimeReply | null {
  const time = parseClockTime(text, options);
  if (time !== null) return { kind: 'custom', time };
  const kind = classify(text, TIME_KIND_RULES);
  return kind === null ? null : { kind };
}

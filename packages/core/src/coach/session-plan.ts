import type {
  CheckIn,
  CoachProfilePatch,
  Experience,
  Goal,
  SessionPlanRequest,
  SessionPlanResponse,
} from './contracts';
import { pick, shuffle, type Choices, type Random } from './random';
import { describeDuration, plural, rhythmOf, spellNumber, type Rhythm } from './rhythm';
import { isGentleOnly } from './safety';

/** Enough to feel accompanied without interrupting a longer session every few breaths. */
export const MAX_SCRIPTED_CHECK_INS = 10;

/**
 * The breaths (1-based) that get a body check-in: about one every six breaths, spread
 * evenly, never in the first two breaths (still settling in) or on the last (ending);
 * none when the session is shorter than four breaths. First Breath's 18 → 4, 10, 15.
 */
export function checkInBreaths(totalBreaths: number): number[] {
  if (!Number.isInteger(totalBreaths) || totalBreaths < 4) return [];
  const count = Math.min(MAX_SCRIPTED_CHECK_INS, Math.max(1, Math.round(totalBreaths / 6)));
  const first = totalBreaths >= 8 ? 4 : 3;
  const last = Math.max(first, totalBreaths - 3);
  if (count === 1) return [Math.round((first + last) / 2)];
  // A spacing of at least one breath (guaranteed by the count) keeps rounded breaths distinct.
  return Array.from(
    { length: count },
    (_, i) => first + Math.round((i * (last - first)) / (count - 1)),
  );
}

const PLAN_KNOWN: Choices<(r: Rhythm, breaths: number) => string> = [
  (r, n) =>
    `Here's the plan: for ${describeDuration(r.totalSeconds)}, you'll breathe in for ${r.inhaleSeconds} seconds and out for ${r.exhaleSeconds} seconds, ${plural(n, 'time', 'times')} in all.`,
  (r, n) =>
    `Over the next ${describeDuration(r.totalSeconds)}, we'll take ${plural(n, 'slow breath', 'slow breaths')} together: in for ${r.inhaleSeconds} seconds, out for ${r.exhaleSeconds}.`,
  (r, n) =>
    `You'll follow the circle for ${plural(n, 'breath', 'breaths')}, in for ${r.inhaleSeconds} seconds and out for ${r.exhaleSeconds}, ${describeDuration(r.totalSeconds)} in all.`,
];

const PLAN_UNKNOWN: Choices<(breaths: number) => string> = [
  (n) =>
    `Here's the plan: ${plural(n, 'slow breath', 'slow breaths')}, following the guide on screen.`,
  (n) =>
    `We'll take ${plural(n, 'slow breath', 'slow breaths')} together, following the guide on screen.`,
];

const PACE: Choices<(bpm: string) => string> = [
  (bpm) =>
    `That's about ${bpm} breaths a minute, slower than usual, with a long, easy breath out each time.`,
  (bpm) =>
    `That works out at about ${bpm} breaths a minute, a slow and steady pace with unhurried breaths out.`,
];

const WHY: Choices<string> = [
  "Breathing slowly like this, with long, easy out-breaths, tends to bring in your body's 'rest and digest' response, the calmer side of your nervous system.",
  "Slow breaths with long exhales nudge your nervous system toward its parasympathetic, 'rest and digest' mode, which is why this pace feels settling.",
  "Long, unhurried out-breaths encourage the 'rest and digest' side of your nervous system, so your body gets a cue that it can ease off.",
];

const GOAL_LINES: Record<Goal, Choices<string>> = {
  stress: [
    "It's a simple way to take the edge off a tense day.",
    'It gives a busy mind something steady to follow.',
  ],
  sleep: [
    "It's a gentle way to help your body wind down.",
    'It makes a calm bridge between a busy day and rest.',
  ],
  focus: [
    'A few minutes like this can help clear your head before you get going.',
    'It gives your attention one simple thing to rest on.',
  ],
  energy: [
    'Steady breathing like this can leave you feeling clearer and refreshed.',
    'It gives you a calm, fresh reset.',
  ],
};

const EXPERIENCE_LINES: Record<Experience, Choices<string>> = {
  beginner: [
    "There's nothing to get right: just follow the circle, and if you lose count, join in again with the next breath.",
    "No experience needed. Just follow along, and if your mind wanders, that's completely normal.",
  ],
  some: [
    'If your mind wanders, gently come back to the count.',
    'You may know this rhythm already; let it be easy, with nothing to force.',
  ],
  regular: [
    "Let the count do the work; there's no need to force the breath.",
    'Treat it as a reset: simple, steady and unforced.',
  ],
};

const SAFETY_GENTLE =
  "We'll keep it gentle, with no breath holds; if you feel dizzy or uncomfortable, just breathe normally.";
const SAFETY_GENERAL =
  'If you feel dizzy or uncomfortable at any point, just go back to breathing normally.';

const CHECK_IN_MENTIONS: Choices<(count: number) => string> = [
  (count) =>
    count === 1
      ? "I'll check in once along the way."
      : "I'll check in with you a few times along the way.",
  (count) =>
    count === 1
      ? "I'll check in with you once, partway through."
      : "Along the way, I'll check in with you now and then.",
];

const SETTLING: Choices<string> = [
  'Notice your shoulders. Let them soften and drop.',
  'Check your jaw. Let it loosen.',
  'Let your hands rest, heavy and loose.',
  'Let your forehead smooth out.',
];

const BODY: Choices<string> = [
  'Feel your belly rise as you breathe in.',
  'Notice the cool air at your nose as you breathe in.',
  'Let each breath out be slow and unhurried.',
  'Feel the weight of your body, supported where you are.',
  'Let your tongue rest softly in your mouth.',
  'Notice where your body touches the chair or the floor.',
];

const GOAL_CHECK_INS: Record<Goal, Choices<string>> = {
  stress: [
    'If a thought pulls you away, let it go with the next breath out.',
    'Let your hands unclench and your fingers rest.',
    'Notice any tightness, and let the next breath out soften it.',
  ],
  sleep: [
    'Let your body grow heavy and still.',
    'Let your eyes soften, or close them if you like.',
    'Feel yourself sink a little deeper with each breath out.',
  ],
  focus: [
    "If your mind wanders, that's fine. Come back to the count.",
    'Rest your attention on the rise and fall of your breath.',
    'Let busy thoughts wait; there is only this breath.',
  ],
  energy: [
    'Sit tall and let your chest widen as you breathe in.',
    'Feel the fresh air fill you from your belly up.',
    'Let your spine lengthen as you breathe in.',
  ],
};

const BEGINNER_CHECK_IN = 'If you lose the count, just join in with the next breath.';

const CLOSING: Choices<string> = [
  'A few breaths left. Notice how you feel now.',
  'Nearly there. Let each breath out be soft and easy.',
  'Almost done. Notice anything that feels different from when you started.',
];

/**
 * The prompts, in order: a settling one first (shoulders, jaw, hands), a closing one last
 * when there are two or more, and between them one for the person's goal, then body
 * prompts, none repeated while any are left.
 */
function checkInTexts(count: number, profile: CoachProfilePatch, random: Random): string[] {
  if (count === 0) return [];
  const [first = SETTLING[0], ...otherSettling] = shuffle(SETTLING, random);
  if (count === 1) return [first];
  const [goalPrompt, ...otherGoalPrompts] =
    profile.goal === undefined ? [] : shuffle(GOAL_CHECK_INS[profile.goal], random);
  const rest = shuffle(
    [
      ...otherSettling,
      ...BODY,
      ...otherGoalPrompts,
      ...(profile.experience === 'regular' ? [] : [BEGINNER_CHECK_IN]),
    ],
    random,
  );
  const middle = goalPrompt === undefined ? rest : [goalPrompt, ...rest];
  const between = Array.from({ length: count - 2 }, (_, i) => middle[i % middle.length] ?? BODY[0]);
  return [first, ...between, pick(CLOSING, random)];
}

/**
 * The scripted introduction and body check-ins for a session: what will happen, why slow
 * breathing calms, adapted to experience, goal and the safety screen.
 */
export function scriptedSessionPlan(
  request: SessionPlanRequest,
  random: Random = Math.random,
): SessionPlanResponse {
  const { profile, patternId, totalBreaths } = request;
  const rhythm = rhythmOf(patternId, totalBreaths);
  const breaths = checkInBreaths(totalBreaths);
  const texts = checkInTexts(breaths.length, profile, random);
  const checkIns: CheckIn[] = breaths.map((breath, i) => ({ breath, text: texts[i] ?? BODY[0] }));

  const introduction = [
    rhythm === undefined
      ? pick(PLAN_UNKNOWN, random)(totalBreaths)
      : pick(PLAN_KNOWN, random)(rhythm, totalBreaths),
    rhythm === undefined || rhythm.hasHolds
      ? ''
      : pick(PACE, random)(spellNumber(rhythm.breathsPerMinute)),
    pick(WHY, random),
    profile.goal === undefined ? '' : pick(GOAL_LINES[profile.goal], random),
    pick(EXPERIENCE_LINES[profile.experience ?? 'beginner'], random),
    checkIns.length === 0 ? '' : pick(CHECK_IN_MENTIONS, random)(checkIns.length),
    isGentleOnly(profile) ? SAFETY_GENTLE : SAFETY_GENERAL,
  ]
    .filter((sentence) => sentence !== '')
    .join(' ');

  return { introduction, checkIns, source: 'scripted' };
}

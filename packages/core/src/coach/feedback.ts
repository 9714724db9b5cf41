import type { FeedbackRequest, FeedbackResponse, Goal, TimeOfDay } from './contracts';
import { pick, type Choices, type Random } from './random';
import { plural, rhythmOf, spellNumber } from './rhythm';

// Five slots, one sentence each: what happened, why it calms, the ratings (left out when
// there is no "after" rating), the benefit for their goal at this time of day, and a
// closing line. Four or five sentences, always within the 3–5 the contract asks for.

type Pace = string | undefined;

const COMPLETED: Choices<(breaths: number, pace: Pace) => string> = [
  (n, pace) =>
    pace
      ? `You just took ${plural(n, 'slow breath', 'slow breaths')}, at about ${pace} a minute.`
      : `You just took ${plural(n, 'slow breath', 'slow breaths')}.`,
  (n, pace) =>
    pace
      ? `That was ${plural(n, 'slow breath', 'slow breaths')}, close to ${pace} a minute, with a long, easy breath out each time.`
      : `That was ${plural(n, 'slow breath', 'slow breaths')}, each with a long, easy breath out.`,
  (n, pace) =>
    pace
      ? `You've just finished ${plural(n, 'slow, steady breath', 'slow, steady breaths')}, about ${pace} every minute.`
      : `You've just finished ${plural(n, 'slow, steady breath', 'slow, steady breaths')}.`,
];

const PARTIAL: Choices<(breaths: number) => string> = [
  (n) =>
    `You took ${plural(n, 'slow breath', 'slow breaths')} before stopping, and every one of them counts.`,
  (n) =>
    `You gave yourself ${plural(n, 'slow breath', 'slow breaths')} today, and that is worth something.`,
  (n) =>
    `Stopping after ${plural(n, 'breath', 'breaths')} is completely fine; each slow breath still does its work.`,
];

const PARTIAL_NONE: Choices<string> = [
  'You took a moment to stop and breathe today, and that counts.',
  'Sitting down to try is a real start, even when the timing is not right.',
  'Making space to pause today was worth doing, however long it lasted.',
];

const MECHANISM: Choices<string> = [
  "Breathing this slowly, with unhurried breaths out, tends to bring in your body's 'rest and digest' response, the calming parasympathetic side of your nervous system.",
  "Slow breaths with longer exhales nudge your nervous system toward its parasympathetic, 'rest and digest' mode.",
  "Long, easy out-breaths are a cue your body understands: they encourage the parasympathetic, 'rest and digest' side of your nervous system.",
  "At this slow pace, each long breath out gives the 'rest and digest' part of your nervous system, the parasympathetic side, room to step forward.",
];

const ROSE: Choices<(before: number, after: number) => string> = [
  (b, a) => `You rated your calm ${b} before and ${a} after, so your body seems to have noticed.`,
  (b, a) => `Your calm went from ${b} to ${a} in a short time.`,
  (b, a) =>
    `Going from ${b} to ${a} shows how quickly your body can respond to a few slow breaths.`,
];

const STAYED_HIGH: Choices<(rating: number) => string> = [
  (r) => `You started calm at ${r} and stayed there, which is a good place to be.`,
  (r) => `Your calm held steady at ${r}, and keeping a calm state is worth something too.`,
];

const STAYED: Choices<(rating: number) => string> = [
  (r) =>
    `Your calm stayed at ${r} this time, which is completely normal; the effect often builds over a few days of practice.`,
  (r) =>
    `No change in your rating this time (${r} before and after), and that's fine; like any skill, this gets easier with practice.`,
];

const FELL: Choices<(before: number, after: number) => string> = [
  (b, a) =>
    `You felt a little less calm afterwards, ${a} instead of ${b}, and that's worth noticing without judging it; some sessions simply feel unsettled.`,
  (b, a) =>
    `Your calm dipped from ${b} to ${a}, which does happen sometimes; if slow breathing ever feels uncomfortable, it's fine to breathe normally and try again another day.`,
];

const GOAL_AT_TIME: Record<Goal, Record<TimeOfDay, Choices<string>>> = {
  sleep: {
    morning: [
      'Practising during the day builds the habit, so the slow rhythm comes easily at bedtime.',
      'A daytime session trains the same calm rhythm you can lean on when it is time to sleep.',
    ],
    afternoon: [
      'Practising during the day builds the habit, so the slow rhythm comes easily at bedtime.',
      'An afternoon session like this makes the rhythm familiar for when you want to wind down tonight.',
    ],
    evening: [
      'Doing this in the evening is a lovely way to let the day go before bed.',
      'An evening session like this can help you wind down for sleep.',
    ],
    night: [
      'Breathing like this close to bedtime can help you wind down for sleep.',
      'At this hour, a slow rhythm like this is a gentle bridge into rest.',
    ],
  },
  stress: {
    morning: [
      'Starting the day this way can help you meet it more steadily.',
      'When stress builds later today, a few of these slow breaths are a simple way to reset.',
    ],
    afternoon: [
      'A pause like this in the middle of the day can take the edge off whatever comes next.',
      'When stress builds later, a few of these slow breaths are a simple way to reset.',
    ],
    evening: [
      "It's a kind way to close a busy day and set the stress of it down.",
      'The more you practise, the easier it becomes to find this calm in a tense moment.',
    ],
    night: [
      "It's a kind way to set the day down before you rest.",
      'The more you practise, the easier it becomes to find this calm in a tense moment.',
    ],
  },
  focus: {
    morning: [
      'A pause like this before focused work can help clear your head.',
      'Starting the day with a clear, settled mind makes it easier to focus on what matters.',
    ],
    afternoon: [
      'An afternoon reset like this can help you come back to your work with a clearer head.',
      'A pause like this before focused work can help clear your head.',
    ],
    evening: [
      'Clearing your head in the evening can make it easier to switch off from the day.',
      'A few slow minutes like this help you set the day aside so tomorrow starts clearer.',
    ],
    night: [
      'Clearing your head late in the day can make it easier to switch off.',
      'Setting your thoughts down now can help tomorrow start with a clearer head.',
    ],
  },
  energy: {
    morning: [
      'A steady start like this can leave you feeling clear and ready for the day.',
      'Beginning the morning with slow, full breaths is a fresh way to wake up.',
    ],
    afternoon: [
      'An afternoon breather like this can be a nice lift when your energy dips.',
      'A few slow, full breaths can leave you clearer for the rest of the afternoon.',
    ],
    evening: [
      'Slow breathing is calming, so at this hour it may help you rest well and wake up fresher.',
      "Evening calm like this supports the rest that tomorrow's energy comes from.",
    ],
    night: [
      'Slow breathing is calming, so at this hour it may help you rest well and wake up fresher.',
      'Good rest is where energy starts, and this is a gentle way to head toward it.',
    ],
  },
};

const NO_GOAL: Choices<string> = [
  'A few minutes like this, most days, is how the habit grows.',
  'Coming back to this rhythm regularly is what makes it easier to find.',
];

const CLOSING_COMPLETED: Record<'beginner' | 'some' | 'regular' | 'unknown', Choices<string>> = {
  beginner: [
    "For someone new to this, that's a real start.",
    "You don't need to get anything right; showing up is the skill, {{name}}.",
    'Well done, {{name}}: this is how a habit begins.',
  ],
  some: [
    'Little and often is what builds on the experience you already have.',
    'Well done, {{name}}; a few minutes like this keeps your practice alive.',
  ],
  regular: [
    "It's a fine addition to your regular practice.",
    'Well done, {{name}}; steady practice like yours is what makes this rhythm second nature.',
  ],
  unknown: ['Well done, {{name}}.', 'Same time tomorrow?', 'Nicely done.'],
};

const CLOSING_PARTIAL: Choices<string> = [
  'Next time, see if a few more breaths feel right, with no pressure at all.',
  "Come back whenever you're ready; it will be here for you.",
  'Short sessions still build the habit, {{name}}.',
];

// Only the "after" rating was given (the "before" one was skipped): nothing to compare.
const AFTER_ONLY: Choices<(rating: number) => string> = [
  (r) => `You rated your calm ${r} afterwards, a useful marker to look back on as you practise.`,
  (r) => `You noted a calm of ${r} at the end, and noticing how you feel is part of the practice.`,
];

function ratingSentence(request: FeedbackRequest, random: Random): string {
  const { calmBefore: before, calmAfter: after } = request;
  if (after === null) return '';
  if (before === null) return pick(AFTER_ONLY, random)(after);
  if (after > before) return pick(ROSE, random)(before, after);
  if (after < before) return pick(FELL, random)(before, after);
  return after >= 4 ? pick(STAYED_HIGH, random)(after) : pick(STAYED, random)(after);
}

/**
 * The scripted explanation after a session, in 3–5 sentences: what happened (slow
 * breathing near six a minute, longer exhales, the parasympathetic response) and what it
 * offers, tuned to goal, experience, time of day, completion and the calm ratings.
 */
export function scriptedFeedback(
  request: FeedbackRequest,
  random: Random = Math.random,
): FeedbackResponse {
  const rhythm = rhythmOf(request.patternId, request.totalBreaths);
  const pace = rhythm && !rhythm.hasHolds ? spellNumber(rhythm.breathsPerMinute) : undefined;
  const completed = request.status === 'completed';

  const opening = completed
    ? pick(COMPLETED, random)(request.breathsCompleted, pace)
    : request.breathsCompleted === 0
      ? pick(PARTIAL_NONE, random)
      : pick(PARTIAL, random)(request.breathsCompleted);
  const benefit =
    request.goal === undefined
      ? pick(NO_GOAL, random)
      : pick(GOAL_AT_TIME[request.goal][request.timeOfDay], random);
  const closing = completed
    ? pick(CLOSING_COMPLETED[request.experience ?? 'unknown'], random)
    : pick(CLOSING_PARTIAL, random);

  const text = [opening, pick(MECHANISM, random), ratingSentence(request, random), benefit, closing]
    .filter((sentence) => sentence !== '')
    .join(' ');
  return { text, source: 'scripted' };
}

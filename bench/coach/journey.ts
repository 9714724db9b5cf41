import type {
  LocalAnswer,
  LocalServerScript,
} from '../../apps/api/src/lib/llm/local-openai-server';

/**
 * A first-run journey as the app drives it, with a model answering each call the way a
 * good one would (replies about as long as gpt-4o-mini writes them). The name step runs on
 * the device and costs no tokens.
 */
export const ONBOARDING_TURNS = [
  { step: 'experience', message: "No, I've never really tried it", profile: {} },
  { step: 'goal', message: 'Mostly I want to sleep better', profile: { experience: 'beginner' } },
  {
    step: 'safety',
    message: 'None of those',
    profile: { experience: 'beginner', goal: 'sleep' },
  },
  {
    step: 'preferredTime',
    message: 'Bedtime, around 10pm',
    profile: {
      experience: 'beginner',
      goal: 'sleep',
      safety: {
        pregnancy: false,
        seizures: false,
        heartOrBloodPressure: false,
        recentSurgery: false,
        panicAttacks: false,
      },
    },
  },
] as const;

export const SESSION_PLAN_REQUEST = {
  profile: ONBOARDING_TURNS[3].profile,
  patternId: 'first-breath',
  totalBreaths: 18,
};

export const FEEDBACK_REQUEST = {
  patternId: 'first-breath',
  status: 'completed',
  breathsCompleted: 18,
  totalBreaths: 18,
  calmBefore: 2,
  calmAfter: 4,
  goal: 'sleep',
  experience: 'beginner',
  timeOfDay: 'night',
};

const NO_CONDITIONS = ONBOARDING_TURNS[3].profile.safety;

const ONBOARDING_ANSWERS: Record<string, object> = {
  experience: {
    reply:
      "That's perfectly fine, {{name}}: no experience needed, and I'll guide you through every breath. What brings you here?",
    step: 'goal',
    profile: { experience: 'beginner' },
  },
  goal: {
    reply:
      'Better sleep is a lovely reason to start, and slow breathing is a gentle way to wind down. One quick safety check: do any of these apply to you? Pregnancy, epilepsy or seizures, a heart or blood-pressure condition, recent surgery, or panic attacks.',
    step: 'safety',
    profile: { goal: 'sleep' },
  },
  safety: {
    reply:
      'Thanks for checking with me. When would you like to practise each day? Bedtime is a natural fit for sleep, but any time works.',
    step: 'preferredTime',
    profile: { safety: NO_CONDITIONS },
  },
  preferredTime: {
    reply:
      "10 pm it is, a calm way to end the day. You're all set, {{name}}. Your first practice is First Breath: three minutes of slow breathing, 5 seconds in and 5 seconds out.",
    step: 'done',
    profile: { preferredTime: { kind: 'custom', time: '22:00' } },
  },
};

const PLAN_ANSWER = {
  introduction:
    "For the next three minutes you'll breathe in for 5 seconds and out for 5, 18 slow breaths in all. That's about six breaths a minute, slower than usual, with long, easy exhales. Breathing like this invites your body's parasympathetic 'rest and digest' response, a gentle way to wind down before bed. There's nothing to get right: just follow the circle.",
  checkIns: [
    'Notice your shoulders. Let them soften and drop.',
    'Let your body grow heavy and still.',
    'A few breaths left. Notice how you feel now.',
  ],
};

const FEEDBACK_ANSWER = {
  text:
    'You just took 18 slow breaths, about six a minute, with long, easy exhales. ' +
    "Breathing at this pace invites your body's parasympathetic, rest-and-digest response, the calmer side of your nervous system. " +
    'Your calm rose from 2 to 4, a lovely shift at the end of the day. ' +
    'A few minutes like this at bedtime can become a gentle signal that it is time to rest, {{name}}.',
};

const answer = (value: object): LocalAnswer => ({ content: JSON.stringify(value) });

/** Answers each coach prompt as a good model would, recognising it by its wording. */
export const journeyScript: LocalServerScript = (request) => {
  const system = request.messages[0]?.content ?? '';
  const user = request.messages[1]?.content ?? '';
  if (system.includes('onboarding')) {
    const step = /^Question answered: (\w+)/.exec(user)?.[1] ?? '';
    return answer(ONBOARDING_ANSWERS[step] ?? ONBOARDING_ANSWERS.experience!);
  }
  if (system.includes('before a breathing session')) return answer(PLAN_ANSWER);
  return answer(FEEDBACK_ANSWER);
};

import {
  SAFETY_CONDITIONS,
  type Chip,
  type CoachProfilePatch,
  type OnboardingStep,
  type OnboardingTurnRequest,
  type OnboardingTurnResponse,
  type SafetyAnswers,
} from './contracts';
import { crisisMessage, detectCrisis } from './crisis';
import { extractName } from './name';
import {
  ALL_SET,
  BEDTIME_ACKS,
  CHIPS,
  CUSTOM_TIME_ACKS,
  EXPERIENCE_ACKS,
  FIRST_PRACTICE,
  GENTLE_REMINDER,
  GOAL_ACKS,
  GREETINGS,
  MORNING_ACKS,
  NAME_ACKS,
  NAME_SKIP_ACKS,
  QUESTION_DEFLECTIONS,
  QUESTIONS,
  REASKS,
  SAFETY_CLEAR_ACKS,
  SAFETY_GENTLE_ACKS,
  TIME_HINTS,
} from './onboarding-phrases';
import {
  parseExperience,
  parseGoal,
  parseGoalStrongly,
  parsePreferredTime,
  parseSafetyReply,
  type PreferredTimeReply,
} from './parse-answers';
import { formatClockTime } from './parse-time';
import { mergeProfile, nextOnboardingStep } from './profile';
import { pick, type Random } from './random';
import { isGentleOnly, safetyNoteFor } from './safety';

export interface ScriptedCoachOptions {
  random?: Random;
}

/** What the person's message meant for the step it answered. */
type Outcome =
  | { understood: false; patch?: CoachProfilePatch }
  | {
      understood: true;
      patch: CoachProfilePatch;
      ack: string;
      /** Where to go when it is not simply the next unanswered question. */
      next?: OnboardingStep;
      showSafetyNote?: boolean;
    };

const SKIP_NAME =
  /^\s*(?:skip|no thanks|no name|rather not|i'?d rather not|prefer not|i'?d prefer not|anonymous)\b/i;

const REDACTED_NAME = /\{\{\s*name\s*\}\}/i;

// The person asked something back ("what is breathwork?"), rather than answering.
const ASKED_BACK = /\p{L}[^?]*\?\s*$/u;

function allSafety(answer: boolean | null): SafetyAnswers {
  return Object.fromEntries(SAFETY_CONDITIONS.map((c) => [c, answer])) as SafetyAnswers;
}

function interpretName(message: string, random: Random): Outcome {
  // A goal said in passing ("I'm Sam and I can't sleep") is kept so it is not asked again.
  const goal = parseGoalStrongly(message);
  const patch: CoachProfilePatch = goal === null ? {} : { goal };
  if (SKIP_NAME.test(message)) {
    return { understood: true, patch, ack: pick(NAME_SKIP_ACKS, random) };
  }
  // The app may send the name step already redacted ("I'm {{name}}"); the name itself is
  // never needed here.
  if (REDACTED_NAME.test(message) || extractName(message) !== null) {
    return { understood: true, patch, ack: pick(NAME_ACKS, random) };
  }
  return { understood: false, patch };
}

function interpretTime(
  reply: PreferredTimeReply | null,
  allowChoose: boolean,
  random: Random,
): Outcome {
  if (reply === null) return { understood: false };
  switch (reply.kind) {
    case 'choose':
      return allowChoose
        ? { understood: true, patch: {}, ack: '', next: 'customTime' }
        : { understood: false };
    case 'morning':
      return { understood: true, patch: { preferredTime: reply }, ack: pick(MORNING_ACKS, random) };
    case 'bedtime':
      return { understood: true, patch: { preferredTime: reply }, ack: pick(BEDTIME_ACKS, random) };
    case 'custom':
      return {
        understood: true,
        patch: { preferredTime: reply },
        ack: pick(CUSTOM_TIME_ACKS, random)(formatClockTime(reply.time)),
      };
  }
}

function interpretSafety(
  step: 'safety' | 'safetyDetail',
  message: string,
  random: Random,
): Outcome {
  const reply = parseSafetyReply(message);
  const gentle = (safety: SafetyAnswers): Outcome => ({
    understood: true,
    patch: { safety },
    ack: pick(SAFETY_GENTLE_ACKS, random),
    showSafetyNote: true,
  });
  switch (reply?.kind) {
    case 'conditions':
      // The follow-up asks for every condition that applies, so one left out is a no; a
      // condition named unprompted says nothing about the others.
      return gentle({ ...allSafety(step === 'safetyDetail' ? false : null), ...reply.answers });
    case 'unsure':
      return gentle(allSafety(null));
    case 'none':
      return {
        understood: true,
        patch: { safety: allSafety(false) },
        ack: pick(SAFETY_CLEAR_ACKS, random),
      };
    case 'yes':
      // Unanswered until they say which, so the profile is gentle-only meanwhile.
      return step === 'safety'
        ? { understood: true, patch: { safety: allSafety(null) }, ack: '', next: 'safetyDetail' }
        : { understood: false };
    default:
      return { understood: false };
  }
}

function interpret(
  step: OnboardingStep,
  message: string,
  profile: CoachProfilePatch,
  random: Random,
): Outcome {
  switch (step) {
    case 'name':
      return interpretName(message, random);
    case 'experience': {
      const experience = parseExperience(message);
      const goal = profile.goal === undefined ? parseGoalStrongly(message) : null;
      if (experience === null) return { understood: false };
      return {
        understood: true,
        patch: goal === null ? { experience } : { experience, goal },
        ack: pick(EXPERIENCE_ACKS[experience], random),
      };
    }
    case 'goal': {
      const goal = parseGoal(message);
      if (goal === null) return { understood: false };
      return { understood: true, patch: { goal }, ack: pick(GOAL_ACKS[goal], random) };
    }
    case 'safety':
    case 'safetyDetail':
      return interpretSafety(step, message, random);
    case 'preferredTime':
    case 'customTime':
      return interpretTime(
        parsePreferredTime(message, { preferEvening: profile.goal === 'sleep' }),
        step === 'preferredTime',
        random,
      );
    case 'done':
      return { understood: true, patch: {}, ack: '' };
  }
}

function question(step: OnboardingStep, profile: CoachProfilePatch, random: Random): string {
  if (step === 'done') {
    const gentle = isGentleOnly(profile) ? GENTLE_REMINDER : '';
    return join(pick(ALL_SET, random), pick(FIRST_PRACTICE, random), gentle);
  }
  const asked = pick(QUESTIONS[step], random);
  const hint = step === 'preferredTime' && profile.goal ? TIME_HINTS[profile.goal] : undefined;
  return join(asked, hint ?? '');
}

function join(...parts: string[]): string {
  return parts.filter((part) => part !== '').join(' ');
}

/**
 * The step a request answers: as given, else inferred. With nothing said yet it is the
 * start; a reply to the greeting answers the name; later, the first unanswered question.
 */
function answeredStep(request: OnboardingTurnRequest): OnboardingStep | 'start' {
  if (request.step !== undefined) return request.step;
  if (request.messages.length === 0 && request.message.trim() === '') return 'start';
  if (!request.messages.some((m) => m.role === 'person')) return 'name';
  return nextOnboardingStep(request.profile);
}

/** The quick replies offered for a step's question (the same ones the API offers). */
export function onboardingChips(step: OnboardingStep): Chip[] {
  return CHIPS[step];
}

/** The coach's opening line; nothing has been asked or answered yet. */
export function startOnboarding(
  options: ScriptedCoachOptions = {},
  profile: CoachProfilePatch = {},
): OnboardingTurnResponse {
  const random = options.random ?? Math.random;
  return {
    reply: pick(GREETINGS, random),
    chips: CHIPS.name,
    step: 'name',
    profile,
    done: false,
    source: 'scripted',
  };
}

/**
 * One turn of the scripted onboarding: a deterministic state machine (the injected
 * `random` only varies the wording). Runs on the device and in the API alike. The name
 * step should run on the device: the reply says `{{name}}` and no name enters the profile.
 */
export function scriptedOnboardingTurn(
  request: OnboardingTurnRequest,
  options: ScriptedCoachOptions = {},
): OnboardingTurnResponse {
  const random = options.random ?? Math.random;
  const step = answeredStep(request);

  if (detectCrisis(request.message)) {
    return {
      reply: crisisMessage(random),
      chips: [],
      step: step === 'start' ? 'name' : step,
      profile: request.profile,
      done: false,
      crisis: true,
      source: 'scripted',
    };
  }
  if (step === 'start') return startOnboarding(options, request.profile);

  const outcome = interpret(step, request.message, request.profile, random);
  const profile = mergeProfile(request.profile, outcome.patch ?? {});

  if (!outcome.understood) {
    const opener = ASKED_BACK.test(request.message)
      ? pick(QUESTION_DEFLECTIONS, random)
      : pick(REASKS, random);
    return {
      reply: join(opener, question(step, profile, random)),
      chips: CHIPS[step],
      ...(step === 'safetyDetail' ? { multiSelect: true } : {}),
      step,
      profile,
      done: false,
      source: 'scripted',
    };
  }

  const next = outcome.next ?? nextOnboardingStep(profile);
  const safetyNote = outcome.showSafetyNote ? safetyNoteFor(profile) : undefined;
  return {
    reply: join(outcome.ack, question(next, profile, random)),
    chips: CHIPS[next],
    ...(next === 'safetyDetail' ? { multiSelect: true } : {}),
    step: next,
    profile,
    done: next === 'done',
    ...(safetyNote === undefined ? {} : { safetyNote }),
    source: 'scripted',
  };
}

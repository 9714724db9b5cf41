import { FIRST_BREATH } from '@exhale/core';
import {
  NAME_PLACEHOLDER,
  type CoachProfilePatch,
  type FeedbackRequest,
  type OnboardingStep,
  type SessionPlanRequest,
} from '@exhale/core/coach';
import type { ChatMessage, JsonOutputFormat } from '../../lib/llm/llm-provider';

// Prompts are sent on every call, so every word here is paid for many times a day: they
// say what the model cannot infer and nothing else. The replies are checked in code
// (schemas, medical claims, sentence counts, the safety screen), not only asked for here.

const VOICE =
  'You are the Exhale breathing coach: warm, calm, brief, plain words. ' +
  'Make no medical claims and no diagnosis: never say breathing treats, cures, heals, prevents or lowers anything. ' +
  `Never ask for or use a name; where a name fits, write ${NAME_PLACEHOLDER}. ` +
  'Answer with JSON only.';

const GENTLE_ONLY =
  'Safety screen: gentle breathing only. Never suggest holding the breath or anything strenuous.';

/** What each onboarding question asks, and the answers that need a rule. */
const QUESTION_GUIDE: Record<Exclude<OnboardingStep, 'name' | 'done'>, string> = {
  experience: 'any breathwork experience?',
  goal: 'what brings them (stress, sleep, focus, energy)?',
  safety:
    'do any apply: pregnancy, epilepsy or seizures, heart or blood-pressure condition, recent surgery, panic attacks? ' +
    '"none" = all false; a yes without saying which = step "safetyDetail"',
  safetyDetail: 'which conditions apply? Those named true, the rest false',
  preferredTime: 'when to practise daily? Wanting to pick a time = step "customTime"',
  customTime: 'what clock time?',
};

const ONBOARDING_SYSTEM =
  `${VOICE}\n` +
  'You are onboarding a new person. Questions in order: experience, goal, safety, preferredTime. ' +
  'In `profile` record only what their answer says (for any question): ' +
  'experience "beginner"|"some"|"regular"; goal "stress"|"sleep"|"focus"|"energy"; ' +
  'safety {pregnancy, seizures, heartOrBloodPressure, recentSurgery, panicAttacks}: true, false or null (unsure); ' +
  'preferredTime {"kind":"morning"}, {"kind":"bedtime"} or {"kind":"custom","time":"HH:MM"}. ' +
  '`reply`: 1-3 short sentences acknowledging the answer, then asking the next unanswered question. ' +
  '`step`: the question your reply asks (the same again if the answer was unclear); ' +
  '"done" once all four are answered, then close warmly without a question.';

// Compact JSON Schemas: they are part of every prompt. The zod schemas in the service
// (and the field rules above) are the real check.
export const ONBOARDING_OUTPUT: JsonOutputFormat = {
  name: 'onboarding_turn',
  schema: {
    type: 'object',
    properties: {
      reply: { type: 'string' },
      step: {
        enum: [
          'experience',
          'goal',
          'safety',
          'safetyDetail',
          'preferredTime',
          'customTime',
          'done',
        ],
      },
      profile: { type: 'object' },
    },
    required: ['reply', 'step', 'profile'],
  },
};

export const SESSION_PLAN_OUTPUT: JsonOutputFormat = {
  name: 'session_plan',
  schema: {
    type: 'object',
    properties: {
      introduction: { type: 'string' },
      checkIns: { type: 'array', items: { type: 'string' } },
    },
    required: ['introduction', 'checkIns'],
  },
};

export const FEEDBACK_OUTPUT: JsonOutputFormat = {
  name: 'feedback',
  schema: { type: 'object', properties: { text: { type: 'string' } }, required: ['text'] },
};

function compactProfile(profile: CoachProfilePatch): string {
  return JSON.stringify(profile);
}

function patternLine(patternId: string, totalBreaths: number): string {
  if (patternId !== FIRST_BREATH.id) {
    return `Pattern "${patternId}", ${totalBreaths} breaths (timings unknown: do not state any).`;
  }
  const { inhale, exhale } = FIRST_BREATH.phases;
  const seconds = (inhale + exhale) * totalBreaths;
  const duration = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  return (
    `Pattern ${FIRST_BREATH.name}: in ${inhale} s, out ${exhale} s, no holds, ` +
    `${totalBreaths} breaths (${duration}), ${60 / (inhale + exhale)} breaths a minute.`
  );
}

/**
 * One onboarding turn. Only the question being answered, the profile so far and the
 * latest message are sent: earlier messages (the name among them) never leave the API.
 */
export function onboardingMessages(
  step: Exclude<OnboardingStep, 'name' | 'done'>,
  profile: CoachProfilePatch,
  message: string,
  gentleOnly: boolean,
): ChatMessage[] {
  return [
    {
      role: 'system',
      content: gentleOnly ? `${ONBOARDING_SYSTEM}\n${GENTLE_ONLY}` : ONBOARDING_SYSTEM,
    },
    {
      role: 'user',
      content:
        `Question answered: ${step}: ${QUESTION_GUIDE[step]}\n` +
        `Profile so far: ${compactProfile(profile)}\n` +
        `Their answer: ${JSON.stringify(message)}`,
    },
  ];
}

export function sessionPlanMessages(
  request: SessionPlanRequest,
  breaths: readonly number[],
  gentleOnly: boolean,
): ChatMessage[] {
  const system =
    `${VOICE}\n` +
    'Write what the person reads before a breathing session and the prompts shown during it. ' +
    '`introduction`: 3-5 short sentences: what will happen, and why slow breathing with long exhales calms ' +
    "(the parasympathetic 'rest and digest' response), suited to their goal and experience. " +
    '`checkIns`: one short body prompt per check-in breath, in order (e.g. "Notice your shoulders. Let them soften.").' +
    (gentleOnly ? `\n${GENTLE_ONLY} Say they can breathe normally if they feel dizzy.` : '');
  return [
    { role: 'system', content: system },
    {
      role: 'user',
      content:
        `${patternLine(request.patternId, request.totalBreaths)}\n` +
        `Profile: ${compactProfile(request.profile)}\n` +
        `Check-in breaths: ${breaths.join(', ')}`,
    },
  ];
}

export function feedbackMessages(request: FeedbackRequest): ChatMessage[] {
  const system =
    `${VOICE}\n` +
    'After a breathing session, write `text`: 3 to 5 sentences on what happened and why it helps ' +
    '(slow breathing near 6 breaths a minute, longer exhales, the parasympathetic response), ' +
    'suited to their goal, experience, time of day, completion and calm ratings (1-5). ' +
    'If calm did not rise, say that is fine.';
  const rated = (value: number | null) => (value === null ? 'not rated' : String(value));
  const calm = `Calm before ${rated(request.calmBefore)}, after ${rated(request.calmAfter)}`;
  return [
    { role: 'system', content: system },
    {
      role: 'user',
      content:
        `${patternLine(request.patternId, request.totalBreaths)}\n` +
        `${request.status === 'completed' ? 'Completed' : 'Ended early'}: ${request.breathsCompleted} of ${request.totalBreaths} breaths, ${request.timeOfDay}\n` +
        `${calm}\n` +
        `Goal: ${request.goal ?? 'not given'}; experience: ${request.experience ?? 'not given'}`,
    },
  ];
}

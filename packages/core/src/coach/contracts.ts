import { z } from 'zod';
import { PATTERN_LIMITS } from '../breathing/pattern';
import { containsMedicalClaim } from './medical-claims';
import { sentenceCount } from './sentences';

/**
 * Stands in for the person's name in everything the coach says. The name never leaves
 * the device: the app sends and receives this placeholder and fills it in locally.
 */
export const NAME_PLACEHOLDER = '{{name}}';

export const COACH_LIMITS = {
  /** The latest message; a chat turn, not an essay (and a cap on tokens sent on). */
  maxMessageChars: 500,
  maxHistoryMessages: 40,
  /** A message already in the history; coach replies (the crisis reply) run longer. */
  maxHistoryTextChars: 1000,
  maxReplyChars: 1500,
  maxChips: 8,
  maxChipChars: 40,
  maxCheckIns: 20,
  maxCheckInChars: 160,
  maxFeedbackChars: 1200,
  minFeedbackSentences: 3,
  maxFeedbackSentences: 5,
} as const;

export const EXPERIENCES = ['beginner', 'some', 'regular'] as const;
export const experienceSchema = z.enum(EXPERIENCES);
export type Experience = z.infer<typeof experienceSchema>;

export const GOALS = ['stress', 'sleep', 'focus', 'energy'] as const;
export const goalSchema = z.enum(GOALS);
export type Goal = z.infer<typeof goalSchema>;

/** The safety screen, in the order it is asked. */
export const SAFETY_CONDITIONS = [
  'pregnancy',
  'seizures',
  'heartOrBloodPressure',
  'recentSurgery',
  'panicAttacks',
] as const;
export type SafetyCondition = (typeof SAFETY_CONDITIONS)[number];

// null: the question was put but not answered ("not sure", "rather not say").
const safetyAnswer = z.boolean().nullable();

export const safetyAnswersSchema = z.strictObject({
  pregnancy: safetyAnswer,
  seizures: safetyAnswer,
  heartOrBloodPressure: safetyAnswer,
  recentSurgery: safetyAnswer,
  panicAttacks: safetyAnswer,
});
export type SafetyAnswers = z.infer<typeof safetyAnswersSchema>;

/** A local wall-clock time, 24-hour "HH:MM". */
export const clockTimeSchema = z
  .string()
  .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'time must be HH:MM on a 24-hour clock');

export const preferredTimeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('morning') }),
  z.strictObject({ kind: z.literal('bedtime') }),
  z.strictObject({ kind: z.literal('custom'), time: clockTimeSchema }),
]);
export type PreferredTime = z.infer<typeof preferredTimeSchema>;

// Strict objects: a profile with a `name` (or any unknown key) is rejected outright, so
// neither a client bug nor a model can slip personal data through a profile.
export const coachProfileSchema = z.strictObject({
  experience: experienceSchema,
  goal: goalSchema,
  safety: safetyAnswersSchema,
  preferredTime: preferredTimeSchema,
});
export type CoachProfile = z.infer<typeof coachProfileSchema>;

/** What one onboarding turn knows or extracts; `safety` may carry only some answers. */
export const coachProfilePatchSchema = z.strictObject({
  experience: experienceSchema.optional(),
  goal: goalSchema.optional(),
  safety: safetyAnswersSchema.partial().optional(),
  preferredTime: preferredTimeSchema.optional(),
});
export type CoachProfilePatch = z.infer<typeof coachProfilePatchSchema>;

/**
 * The question a turn is answering (in a request) or asking (in a response). `name` is
 * answered on the device only; `safetyDetail` follows "yes, one or more"; `customTime`
 * follows "choose a time".
 */
export const ONBOARDING_STEPS = [
  'name',
  'experience',
  'goal',
  'safety',
  'safetyDetail',
  'preferredTime',
  'customTime',
  'done',
] as const;
export const onboardingStepSchema = z.enum(ONBOARDING_STEPS);
export type OnboardingStep = z.infer<typeof onboardingStepSchema>;

export const coachSourceSchema = z.enum(['model', 'scripted']);
export type CoachSource = z.infer<typeof coachSourceSchema>;

const fallbackReason = z.string().min(1).max(200).optional();

const withoutMedicalClaim = (text: string) => !containsMedicalClaim(text);
const MEDICAL_CLAIM_MESSAGE = 'must not make a medical claim';

export const chatMessageSchema = z.strictObject({
  role: z.enum(['coach', 'person']),
  text: z.string().max(COACH_LIMITS.maxHistoryTextChars),
});
export type ChatMessage = z.infer<typeof chatMessageSchema>;

export const chipSchema = z.object({
  label: z.string().min(1).max(COACH_LIMITS.maxChipChars),
  value: z.string().min(1).max(COACH_LIMITS.maxChipChars),
});
export type Chip = z.infer<typeof chipSchema>;

// Requests are strict (what leaves the device is exactly what is listed, no name, no
// note); responses are lenient so an older app still reads a newer API's replies.
export const onboardingTurnRequestSchema = z.strictObject({
  messages: z.array(chatMessageSchema).max(COACH_LIMITS.maxHistoryMessages),
  message: z.string().max(COACH_LIMITS.maxMessageChars),
  profile: coachProfilePatchSchema,
  step: onboardingStepSchema.optional(),
});
export type OnboardingTurnRequest = z.infer<typeof onboardingTurnRequestSchema>;

export const onboardingTurnResponseSchema = z
  .object({
    reply: z
      .string()
      .min(1)
      .max(COACH_LIMITS.maxReplyChars)
      .refine(withoutMedicalClaim, MEDICAL_CLAIM_MESSAGE),
    chips: z.array(chipSchema).max(COACH_LIMITS.maxChips),
    /** The chips may be combined; the app sends the chosen values joined by ", ". */
    multiSelect: z.boolean().optional(),
    step: onboardingStepSchema,
    profile: coachProfilePatchSchema,
    done: z.boolean(),
    safetyNote: z.string().min(1).optional(),
    crisis: z.boolean().optional(),
    source: coachSourceSchema,
    fallbackReason,
  })
  .superRefine((response, ctx) => {
    if (response.done && response.step !== 'done') {
      ctx.addIssue({ code: 'custom', path: ['done'], message: 'done needs step "done"' });
    }
    // A crisis reply must never move the person on to the next screen.
    if (response.crisis === true && response.done) {
      ctx.addIssue({ code: 'custom', path: ['done'], message: 'a crisis reply is never done' });
    }
  });
export type OnboardingTurnResponse = z.infer<typeof onboardingTurnResponseSchema>;

export const sessionPlanRequestSchema = z.strictObject({
  profile: coachProfilePatchSchema,
  patternId: z.string().min(1).max(64),
  totalBreaths: z.int().min(1).max(PATTERN_LIMITS.maxCycles),
});
export type SessionPlanRequest = z.infer<typeof sessionPlanRequestSchema>;

export const checkInSchema = z.object({
  /** 1-based: shown as this breath begins. */
  breath: z.int().min(1),
  text: z
    .string()
    .min(1)
    .max(COACH_LIMITS.maxCheckInChars)
    .refine(withoutMedicalClaim, MEDICAL_CLAIM_MESSAGE),
});
export type CheckIn = z.infer<typeof checkInSchema>;

export const sessionPlanResponseSchema = z
  .object({
    introduction: z
      .string()
      .min(1)
      .max(COACH_LIMITS.maxReplyChars)
      .refine(withoutMedicalClaim, MEDICAL_CLAIM_MESSAGE),
    checkIns: z.array(checkInSchema).max(COACH_LIMITS.maxCheckIns),
    source: coachSourceSchema,
    fallbackReason,
  })
  .superRefine((plan, ctx) => {
    plan.checkIns.forEach((checkIn, index) => {
      const previous = plan.checkIns[index - 1];
      if (previous !== undefined && checkIn.breath <= previous.breath) {
        ctx.addIssue({
          code: 'custom',
          path: ['checkIns', index, 'breath'],
          message: 'check-ins must be sorted by breath, one per breath',
        });
      }
    });
  });
export type SessionPlanResponse = z.infer<typeof sessionPlanResponseSchema>;

/** The response schema for a given session: every check-in falls on one of its breaths. */
export function sessionPlanResponseSchemaFor(totalBreaths: number) {
  return sessionPlanResponseSchema.superRefine((plan, ctx) => {
    plan.checkIns.forEach((checkIn, index) => {
      if (checkIn.breath > totalBreaths) {
        ctx.addIssue({
          code: 'custom',
          path: ['checkIns', index, 'breath'],
          message: `breath must be at most ${totalBreaths}`,
        });
      }
    });
  });
}

export const TIMES_OF_DAY = ['morning', 'afternoon', 'evening', 'night'] as const;
export const timeOfDaySchema = z.enum(TIMES_OF_DAY);
export type TimeOfDay = z.infer<typeof timeOfDaySchema>;

const calmRating = z.int().min(1).max(5);

/** A session summary for feedback: no name, no note, no free text at all. */
export const feedbackRequestSchema = z
  .strictObject({
    patternId: z.string().min(1).max(64),
    status: z.enum(['completed', 'partial']),
    breathsCompleted: z.int().min(0),
    totalBreaths: z.int().min(1).max(PATTERN_LIMITS.maxCycles),
    // null: not rated (the rating before the session can be skipped, as can this one).
    calmBefore: calmRating.nullable(),
    calmAfter: calmRating.nullable(),
    goal: goalSchema.optional(),
    experience: experienceSchema.optional(),
    timeOfDay: timeOfDaySchema,
  })
  .superRefine(
    (request, ctx) => {
      if (request.breathsCompleted > request.totalBreaths) {
        ctx.addIssue({
          code: 'custom',
          path: ['breathsCompleted'],
          message: 'breathsCompleted must not exceed totalBreaths',
        });
      } else if (
        request.status === 'completed' &&
        request.breathsCompleted !== request.totalBreaths
      ) {
        ctx.addIssue({
          code: 'custom',
          path: ['status'],
          message: 'a completed session must have every breath completed',
        });
      }
    },
    { when: (payload) => payload.issues.length === 0 },
  );
export type FeedbackRequest = z.infer<typeof feedbackRequestSchema>;

export const feedbackResponseSchema = z.object({
  text: z
    .string()
    .min(1)
    .max(COACH_LIMITS.maxFeedbackChars)
    .refine((text) => {
      const count = sentenceCount(text);
      return (
        count >= COACH_LIMITS.minFeedbackSentences && count <= COACH_LIMITS.maxFeedbackSentences
      );
    }, `must be ${COACH_LIMITS.minFeedbackSentences}–${COACH_LIMITS.maxFeedbackSentences} sentences`)
    .refine(withoutMedicalClaim, MEDICAL_CLAIM_MESSAGE),
  source: coachSourceSchema,
  fallbackReason,
});
export type FeedbackResponse = z.infer<typeof feedbackResponseSchema>;

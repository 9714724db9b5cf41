export {
  COACH_LIMITS,
  EXPERIENCES,
  GOALS,
  NAME_PLACEHOLDER,
  ONBOARDING_STEPS,
  SAFETY_CONDITIONS,
  TIMES_OF_DAY,
  chatMessageSchema,
  checkInSchema,
  chipSchema,
  clockTimeSchema,
  coachProfilePatchSchema,
  coachProfileSchema,
  coachSourceSchema,
  experienceSchema,
  feedbackRequestSchema,
  feedbackResponseSchema,
  goalSchema,
  onboardingStepSchema,
  onboardingTurnRequestSchema,
  onboardingTurnResponseSchema,
  preferredTimeSchema,
  safetyAnswersSchema,
  sessionPlanRequestSchema,
  sessionPlanResponseSchema,
  sessionPlanResponseSchemaFor,
  timeOfDaySchema,
  type ChatMessage,
  type CheckIn,
  type Chip,
  type CoachProfile,
  type CoachProfilePatch,
  type CoachSource,
  type Experience,
  type FeedbackRequest,
  type FeedbackResponse,
  type Goal,
  type OnboardingStep,
  type OnboardingTurnRequest,
  type OnboardingTurnResponse,
  type PreferredTime,
  type SafetyAnswers,
  type SafetyCondition,
  type SessionPlanRequest,
  type SessionPlanResponse,
  type TimeOfDay,
} from './contracts';
export { CRISIS_RESOURCES, crisisMessage, detectCrisis } from './crisis';
export { scriptedFeedback } from './feedback';
export { MEDICAL_CLAIM_PATTERNS, containsMedicalClaim } from './medical-claims';
export { MAX_NAME_LENGTH, extractName, fillName, redactName } from './name';
export {
  onboardingChips,
  scriptedOnboardingTurn,
  startOnboarding,
  type ScriptedCoachOptions,
} from './onboarding';
export {
  parseExperience,
  parseGoal,
  parsePreferredTime,
  parseSafetyReply,
  type PreferredTimeReply,
  type SafetyReply,
} from './parse-answers';
export { formatClockTime, parseClockTime, type ClockTimeOptions } from './parse-time';
export { mergeProfile, nextOnboardingStep } from './profile';
export { seededRandom, type Random } from './random';
export {
  SAFETY_CONDITION_LABELS,
  allowsBreathHolds,
  hasContraindication,
  isGentleOnly,
  safetyNoteFor,
} from './safety';
export { sentenceCount } from './sentences';
export { MAX_SCRIPTED_CHECK_INS, checkInBreaths, scriptedSessionPlan } from './session-plan';
export { timeOfDayForHour } from './time-of-day';

import {
  COACH_LIMITS,
  SAFETY_CONDITIONS,
  coachProfilePatchSchema,
  containsMedicalClaim,
  feedbackResponseSchema,
  isGentleOnly,
  mergeProfile,
  nextOnboardingStep,
  onboardingStepSchema,
  onboardingTurnResponseSchema,
  safetyNoteFor,
  scriptedOnboardingTurn,
  sentenceCount,
  sessionPlanResponseSchemaFor,
  type CoachProfilePatch,
  type FeedbackResponse,
  type OnboardingStep,
  type OnboardingTurnRequest,
  type OnboardingTurnResponse,
  type SessionPlanRequest,
  type SessionPlanResponse,
} from '@exhale/core/coach';
import { z } from 'zod';

// What a model wrote is never passed on as it is: each answer is parsed, held to the
// shared contracts and to the rules below, and completed from the scripted coach.

/** A model answer turned into a response, or the reason it cannot be used (for the log). */
export type Verdict<T> =
  { ok: true; response: T } | { ok: false; reason: string; issues?: string[] };

const invalid = (reason: string, issues?: string[]) => ({ ok: false as const, reason, issues });

function parseJson(text: string): unknown {
  try {
    // Some local models wrap JSON in a Markdown fence despite JSON mode.
    return JSON.parse(text.replace(/^\s*```(?:json)?\s*|\s*```\s*$/g, ''));
  } catch {
    return undefined;
  }
}

function issuePaths(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.code}`);
}

const ASKS_FOR_NAME = /\b(?:your|ur)\s+(?:first\s+)?name\b|\bcall\s+you\b/i;
// "no breath holds" is what a gentle plan should say; any other hold is not gentle.
const NEGATED_HOLD =
  /\b(?:no|without|never|not|don't|do not)\s+(?:any\s+)?(?:breath[- ]?hold(?:s|ing)?|hold(?:ing)?\s+(?:your\s+|the\s+)?breath)/gi;
export function mentionsBreathHold(text: string): boolean {
  return /\bhold/i.test(text.replace(NEGATED_HOLD, ''));
}

export type ModelStep = Exclude<OnboardingStep, 'name'>;
const onboardingOutputSchema = z.object({
  reply: z.string().trim().min(1).max(COACH_LIMITS.maxReplyChars),
  step: onboardingStepSchema.exclude(['name']),
  profile: coachProfilePatchSchema,
});

/** Forgives harmless shapes (`"goal": null`, a time on "morning") so they cost no retry. */
function tidyProfile(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null) return raw;
  const profile = Object.fromEntries(Object.entries(raw).filter(([, value]) => value != null));
  const time = profile.preferredTime as { kind?: unknown; time?: unknown } | undefined;
  if (time && time.kind !== 'custom') profile.preferredTime = { kind: time.kind };
  return profile;
}

/** The question a turn answers; mirrors the scripted coach's own inference. */
export function answeredStep(request: OnboardingTurnRequest): OnboardingStep | 'start' {
  if (request.step !== undefined) return request.step;
  if (request.messages.length === 0 && request.message.trim() === '') return 'start';
  if (!request.messages.some((message) => message.role === 'person')) return 'name';
  return nextOnboardingStep(request.profile);
}

function isAnswered(step: OnboardingStep, profile: CoachProfilePatch): boolean {
  switch (step) {
    case 'experience':
      return profile.experience !== undefined;
    case 'goal':
      return profile.goal !== undefined;
    case 'safety':
      return profile.safety !== undefined;
    case 'safetyDetail':
      return SAFETY_CONDITIONS.some(
        (condition) => typeof profile.safety?.[condition] === 'boolean',
      );
    case 'preferredTime':
    case 'customTime':
      return profile.preferredTime !== undefined;
    default:
      return true;
  }
}

/** The questions a reply may ask next: the flow's next one, a follow-up, or the same again. */
function allowedNextSteps(answered: ModelStep, merged: CoachProfilePatch): Set<OnboardingStep> {
  const allowed = new Set<OnboardingStep>([nextOnboardingStep(merged)]);
  if (!isAnswered(answered, merged)) allowed.add(answered);
  if (answered === 'safety' || answered === 'safetyDetail') allowed.add('safetyDetail');
  if ((answered === 'preferredTime' || answered === 'customTime') && !merged.preferredTime) {
    allowed.add('customTime');
  }
  return allowed;
}

/**
 * A model may add a "yes" to the safety screen at any time (erring towards gentle), but a
 * "no" or "unsure" only in answer to the safety question, and never overwrite a "yes".
 */
function safetyProblem(
  answered: ModelStep,
  before: CoachProfilePatch,
  patch: CoachProfilePatch,
): string | undefined {
  const asked = answered === 'safety' || answered === 'safetyDetail';
  for (const condition of SAFETY_CONDITIONS) {
    const value = patch.safety?.[condition];
    if (value === undefined || value === true) continue;
    if (before.safety?.[condition] === true) return 'safety_overwrite';
    if (!asked) return 'safety_unasked';
  }
  return undefined;
}

/** The chips (and multi-select) the scripted coach shows for a question: the same everywhere. */
function chipsFor(step: OnboardingStep, profile: CoachProfilePatch) {
  // An empty answer is never understood, so the scripted coach re-asks `step` with its chips.
  const { chips, multiSelect } = scriptedOnboardingTurn({
    messages: [],
    message: '',
    profile,
    step,
  });
  return multiSelect === undefined ? { chips } : { chips, multiSelect };
}

/**
 * Checks one onboarding answer against the contract and the flow, and completes it with
 * what the model is not trusted with: the chips, the merged profile, the safety note.
 */
export function evaluateOnboarding(
  text: string,
  request: OnboardingTurnRequest,
  answered: ModelStep,
): Verdict<OnboardingTurnResponse> {
  const json = parseJson(text);
  if (json === undefined) return invalid('not_json');
  const parsed = onboardingOutputSchema.safeParse(
    typeof json === 'object' && json !== null
      ? { ...json, profile: tidyProfile((json as { profile?: unknown }).profile) }
      : json,
  );
  if (!parsed.success) return invalid('schema', issuePaths(parsed.error));
  const { reply, step, profile: patch } = parsed.data;
  if (containsMedicalClaim(reply)) return invalid('medical_claim');
  if (ASKS_FOR_NAME.test(reply)) return invalid('asks_for_name');
  const safety = safetyProblem(answered, request.profile, patch);
  if (safety) return invalid(safety);
  const profile = mergeProfile(request.profile, patch);
  if (!allowedNextSteps(answered, profile).has(step)) return invalid('step');

  const safetyAnswered = patch.safety !== undefined && step !== 'safety' && step !== 'safetyDetail';
  const safetyNote = safetyAnswered ? safetyNoteFor(profile) : undefined;
  const checked = onboardingTurnResponseSchema.safeParse({
    reply,
    ...chipsFor(step, profile),
    step,
    profile,
    done: step === 'done',
    ...(safetyNote === undefined ? {} : { safetyNote }),
    source: 'model',
  });
  return checked.success
    ? { ok: true, response: checked.data }
    : invalid('schema', issuePaths(checked.error));
}

const sessionPlanOutputSchema = z.object({
  introduction: z.string().trim().min(1),
  checkIns: z.array(z.string().trim().min(1)),
});

export function evaluateSessionPlan(
  text: string,
  request: SessionPlanRequest,
  breaths: readonly number[],
): Verdict<SessionPlanResponse> {
  const parsed = sessionPlanOutputSchema.safeParse(parseJson(text));
  if (!parsed.success) return invalid('schema', issuePaths(parsed.error));
  const { introduction, checkIns } = parsed.data;
  if (checkIns.length !== breaths.length) return invalid('check_in_count');
  const texts = [introduction, ...checkIns];
  if (texts.some(containsMedicalClaim)) return invalid('medical_claim');
  if (isGentleOnly(request.profile) && texts.some(mentionsBreathHold))
    return invalid('breath_hold');
  const checked = sessionPlanResponseSchemaFor(request.totalBreaths).safeParse({
    introduction,
    checkIns: breaths.map((breath, i) => ({ breath, text: checkIns[i] })),
    source: 'model',
  });
  return checked.success
    ? { ok: true, response: checked.data }
    : invalid('schema', issuePaths(checked.error));
}

const feedbackOutputSchema = z.object({ text: z.string().trim().min(1) });

export function evaluateFeedback(text: string): Verdict<FeedbackResponse> {
  const parsed = feedbackOutputSchema.safeParse(parseJson(text));
  if (!parsed.success) return invalid('schema', issuePaths(parsed.error));
  const feedback = parsed.data.text;
  if (containsMedicalClaim(feedback)) return invalid('medical_claim');
  const sentences = sentenceCount(feedback);
  if (
    sentences < COACH_LIMITS.minFeedbackSentences ||
    sentences > COACH_LIMITS.maxFeedbackSentences
  ) {
    return invalid('sentence_count');
  }
  const checked = feedbackResponseSchema.safeParse({ text: feedback, source: 'model' });
  return checked.success
    ? { ok: true, response: checked.data }
    : invalid('schema', issuePaths(checked.error));
}

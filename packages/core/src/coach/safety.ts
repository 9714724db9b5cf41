import { SAFETY_CONDITIONS, type CoachProfilePatch, type SafetyCondition } from './contracts';

/** How each condition is named to the person, on chips and in the question. */
export const SAFETY_CONDITION_LABELS: Record<SafetyCondition, string> = {
  pregnancy: 'Pregnancy',
  seizures: 'Epilepsy or seizures',
  heartOrBloodPressure: 'Heart or blood pressure',
  recentSurgery: 'Recent surgery',
  panicAttacks: 'Panic attacks',
};

function answers(profile: CoachProfilePatch) {
  return SAFETY_CONDITIONS.map((condition) => profile.safety?.[condition]);
}

export function hasContraindication(profile: CoachProfilePatch): boolean {
  return answers(profile).some((answer) => answer === true);
}

/**
 * Gentle patterns only (slow breathing, no breath holds) unless the person has answered
 * "no" to every condition: a "yes", a "not sure" or an unanswered screen all keep it
 * gentle, so nothing stronger is ever offered on a guess.
 */
export function isGentleOnly(profile: CoachProfilePatch): boolean {
  return !answers(profile).every((answer) => answer === false);
}

export function allowsBreathHolds(profile: CoachProfilePatch): boolean {
  return !isGentleOnly(profile);
}

const NOTE_AFTER_YES =
  "Because of what you've shared, please check with your doctor before trying breathwork beyond gentle breathing. " +
  'Until then, Exhale keeps you on gentle patterns with no breath holds. ' +
  'If you ever feel dizzy or unwell while practising, stop and breathe normally.';

const NOTE_WHEN_UNSURE =
  'If any of these might apply to you, please check with your doctor before trying breathwork beyond gentle breathing. ' +
  'Until then, Exhale keeps you on gentle patterns with no breath holds. ' +
  'If you ever feel dizzy or unwell while practising, stop and breathe normally.';

/**
 * The plain-language note to show once the safety screen is answered, or undefined when
 * every answer was "no" or the screen has not been reached yet.
 */
export function safetyNoteFor(profile: CoachProfilePatch): string | undefined {
  if (profile.safety === undefined || !isGentleOnly(profile)) return undefined;
  return hasContraindication(profile) ? NOTE_AFTER_YES : NOTE_WHEN_UNSURE;
}

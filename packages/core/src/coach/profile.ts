import type { CoachProfilePatch, OnboardingStep } from './contracts';

/** The profile with the patch laid over it; safety answers merge one by one. */
export function mergeProfile(
  profile: CoachProfilePatch,
  patch: CoachProfilePatch,
): CoachProfilePatch {
  const merged: CoachProfilePatch = { ...profile, ...patch };
  if (profile.safety !== undefined || patch.safety !== undefined) {
    merged.safety = { ...profile.safety, ...patch.safety };
  }
  return merged;
}

/**
 * The next question the profile still needs, in the order onboarding asks them; the
 * name is not part of the profile (it stays on the device), so it is never "next".
 */
export function nextOnboardingStep(profile: CoachProfilePatch): OnboardingStep {
  if (profile.experience === undefined) return 'experience';
  if (profile.goal === undefined) return 'goal';
  if (profile.safety === undefined) return 'safety';
  if (profile.preferredTime === undefined) return 'preferredTime';
  return 'done';
}

import type { OnboardingResult } from '@/features/coach/use-onboarding-chat';
import { completeSafety } from '@/features/coach/use-onboarding-chat';
import type { Profile, Storage } from '@/lib/storage';

/**
 * Stores what the welcome chat learned, replacing any earlier answers (a redo starts from
 * nothing). The first completion's date is kept: it says when the person joined.
 */
export async function saveOnboarding(
  storage: Storage,
  { name, profile }: OnboardingResult,
  now: Date = new Date(),
): Promise<Profile> {
  const previous = await storage.profile.get().catch(() => null);
  return storage.profile.save({
    name,
    experience: profile.experience ?? null,
    goal: profile.goal ?? null,
    safety: completeSafety(profile.safety),
    preferredTime: profile.preferredTime ?? null,
    onboardedAt: previous?.onboardedAt ?? now.toISOString(),
  });
}

import {
  sessionPlanResponseSchema,
  type CoachProfilePatch,
  type SessionPlanRequest,
  type SessionPlanResponse,
} from '@exhale/core/coach';

import type { Profile, SettingsRepository } from '@/lib/storage';

export const SESSION_PLAN_KEY = 'coach.sessionPlan';

interface CachedPlan {
  /** The request it answers: a plan for another profile or pattern is not reused. */
  request: SessionPlanRequest;
  /** As the coach wrote it: the name still the placeholder (filled in when shown). */
  plan: SessionPlanResponse;
  savedAt: string;
}

/** Only what the coach may know about the person: never the name, never notes. */
export function coachProfileOf(profile: Profile | null): CoachProfilePatch {
  return {
    ...(profile?.experience ? { experience: profile.experience } : {}),
    ...(profile?.goal ? { goal: profile.goal } : {}),
    ...(profile?.safety ? { safety: profile.safety } : {}),
  };
}

/** JSON with object keys sorted, so two equal requests compare equal however built. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );
}

function sameRequest(a: SessionPlanRequest, b: SessionPlanRequest): boolean {
  return canonical(a) === canonical(b);
}

/**
 * The plan last prepared for exactly this request (pattern, length and profile), so a
 * session offline still gets the introduction and check-ins the person was shown.
 */
export async function cachedSessionPlan(
  settings: SettingsRepository,
  request: SessionPlanRequest,
): Promise<SessionPlanResponse | null> {
  const cached = await settings.get<CachedPlan | null>(SESSION_PLAN_KEY, null);
  if (cached === null || !sameRequest(cached.request, request)) return null;
  // Stored by an older app, or edited: only a plan that still meets the contract is used.
  const plan = sessionPlanResponseSchema.safeParse(cached.plan);
  return plan.success ? plan.data : null;
}

export async function cacheSessionPlan(
  settings: SettingsRepository,
  request: SessionPlanRequest,
  plan: SessionPlanResponse,
  now: Date = new Date(),
): Promise<void> {
  const value: CachedPlan = { request, plan, savedAt: now.toISOString() };
  await settings.set(SESSION_PLAN_KEY, value);
}

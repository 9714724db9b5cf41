import {
  fillName,
  scriptedSessionPlan,
  seededRandom,
  type SessionPlanRequest,
  type SessionPlanResponse,
} from '@exhale/core/coach';
import { useEffect, useState } from 'react';

import { cachedSessionPlan, coachProfileOf } from '@/features/coach/session-plan-cache';
import { useStorage, useStorageError, type Profile, type Storage } from '@/lib/storage';

import type { SessionGuide } from './session-guide';

export interface SessionGuideRequest {
  patternId: string;
  totalBreaths: number;
}

export function sessionPlanRequest(
  profile: Profile | null,
  { patternId, totalBreaths }: SessionGuideRequest,
): SessionPlanRequest {
  return { profile: coachProfileOf(profile), patternId, totalBreaths };
}

/** A plan as the person meets it: their name filled in on the device. */
export function guideFromPlan(plan: SessionPlanResponse, name: string | null): SessionGuide {
  return {
    introduction: fillName(plan.introduction, name),
    checkIns: plan.checkIns.map(({ breath, text }) => ({ breath, text: fillName(text, name) })),
    source: plan.source,
  };
}

/** The on-device scripted coach's guide, with the person's name filled in locally. */
export function scriptedGuide(
  profile: Profile | null,
  request: SessionGuideRequest,
  random: () => number,
): SessionGuide {
  const plan = scriptedSessionPlan(sessionPlanRequest(profile, request), random);
  return guideFromPlan(plan, profile?.name ?? null);
}

/**
 * Where the session's guide comes from: the plan the coach prepared for this profile
 * (on the introduction screen, cached on the device so it works offline), else the
 * scripted coach on the device. The session itself never waits on a network.
 */
async function loadSessionGuide(
  storage: Storage | null,
  request: SessionGuideRequest,
  seed: number,
): Promise<SessionGuide> {
  const profile = storage === null ? null : await storage.profile.get().catch(() => null);
  const cached =
    storage === null
      ? null
      : await cachedSessionPlan(storage.settings, sessionPlanRequest(profile, request)).catch(
          () => null,
        );
  if (cached !== null) return guideFromPlan(cached, profile?.name ?? null);
  return scriptedGuide(profile, request, seededRandom(seed));
}

/**
 * The introduction and body check-ins for this session, or null while they are being
 * prepared (moments; the first check-in is breaths away). Prepared once per session.
 */
export function useSessionPlan({ patternId, totalBreaths }: SessionGuideRequest) {
  const storage = useStorage();
  const storageError = useStorageError();
  const [guide, setGuide] = useState<SessionGuide | null>(null);
  const [seed] = useState(() => Date.now());
  const waitingForStorage = storage === null && storageError === null;

  useEffect(() => {
    if (waitingForStorage) return;
    let current = true;
    loadSessionGuide(storage, { patternId, totalBreaths }, seed).then(
      (loaded) => current && setGuide((previous) => previous ?? loaded),
      (error: unknown) => console.warn('Could not prepare the session guide', error),
    );
    return () => {
      current = false;
    };
  }, [waitingForStorage, storage, patternId, totalBreaths, seed]);

  return guide;
}

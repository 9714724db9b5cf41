import {
  fillName,
  scriptedSessionPlan,
  seededRandom,
  type CoachProfilePatch,
} from '@exhale/core/coach';
import { useEffect, useState } from 'react';

import { useStorage, useStorageError, type Profile, type Storage } from '@/lib/storage';

import type { SessionGuide } from './session-guide';

export interface SessionGuideRequest {
  patternId: string;
  totalBreaths: number;
}

/** Only what the coach may know: never the name (filled in afterwards, on the device). */
export function coachProfileOf(profile: Profile | null): CoachProfilePatch {
  return {
    ...(profile?.experience ? { experience: profile.experience } : {}),
    ...(profile?.goal ? { goal: profile.goal } : {}),
  };
}

/** The on-device scripted coach's guide, with the person's name filled in locally. */
export function scriptedGuide(
  profile: Profile | null,
  request: SessionGuideRequest,
  random: () => number,
): SessionGuide {
  const plan = scriptedSessionPlan({ ...request, profile: coachProfileOf(profile) }, random);
  const name = profile?.name ?? null;
  return {
    introduction: fillName(plan.introduction, name),
    checkIns: plan.checkIns.map(({ breath, text }) => ({ breath, text: fillName(text, name) })),
    source: plan.source,
  };
}

/**
 * Where the session's guide comes from. For now the scripted coach on the device; when
 * the coach API's session plan is wired in, it goes here: ask the API, cache the answer
 * on the device (settings repository) for offline use, and fall back to this.
 */
async function loadSessionGuide(
  storage: Storage | null,
  request: SessionGuideRequest,
  seed: number,
): Promise<SessionGuide> {
  const profile = storage === null ? null : await storage.profile.get().catch(() => null);
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

import { FIRST_BREATH, planSession } from '@exhale/core';
import { fillName } from '@exhale/core/coach';
import { useEffect, useState } from 'react';

import { sessionPlanRequest } from '@/features/guidance/use-session-plan';
import { useStorage, useStorageError } from '@/lib/storage';

import { cacheSessionPlan } from './session-plan-cache';
import { useDeviceCoach } from './use-device-coach';

const FIRST_BREATH_PLAN = planSession(FIRST_BREATH);

export interface CoachIntroduction {
  text: string;
  checkIns: number;
  /** The person's name, for the heading; null when they kept it to themselves. */
  name: string | null;
}

/**
 * The coach's personal introduction to First Breath. Asks the coach (API or scripted on
 * the device) for the session plan, keeps it on the device so the session uses the same
 * check-ins even offline, and returns the introduction with the name filled in.
 */
export function useCoachIntroduction(): CoachIntroduction | null {
  const storage = useStorage();
  const storageError = useStorageError();
  const coach = useDeviceCoach();
  const [introduction, setIntroduction] = useState<CoachIntroduction | null>(null);
  const waiting = storage === null && storageError === null;

  useEffect(() => {
    if (waiting) return;
    const controller = new AbortController();
    (async () => {
      const profile = storage === null ? null : await storage.profile.get().catch(() => null);
      const request = sessionPlanRequest(profile, {
        patternId: FIRST_BREATH_PLAN.pattern.id,
        totalBreaths: FIRST_BREATH_PLAN.cycles,
      });
      const plan = await coach.sessionPlan(request, { signal: controller.signal });
      if (controller.signal.aborted) return;
      const name = profile?.name ?? null;
      setIntroduction({
        text: fillName(plan.introduction, name),
        checkIns: plan.checkIns.length,
        name,
      });
      if (storage !== null) {
        await cacheSessionPlan(storage.settings, request, plan).catch((error: unknown) =>
          console.warn('Could not keep the session plan on this device', error),
        );
      }
    })();
    return () => controller.abort();
  }, [waiting, storage, coach]);

  return introduction;
}

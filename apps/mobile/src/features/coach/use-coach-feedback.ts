import type { SessionRecord } from '@exhale/core';
import { timeOfDayForHour, type FeedbackRequest } from '@exhale/core/coach';
import { useEffect, useState } from 'react';

import type { Profile } from '@/lib/storage';

import { useDeviceCoach } from './use-device-coach';

export interface FeedbackSummary {
  status: SessionRecord['status'];
  patternId: string;
  breathsCompleted: number;
  totalBreaths: number;
  calmBefore: number | null;
  startedAt: Date;
}

/** What the coach is told about a session: numbers and choices only, no name, no note. */
export function feedbackRequest(
  session: FeedbackSummary,
  calmAfter: number | null,
  profile: Profile | null,
): FeedbackRequest {
  return {
    patternId: session.patternId,
    status: session.status,
    breathsCompleted: session.breathsCompleted,
    totalBreaths: session.totalBreaths,
    calmBefore: session.calmBefore,
    calmAfter,
    ...(profile?.goal ? { goal: profile.goal } : {}),
    ...(profile?.experience ? { experience: profile.experience } : {}),
    timeOfDay: timeOfDayForHour(session.startedAt.getHours()),
  };
}

export interface CoachFeedback {
  /** The words so far ('' until the first arrive). */
  text: string;
  done: boolean;
}

/**
 * The coach's few sentences on the session, streamed in: from the API, or written on the
 * device when it cannot answer (the person cannot tell the difference). Starts when
 * `request` is given; null waits (the calm rating comes first).
 */
export function useCoachFeedback(
  request: FeedbackRequest | null,
  name: string | null,
): CoachFeedback | null {
  const coach = useDeviceCoach();
  const [feedback, setFeedback] = useState<CoachFeedback | null>(null);
  const key = request === null ? null : JSON.stringify(request);

  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    setFeedback({ text: '', done: false });
    coach
      .feedback(JSON.parse(key) as FeedbackRequest, {
        name,
        signal: controller.signal,
        onText: (text) => !controller.signal.aborted && setFeedback({ text, done: false }),
      })
      .then((response) => {
        if (!controller.signal.aborted) setFeedback({ text: response.shown, done: true });
      });
    return () => controller.abort();
  }, [key, name, coach]);

  return feedback;
}

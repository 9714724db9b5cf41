import {
  COACH_LIMITS,
  detectCrisis,
  fillName,
  redactName,
  scriptedFeedback,
  scriptedOnboardingTurn,
  scriptedSessionPlan,
  type FeedbackRequest,
  type FeedbackResponse,
  type OnboardingTurnRequest,
  type OnboardingTurnResponse,
  type Random,
  type SessionPlanRequest,
  type SessionPlanResponse,
} from '@exhale/core/coach';

import type { CoachClient, StreamHandlers } from '@/lib/api';

export interface DeviceCoachOptions {
  /** The coach API, or null when there is none (a phone build without an API address). */
  client: CoachClient | null;
  random?: Random;
  /** Told why the API was not used, for logs; the person never sees it. */
  onFallback?: (error: unknown) => void;
}

export interface TurnContext {
  /** The person's name, known on this device only: removed before sending, filled in after. */
  name: string | null;
  /** The reply so far as the person reads it, each time more of it streams in (or '' when it restarts). */
  onText?: (text: string) => void;
  signal?: AbortSignal;
}

/** Coach text as the person reads it: with their name, or reworded without one. */
export type Personal<T> = T & { shown: string };

/**
 * Text about to leave the device: the name (and each part of it) replaced by the
 * placeholder, and cut to what the API accepts.
 */
function outgoing(text: string, name: string | null, max: number): string {
  return redactName(text, name).slice(0, max);
}

/**
 * The coach as the app uses it: the API when it answers well, the scripted coach on the
 * device whenever it does not (no server, offline, slow, 429, an invalid answer), with no
 * error shown. Never rejects. The person's name never leaves the device, and crisis
 * language is answered on the device before anything is sent.
 */
export function createDeviceCoach({
  client,
  random = Math.random,
  onFallback,
}: DeviceCoachOptions) {
  async function withFallback<T>(
    remote: ((client: CoachClient) => Promise<T>) | null,
    scripted: () => T,
    handlers: StreamHandlers,
  ): Promise<T> {
    if (remote !== null && client !== null) {
      try {
        return await remote(client);
      } catch (error) {
        onFallback?.(error);
        handlers.onReset?.(); // whatever streamed in before the failure is replaced
      }
    }
    return scripted();
  }

  return {
    async onboardingTurn(
      request: OnboardingTurnRequest,
      { name, ...context }: TurnContext,
    ): Promise<Personal<OnboardingTurnResponse>> {
      const handlers = streamedText(name, context);
      const safe: OnboardingTurnRequest = {
        ...request,
        message: outgoing(request.message, name, COACH_LIMITS.maxMessageChars),
        messages: request.messages.slice(-COACH_LIMITS.maxHistoryMessages).map((message) => ({
          role: message.role,
          text: outgoing(message.text, name, COACH_LIMITS.maxHistoryTextChars),
        })),
      };
      // The name step is answered here (the API is never told a name); crisis language
      // gets its reply at once, without waiting on a network.
      const local = request.step === 'name' || detectCrisis(request.message);
      const response = await withFallback(
        local ? null : (api) => api.onboardingTurn(safe, handlers),
        () => scriptedOnboardingTurn(safe, { random }),
        handlers,
      );
      return { ...response, shown: fillName(response.reply, name) };
    },

    async sessionPlan(
      request: SessionPlanRequest,
      handlers: Pick<StreamHandlers, 'signal'> = {},
    ): Promise<SessionPlanResponse> {
      return withFallback(
        (api) => api.sessionPlan(request, handlers),
        () => scriptedSessionPlan(request, random),
        handlers,
      );
    },

    async feedback(
      request: FeedbackRequest,
      { name, ...context }: TurnContext,
    ): Promise<Personal<FeedbackResponse>> {
      const handlers = streamedText(name, context);
      const response = await withFallback(
        (api) => api.feedback(request, handlers),
        () => scriptedFeedback(request, random),
        handlers,
      );
      return { ...response, shown: fillName(response.text, name) };
    },
  };
}

export type DeviceCoach = ReturnType<typeof createDeviceCoach>;

/**
 * Turns the API's deltas into the whole text so far, as the person reads it: the name
 * filled in (or the sentence reworded without one). A placeholder can arrive split across
 * deltas ("{{na" + "me}}"), so an unclosed "{{" at the end is held back until it closes.
 */
function streamedText(
  name: string | null,
  { onText, signal }: Pick<TurnContext, 'onText' | 'signal'>,
): StreamHandlers {
  let raw = '';
  const show = () => {
    const open = raw.lastIndexOf('{{');
    const complete = open === -1 || raw.indexOf('}}', open) !== -1 ? raw : raw.slice(0, open);
    onText?.(fillName(complete, name));
  };
  return {
    signal,
    onDelta(text) {
      raw += text;
      show();
    },
    onReset() {
      raw = '';
      show();
    },
  };
}

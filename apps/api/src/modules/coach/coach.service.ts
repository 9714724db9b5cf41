import {
  checkInBreaths,
  containsMedicalClaim,
  detectCrisis,
  isGentleOnly,
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
import type { FastifyBaseLogger } from 'fastify';
import {
  LlmError,
  type ChatMessage,
  type JsonOutputFormat,
  type LlmProvider,
  type LlmResult,
} from '../../lib/llm/llm-provider';
import type { TokenBudget } from '../../lib/rate-limit/limits';
import {
  FEEDBACK_OUTPUT,
  ONBOARDING_OUTPUT,
  SESSION_PLAN_OUTPUT,
  feedbackMessages,
  onboardingMessages,
  sessionPlanMessages,
} from './coach.prompts';
import {
  answeredStep,
  evaluateFeedback,
  evaluateOnboarding,
  evaluateSessionPlan,
  type Verdict,
} from './coach.output';
import { jsonStringFieldReader, sentenceGate, wordChunks } from './streaming-text';

/** What a streaming client sees before the final response. */
export type CoachEvent =
  | { type: 'delta'; text: string }
  /** Discard the text so far: the model's answer was unusable and it is asked again. */
  | { type: 'retry'; reason: string }
  /** Discard the text so far: the scripted coach answers instead. */
  | { type: 'fallback'; reason: string };

/** Events while the answer is produced; the generator's return value is the response. */
export type CoachRun<T> = AsyncGenerator<CoachEvent, T>;

export type CoachCallContext = {
  /** Stream from the model (and emit deltas) rather than one complete answer. */
  stream: boolean;
  signal?: AbortSignal;
  log: FastifyBaseLogger;
};

export type CoachServiceDeps = {
  /** Unset: every answer is scripted. */
  llm: LlmProvider | undefined;
  budget: TokenBudget;
  random?: Random;
};

/** Why the scripted coach answered although a model is configured; the log has details. */
export type FallbackReason =
  | 'not_configured'
  | 'invalid_output'
  | 'first_token_timeout'
  | 'total_timeout'
  | 'upstream_error'
  | 'empty_output'
  | 'aborted';

type ModelTask<T> = {
  purpose: string;
  messages: ChatMessage[];
  format: JsonOutputFormat;
  maxTokens: number;
  /** The JSON string field people watch arrive; unset: nothing is streamed. */
  streamField?: string;
  evaluate(text: string): Verdict<T>;
  scripted(): T;
  /** What the scripted answer streams, word by word. */
  scriptedText(response: T): string;
};

export class CoachService {
  private readonly random: Random;

  constructor(private readonly deps: CoachServiceDeps) {
    this.random = deps.random ?? Math.random;
  }

  get modelConfigured(): boolean {
    return this.deps.llm !== undefined;
  }

  onboardingTurn(
    request: OnboardingTurnRequest,
    context: CoachCallContext,
  ): CoachRun<OnboardingTurnResponse> {
    const scripted = () => scriptedOnboardingTurn(request, { random: this.random });
    const answered = answeredStep(request);
    // Crisis language gets the fixed, kind reply with where to find help, never a model's.
    // The greeting and the name step are the device's business: nothing there goes out.
    if (
      detectCrisis(request.message) ||
      answered === 'start' ||
      answered === 'name' ||
      answered === 'done'
    ) {
      return this.scriptedOnly(scripted(), (response) => response.reply, context);
    }
    return this.run(
      {
        purpose: 'coach.onboarding',
        messages: onboardingMessages(
          answered,
          request.profile,
          request.message,
          isGentleOnly(request.profile),
        ),
        format: ONBOARDING_OUTPUT,
        maxTokens: 300,
        streamField: 'reply',
        evaluate: (text) => evaluateOnboarding(text, request, answered),
        scripted,
        scriptedText: (response) => response.reply,
      },
      context,
    );
  }

  sessionPlan(
    request: SessionPlanRequest,
    context: CoachCallContext,
  ): CoachRun<SessionPlanResponse> {
    const breaths = checkInBreaths(request.totalBreaths);
    return this.run(
      {
        purpose: 'coach.session_plan',
        messages: sessionPlanMessages(request, breaths, isGentleOnly(request.profile)),
        format: SESSION_PLAN_OUTPUT,
        maxTokens: 450,
        evaluate: (text) => evaluateSessionPlan(text, request, breaths),
        scripted: () => scriptedSessionPlan(request, this.random),
        scriptedText: (response) => response.introduction,
      },
      context,
    );
  }

  feedback(request: FeedbackRequest, context: CoachCallContext): CoachRun<FeedbackResponse> {
    return this.run(
      {
        purpose: 'coach.feedback',
        messages: feedbackMessages(request),
        format: FEEDBACK_OUTPUT,
        maxTokens: 300,
        streamField: 'text',
        evaluate: evaluateFeedback,
        scripted: () => scriptedFeedback(request, this.random),
        scriptedText: (response) => response.text,
      },
      context,
    );
  }

  private async *scriptedOnly<T>(
    response: T,
    text: (response: T) => string,
    context: CoachCallContext,
  ): CoachRun<T> {
    if (context.stream) {
      for (const word of wordChunks(text(response))) yield { type: 'delta', text: word };
    }
    return response;
  }

  /** The model, checked; one retry on unusable output; the scripted coach otherwise. */
  private async *run<T extends { source: string }>(
    task: ModelTask<T>,
    context: CoachCallContext,
  ): CoachRun<T> {
    const { llm } = this.deps;
    if (!llm) {
      return yield* this.scriptedOnly(
        { ...task.scripted(), fallbackReason: 'not_configured' satisfies FallbackReason },
        task.scriptedText,
        context,
      );
    }

    let reason: FallbackReason = 'invalid_output';
    for (let attempt = 1; attempt <= 2; attempt++) {
      let shown = false;
      let result: LlmResult;
      try {
        if (context.stream && task.streamField) {
          result = yield* this.streamAttempt(llm, task, context, () => {
            shown = true;
          });
        } else {
          result = await llm.complete(this.llmRequest(task, context));
        }
      } catch (error) {
        if (!(error instanceof LlmError)) throw error;
        await this.spend(error.usage.totalTokens, context);
        // A slow or failing provider is not asked twice: the person would wait twice.
        reason = error.reason;
        break;
      }
      await this.spend(result.usage.totalTokens, context);
      const verdict = task.evaluate(result.text);
      if (verdict.ok) return verdict.response;
      context.log.warn(
        {
          coach: { purpose: task.purpose, attempt, reason: verdict.reason, issues: verdict.issues },
        },
        'model output rejected',
      );
      if (attempt === 1 && shown) yield { type: 'retry', reason: 'invalid_output' };
    }

    yield { type: 'fallback', reason };
    return yield* this.scriptedOnly(
      { ...task.scripted(), fallbackReason: reason },
      task.scriptedText,
      context,
    );
  }

  /** Streams one model answer, releasing the watched field a checked sentence at a time. */
  private async *streamAttempt<T>(
    llm: LlmProvider,
    task: ModelTask<T>,
    context: CoachCallContext,
    onShown: () => void,
  ): AsyncGenerator<CoachEvent, LlmResult> {
    const field = jsonStringFieldReader(task.streamField ?? '');
    const gate = sentenceGate((text) => !containsMedicalClaim(text));
    const stream = llm.stream(this.llmRequest(task, context));
    let finished = false;
    for (;;) {
      const next = await stream.next();
      if (next.done) return next.value;
      let text = gate.push(field.push(next.value));
      if (field.complete && !finished) {
        finished = true;
        text += gate.finish();
      }
      if (text) {
        onShown();
        yield { type: 'delta', text };
      }
    }
  }

  private llmRequest<T>(task: ModelTask<T>, context: CoachCallContext) {
    return {
      messages: task.messages,
      json: task.format,
      maxTokens: task.maxTokens,
      purpose: task.purpose,
      signal: context.signal,
      log: context.log,
    };
  }

  private async spend(tokens: number, context: CoachCallContext) {
    try {
      await this.deps.budget.spend(tokens);
    } catch (error) {
      context.log.warn({ err: error }, 'token budget could not be updated');
    }
  }
}

/** Runs a coach answer to its end, ignoring the events: the JSON (non-streaming) path. */
export async function finalResponse<T>(run: CoachRun<T>): Promise<T> {
  for (;;) {
    const next = await run.next();
    if (next.done) return next.value;
  }
}

import OpenAI from 'openai';
import type {
  ChatCompletionCreateParamsBase,
  ChatCompletionChunk,
} from 'openai/resources/chat/completions';
import {
  estimateUsage,
  LlmError,
  type LlmFailureReason,
  type LlmProvider,
  type LlmRequest,
  type LlmResult,
  type LlmUsage,
} from './llm-provider';
import { nodeHttpFetch } from './node-http-fetch';

export type OpenAiProviderOptions = {
  apiKey: string | undefined;
  /** Any OpenAI-compatible server, e.g. http://localhost:11434/v1 for Ollama. */
  baseUrl: string | undefined;
  model: string;
  firstTokenTimeoutMs: number;
  totalTimeoutMs: number;
};

// Local servers (Ollama, llama.cpp) ignore the key, but the SDK refuses to start without one.
const LOCAL_SERVER_KEY = 'not-needed-for-local-servers';

type CallTimer = {
  signal: AbortSignal;
  /** Why the call was aborted, once it has been. */
  reason(): LlmFailureReason | undefined;
  firstToken(): void;
  elapsedMs(): number;
  dispose(): void;
};

/** Our own timers rather than the SDK's: its timeout ends at the response headers, not the last chunk. */
function startTimer(request: LlmRequest, totalMs: number, firstTokenMs?: number): CallTimer {
  const startedAt = performance.now();
  const controller = new AbortController();
  let reason: LlmFailureReason | undefined;
  const abort = (why: LlmFailureReason) => {
    reason ??= why;
    controller.abort();
  };
  const onCallerAbort = () => abort('aborted');
  if (request.signal?.aborted) abort('aborted');
  request.signal?.addEventListener('abort', onCallerAbort, { once: true });
  const total = setTimeout(() => abort('total_timeout'), totalMs);
  let first =
    firstTokenMs === undefined
      ? undefined
      : setTimeout(() => abort('first_token_timeout'), firstTokenMs);
  return {
    signal: controller.signal,
    reason: () => reason,
    firstToken: () => {
      clearTimeout(first);
      first = undefined;
    },
    elapsedMs: () => Math.round(performance.now() - startedAt),
    dispose: () => {
      clearTimeout(total);
      clearTimeout(first);
      request.signal?.removeEventListener('abort', onCallerAbort);
      // A consumer that stops reading early must not leave the upstream request open.
      controller.abort();
    },
  };
}

function usageFrom(
  reported: OpenAI.CompletionUsage | null | undefined,
  request: LlmRequest,
  text: string,
): LlmUsage {
  if (!reported) return estimateUsage(request.messages, text);
  return {
    promptTokens: reported.prompt_tokens,
    completionTokens: reported.completion_tokens,
    totalTokens: reported.total_tokens,
    estimated: false,
  };
}

export function createOpenAiProvider(options: OpenAiProviderOptions): LlmProvider {
  const client = new OpenAI({
    apiKey: options.apiKey ?? LOCAL_SERVER_KEY,
    baseURL: options.baseUrl ?? null,
    // Retrying is the coach's decision (once, on bad output); a slow provider gets a fallback.
    maxRetries: 0,
    // A backstop only: the timers above end every call first.
    timeout: options.totalTimeoutMs + 1000,
    fetch: nodeHttpFetch(),
  });

  const params = (request: LlmRequest): ChatCompletionCreateParamsBase => ({
    model: options.model,
    messages: request.messages,
    max_tokens: request.maxTokens,
    temperature: request.temperature ?? 0.7,
    // Ask the provider not to retain the conversation (OpenAI: no stored completions).
    store: false,
    ...(request.json && {
      response_format: {
        type: 'json_schema',
        json_schema: { name: request.json.name, schema: request.json.schema, strict: false },
      },
    }),
  });

  const logCall = (
    request: LlmRequest,
    mode: 'complete' | 'stream',
    outcome: 'ok' | LlmFailureReason,
    usage: LlmUsage,
    timing: { durationMs: number; firstTokenMs?: number },
  ) => {
    // Counts and timings only: prompts and replies never reach the log.
    request.log.info(
      {
        llm: { purpose: request.purpose, model: options.model, mode, outcome, ...usage, ...timing },
      },
      'llm call',
    );
  };

  const failure = (
    request: LlmRequest,
    timer: CallTimer,
    mode: 'complete' | 'stream',
    text: string,
    cause: unknown,
    firstTokenMs?: number,
  ) => {
    const reason = timer.reason() ?? 'upstream_error';
    const usage = estimateUsage(request.messages, text);
    logCall(request, mode, reason, usage, { durationMs: timer.elapsedMs(), firstTokenMs });
    if (reason === 'upstream_error') {
      request.log.warn({ err: cause, purpose: request.purpose }, 'llm call failed');
    }
    return new LlmError(reason, usage, { cause });
  };

  return {
    model: options.model,

    async complete(request) {
      const timer = startTimer(request, options.totalTimeoutMs);
      try {
        const completion = await client.chat.completions.create(
          { ...params(request), stream: false },
          { signal: timer.signal },
        );
        const text = completion.choices[0]?.message.content ?? '';
        const usage = usageFrom(completion.usage, request, text);
        if (!text) {
          logCall(request, 'complete', 'empty_output', usage, { durationMs: timer.elapsedMs() });
          throw new LlmError('empty_output', usage);
        }
        logCall(request, 'complete', 'ok', usage, { durationMs: timer.elapsedMs() });
        return { text, usage };
      } catch (error) {
        if (error instanceof LlmError) throw error;
        throw failure(request, timer, 'complete', '', error);
      } finally {
        timer.dispose();
      }
    },

    async *stream(request): AsyncGenerator<string, LlmResult> {
      const timer = startTimer(request, options.totalTimeoutMs, options.firstTokenTimeoutMs);
      let text = '';
      let firstTokenMs: number | undefined;
      let reported: OpenAI.CompletionUsage | undefined;
      let settled = false;
      try {
        const chunks = await client.chat.completions.create(
          { ...params(request), stream: true, stream_options: { include_usage: true } },
          { signal: timer.signal },
        );
        for await (const chunk of chunks as AsyncIterable<ChatCompletionChunk>) {
          if (chunk.usage) reported = chunk.usage;
          const delta = chunk.choices[0]?.delta?.content;
          if (!delta) continue;
          if (firstTokenMs === undefined) {
            firstTokenMs = timer.elapsedMs();
            timer.firstToken();
          }
          text += delta;
          yield delta;
        }
        // The SDK ends the iteration quietly when its signal aborts; that is still a failure.
        if (timer.reason()) throw new Error('stream aborted');
        settled = true;
      } catch (error) {
        settled = true;
        throw failure(request, timer, 'stream', text, error, firstTokenMs);
      } finally {
        if (!settled) {
          // The consumer stopped reading (its client went away): still account for the call.
          const usage = estimateUsage(request.messages, text);
          logCall(request, 'stream', 'aborted', usage, {
            durationMs: timer.elapsedMs(),
            firstTokenMs,
          });
        }
        timer.dispose();
      }
      const usage = usageFrom(reported, request, text);
      if (!text) {
        logCall(request, 'stream', 'empty_output', usage, { durationMs: timer.elapsedMs() });
        throw new LlmError('empty_output', usage);
      }
      logCall(request, 'stream', 'ok', usage, { durationMs: timer.elapsedMs(), firstTokenMs });
      return { text, usage };
    },
  };
}

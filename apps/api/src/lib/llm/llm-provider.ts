import type { FastifyBaseLogger } from 'fastify';

export type ChatMessage = { role: 'system' | 'user' | 'assistant'; content: string };

/** Structured output: the model is asked for JSON matching `schema` (a JSON Schema object). */
export type JsonOutputFormat = { name: string; schema: Record<string, unknown> };

export type LlmRequest = {
  messages: ChatMessage[];
  json?: JsonOutputFormat;
  maxTokens: number;
  temperature?: number;
  /** Logged with the usage line, e.g. `coach.onboarding`. */
  purpose: string;
  /** Aborts the call, e.g. when the client has gone away. */
  signal?: AbortSignal;
  log: FastifyBaseLogger;
};

export type LlmUsage = {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
  /** True when the provider reported none (an aborted stream, a server without usage). */
  estimated: boolean;
};

export type LlmResult = { text: string; usage: LlmUsage };

export type LlmFailureReason =
  'first_token_timeout' | 'total_timeout' | 'upstream_error' | 'empty_output' | 'aborted';

/** A model call that produced no usable text. `usage` says what it probably cost anyway. */
export class LlmError extends Error {
  constructor(
    readonly reason: LlmFailureReason,
    readonly usage: LlmUsage,
    options?: { cause?: unknown },
  ) {
    super(`LLM call failed: ${reason}`, options);
    this.name = 'LlmError';
  }
}

export interface LlmProvider {
  readonly model: string;
  /** One request, one answer; bounded by the total time limit. */
  complete(request: LlmRequest): Promise<LlmResult>;
  /**
   * Yields text as it arrives and returns the whole text with its usage. Bounded by the
   * first-token limit and the total limit; stopping early aborts the upstream request.
   */
  stream(request: LlmRequest): AsyncGenerator<string, LlmResult>;
}

/** Roughly four characters a token for English text: used only when usage is missing. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

export function estimateUsage(messages: readonly ChatMessage[], output: string): LlmUsage {
  const promptTokens = estimateTokens(messages.map((message) => message.content).join('\n'));
  const completionTokens = estimateTokens(output);
  return {
    promptTokens,
    completionTokens,
    totalTokens: promptTokens + completionTokens,
    estimated: true,
  };
}

import type { Env } from '../../env';
import type { LlmProvider } from './llm-provider';
import { createOpenAiProvider } from './openai-provider';

type LlmEnv = Pick<
  Env,
  | 'OPENAI_API_KEY'
  | 'OPENAI_BASE_URL'
  | 'OPENAI_MODEL'
  | 'COACH_FIRST_TOKEN_TIMEOUT_MS'
  | 'COACH_TOTAL_TIMEOUT_MS'
>;

/** A model when a key or a base URL is set (local servers need no key); undefined otherwise. */
export function createLlmProvider(env: LlmEnv): LlmProvider | undefined {
  if (!env.OPENAI_API_KEY && !env.OPENAI_BASE_URL) return undefined;
  return createOpenAiProvider({
    apiKey: env.OPENAI_API_KEY,
    baseUrl: env.OPENAI_BASE_URL,
    model: env.OPENAI_MODEL,
    firstTokenTimeoutMs: env.COACH_FIRST_TOKEN_TIMEOUT_MS,
    totalTimeoutMs: env.COACH_TOTAL_TIMEOUT_MS,
  });
}

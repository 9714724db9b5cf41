import { Writable } from 'node:stream';
import type { FastifyBaseLogger } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { deadPort } from '../../testing/network';
import { createLogger } from '../logger';
import { LlmError, type LlmProvider, type LlmRequest } from './llm-provider';
import { startLocalOpenAiServer, type LocalOpenAiServer } from './local-openai-server';
import { createOpenAiProvider } from './openai-provider';

const SECRET_PROMPT = 'The person said something only they should know: zebra-umbrella-42.';
const ANSWER = 'Breathe in slowly. Let the exhale be long and easy.';

function captureLogs() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  const log = createLogger({ LOG_LEVEL: 'info' }, destination) as FastifyBaseLogger;
  return { lines, log };
}

async function drain(stream: AsyncGenerator<string, unknown>) {
  const deltas: string[] = [];
  for (;;) {
    const next = await stream.next();
    if (next.done) return { deltas, result: next.value };
    deltas.push(next.value);
  }
}

async function failureOf(promise: Promise<unknown>): Promise<LlmError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof LlmError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('OpenAI provider against a local OpenAI-compatible server', () => {
  let server: LocalOpenAiServer;
  let provider: LlmProvider;
  let logs: ReturnType<typeof captureLogs>;

  const request = (overrides: Partial<LlmRequest> = {}): LlmRequest => ({
    messages: [
      { role: 'system', content: 'You are a calm breathing coach.' },
      { role: 'user', content: SECRET_PROMPT },
    ],
    maxTokens: 200,
    purpose: 'test',
    log: logs.log,
    ...overrides,
  });

  beforeAll(async () => {
    server = await startLocalOpenAiServer(() => ({ content: ANSWER }));
    provider = createOpenAiProvider({
      apiKey: undefined,
      baseUrl: server.baseUrl,
      model: 'local-model',
      firstTokenTimeoutMs: 300,
      totalTimeoutMs: 1000,
    });
  });
  afterAll(() => server.close());
  beforeEach(() => {
    logs = captureLogs();
    server.requests.length = 0;
    server.setScript(() => ({ content: ANSWER }));
  });

  it('completes without streaming and reports the usage the server counted', async () => {
    const result = await provider.complete(request());
    expect(result.text).toBe(ANSWER);
    expect(result.usage).toMatchObject({ completionTokens: Math.ceil(ANSWER.length / 4) });
    expect(result.usage.estimated).toBe(false);
    expect(server.requests[0]).toMatchObject({
      model: 'local-model',
      store: false,
      max_tokens: 200,
    });
    expect(server.requests[0]?.stream).toBeFalsy();
  });

  it('streams text as it arrives, then returns it whole with the reported usage', async () => {
    const { deltas, result } = await drain(provider.stream(request()));
    expect(deltas.length).toBeGreaterThan(3);
    expect(deltas.join('')).toBe(ANSWER);
    expect(result).toMatchObject({ text: ANSWER, usage: { estimated: false } });
    expect(server.requests[0]).toMatchObject({
      stream: true,
      stream_options: { include_usage: true },
      store: false,
    });
  });

  it('asks for JSON with the given schema when one is set', async () => {
    const schema = { type: 'object', properties: { reply: { type: 'string' } } };
    await provider.complete(request({ json: { name: 'turn', schema } }));
    expect(server.requests[0]?.response_format).toEqual({
      type: 'json_schema',
      json_schema: { name: 'turn', schema, strict: false },
    });
  });

  it('logs one usage line per call with counts and timings but no content', async () => {
    await drain(provider.stream(request({ purpose: 'coach.feedback' })));
    const calls = logs.lines.filter((line) => line.msg === 'llm call');
    expect(calls).toHaveLength(1);
    expect(calls[0]?.llm).toMatchObject({
      purpose: 'coach.feedback',
      model: 'local-model',
      mode: 'stream',
      outcome: 'ok',
      promptTokens: expect.any(Number),
      completionTokens: expect.any(Number),
      totalTokens: expect.any(Number),
      firstTokenMs: expect.any(Number),
      durationMs: expect.any(Number),
    });
    const everything = JSON.stringify(logs.lines);
    expect(everything).not.toContain('zebra-umbrella-42');
    expect(everything).not.toContain('Let the exhale');
  });

  it('gives up when the first token is late, well before the total limit', async () => {
    server.setScript(() => ({ content: ANSWER, firstTokenDelayMs: 2000 }));
    const started = performance.now();
    const error = await failureOf(drain(provider.stream(request())));
    expect(error.reason).toBe('first_token_timeout');
    expect(performance.now() - started).toBeLessThan(900);
    expect(error.usage).toMatchObject({ estimated: true, completionTokens: 0 });
  });

  it('bounds a non-streaming call by the total limit', async () => {
    server.setScript(() => ({ content: ANSWER, firstTokenDelayMs: 3000 }));
    const error = await failureOf(provider.complete(request()));
    expect(error.reason).toBe('total_timeout');
  });

  it('does not retry a server error on its own', async () => {
    server.setScript(() => ({ content: '', status: 500 }));
    const error = await failureOf(provider.complete(request()));
    expect(error.reason).toBe('upstream_error');
    expect(server.requests).toHaveLength(1);
  });

  it('stops when the caller aborts', async () => {
    server.setScript(() => ({ content: ANSWER, firstTokenDelayMs: 2000 }));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await failureOf(drain(provider.stream(request({ signal: controller.signal }))));
    expect(error.reason).toBe('aborted');
  });

  it('fails fast when nothing listens at the base URL', async () => {
    const down = createOpenAiProvider({
      apiKey: 'sk-test',
      baseUrl: `http://127.0.0.1:${await deadPort()}/v1`,
      model: 'local-model',
      firstTokenTimeoutMs: 300,
      totalTimeoutMs: 1000,
    });
    const error = await failureOf(drain(down.stream(request())));
    expect(error.reason).toBe('upstream_error');
  });
});

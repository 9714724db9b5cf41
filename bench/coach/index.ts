import { request as httpRequest } from 'node:http';

import { freePort } from '../../scripts/lib/free-port.mjs';
import { buildApp } from '../../apps/api/src/app';
import { openDatabase } from '../../apps/api/src/db/client';
import { loadEnv } from '../../apps/api/src/env';
import {
  startLocalOpenAiServer,
  type ChatRequestBody,
} from '../../apps/api/src/lib/llm/local-openai-server';
import { FEEDBACK_REQUEST, ONBOARDING_TURNS, SESSION_PLAN_REQUEST, journeyScript } from './journey';

export const OVERHEAD_TARGET_MS = 5;
export const JOURNEY_TOKEN_TARGET = 3000;
const CALLS = 50;
const WARM_UP_CALLS = 5;
const USERS = 100_000;
// gpt-4o-mini's published prices, US$ per million tokens (input, output).
const PRICE_IN = Number(process.env.COACH_PRICE_PER_MTOK_IN ?? 0.15);
const PRICE_OUT = Number(process.env.COACH_PRICE_PER_MTOK_OUT ?? 0.6);
const DEVICE = { 'x-device-id': 'bench-device-0123456789' };

type Timed = { firstMs: number };

/** POSTs JSON and resolves when `isFirst` first holds for the body read so far. */
function timeToFirst(
  url: string,
  body: unknown,
  headers: Record<string, string>,
  isFirst: (bodySoFar: string) => boolean,
): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const request = httpRequest(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
    });
    request.on('error', reject);
    request.on('response', (response) => {
      let text = '';
      let firstMs: number | undefined;
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        text += chunk;
        if (firstMs === undefined && isFirst(text)) firstMs = performance.now() - started;
      });
      response.on('end', () =>
        firstMs === undefined
          ? reject(new Error(`no first token from ${url}`))
          : resolve({ firstMs }),
      );
    });
    request.end(JSON.stringify(body));
  });
}

function postJson(url: string, body: unknown): Promise<{ status: number; json: unknown }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...DEVICE },
    });
    request.on('error', reject);
    request.on('response', (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, json: JSON.parse(text) }),
      );
    });
    request.end(JSON.stringify(body));
  });
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!;

// A content chunk with text in it, as the OpenAI streaming format sends it.
const FIRST_CONTENT = /"delta":\{"content":"[^"]/;
const FIRST_DELTA = /^event: delta$/m;

export async function runCoachBench(): Promise<boolean> {
  const model = await startLocalOpenAiServer(journeyScript);
  const env = loadEnv({
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    PORT: String(await freePort()),
    PGLITE_DATA_DIR: 'memory://',
    WEB_DIST_DIR: '/nonexistent',
    OPENAI_BASE_URL: model.baseUrl,
    OPENAI_MODEL: 'gpt-4o-mini',
    // One device makes every call here; the limits are not what is measured.
    COACH_RATE_LIMIT_PER_DEVICE: '100000',
    COACH_RATE_LIMIT_PER_IP: '100000',
  });
  const db = await openDatabase(env);
  const app = buildApp({ env, db });
  await app.listen({ port: env.PORT, host: '127.0.0.1' });
  const api = `http://127.0.0.1:${env.PORT}`;

  try {
    // ---- proxy overhead: first token through the API vs. straight from the model server
    const turn = { messages: [], ...ONBOARDING_TURNS[1] };
    await postJson(`${api}/v1/coach/onboarding`, turn);
    const upstream: ChatRequestBody = { ...model.requests.at(-1)!, stream: true };
    const direct: number[] = [];
    const proxied: number[] = [];
    for (let i = 0; i < WARM_UP_CALLS + CALLS; i++) {
      const straight = await timeToFirst(
        `${model.baseUrl}/chat/completions`,
        upstream,
        {},
        (body) => FIRST_CONTENT.test(body),
      );
      const through = await timeToFirst(
        `${api}/v1/coach/onboarding`,
        turn,
        { ...DEVICE, accept: 'text/event-stream' },
        (body) => FIRST_DELTA.test(body),
      );
      if (i < WARM_UP_CALLS) continue;
      direct.push(straight.firstMs);
      proxied.push(through.firstMs);
    }
    const overheadMs = median(proxied) - median(direct);
    // Each pair runs back to back, so the median of their differences shrugs off load spikes.
    const pairedMs = median(proxied.map((ms, i) => ms - direct[i]!));

    // ---- tokens for a whole first-run journey, from the usage the server reports
    model.usages.length = 0;
    const sources: string[] = [];
    for (const step of ONBOARDING_TURNS) {
      const { json } = await postJson(`${api}/v1/coach/onboarding`, { messages: [], ...step });
      sources.push((json as { source: string }).source);
    }
    const plan = await postJson(`${api}/v1/coach/session-plan`, SESSION_PLAN_REQUEST);
    const feedback = await postJson(`${api}/v1/coach/feedback`, FEEDBACK_REQUEST);
    sources.push(
      (plan.json as { source: string }).source,
      (feedback.json as { source: string }).source,
    );
    const calls = model.usages;
    const promptTokens = calls.reduce((sum, usage) => sum + usage.prompt_tokens, 0);
    const completionTokens = calls.reduce((sum, usage) => sum + usage.completion_tokens, 0);
    const journeyTokens = promptTokens + completionTokens;
    const costPerUser = (promptTokens * PRICE_IN + completionTokens * PRICE_OUT) / 1e6;

    const overheadOk = overheadMs < OVERHEAD_TARGET_MS;
    const tokensOk = journeyTokens < JOURNEY_TOKEN_TARGET && sources.every((s) => s === 'model');
    console.log('\n## bench/coach — the AI coach through the API (local OpenAI-compatible server)');
    console.log(
      `  time to first token, median of ${CALLS} (after ${WARM_UP_CALLS} warm-up): direct ${direct.length ? median(direct).toFixed(2) : '-'} ms, ` +
        `through the API ${median(proxied).toFixed(2)} ms (p90 ${percentile(direct, 0.9).toFixed(2)} / ${percentile(proxied, 0.9).toFixed(2)} ms)`,
    );
    console.log(
      `  proxy overhead ${overheadMs.toFixed(2)} ms (target < ${OVERHEAD_TARGET_MS} ms) → ${overheadOk ? 'within target' : 'OVER TARGET'}; ` +
        `median of the ${CALLS} paired differences ${pairedMs.toFixed(2)} ms` +
        '\n    (API, model server and client share one process; the model server sends its chunks back to back,' +
        "\n     so the API's sentence-at-a-time release adds no model time here)",
    );
    console.log(
      `  first-run journey: ${calls.length} model calls (${ONBOARDING_TURNS.length} onboarding turns, plan, feedback; sources ${[...new Set(sources)].join(', ')}), ` +
        `${promptTokens} prompt + ${completionTokens} completion = ${journeyTokens} tokens (target < ${JOURNEY_TOKEN_TARGET}) → ${tokensOk ? 'within target' : 'OVER TARGET'}` +
        '\n    (usage as the local server reports it: characters / 4 of the prompt messages, a few tokens a message, and the response format)',
    );
    console.log(
      `  cost of that journey: US$${costPerUser.toFixed(6)} a user, US$${(costPerUser * USERS).toFixed(2)} per ${USERS.toLocaleString('en')} users ` +
        `at US$${PRICE_IN}/M input, US$${PRICE_OUT}/M output (gpt-4o-mini's published prices unless COACH_PRICE_PER_MTOK_IN/OUT are set)`,
    );
    return overheadOk && tokensOk;
  } finally {
    await app.close();
    await db.close();
    await model.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = (await runCoachBench()) ? 0 : 1;
}

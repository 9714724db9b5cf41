import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../app';
import { startLocalOpenAiServer, type LocalOpenAiServer } from '../../lib/llm/local-openai-server';
import { recordingAnalytics } from '../../testing/analytics';
import { coachTestApps } from './coach.test-support';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

const FEEDBACK = {
  patternId: 'first-breath',
  status: 'completed',
  breathsCompleted: 18,
  totalBreaths: 18,
  calmBefore: 2,
  calmAfter: 4,
  timeOfDay: 'morning',
};
const MODEL_FEEDBACK = JSON.stringify({
  text: 'You took 18 slow breaths. Long exhales help your body settle. Your calm rose from 2 to 4.',
});

// 15 s into a minute and 90 minutes before midnight UTC: retry-after is exact.
const NOW = Date.parse('2025-11-25T22:30:15.000Z');
const now = () => NOW;

function feedbackFrom(app: App, deviceId: string, headers: Record<string, string> = {}) {
  return app.inject({
    method: 'POST',
    url: '/v1/coach/feedback',
    headers: { 'x-device-id': deviceId, ...headers },
    payload: FEEDBACK,
  });
}

const device = (letter: string) => `device-${letter.repeat(16)}`;

describe('coach limits in memory', () => {
  const apps = coachTestApps();
  let server: LocalOpenAiServer;

  beforeAll(async () => {
    server = await startLocalOpenAiServer(() => ({ content: MODEL_FEEDBACK }));
  });
  afterAll(async () => {
    await apps.closeAll();
    await server.close();
  });

  it('limits each device per minute, and each network across devices', async () => {
    const app = await apps.start(
      { COACH_RATE_LIMIT_PER_DEVICE: '3', COACH_RATE_LIMIT_PER_IP: '5' },
      { now },
    );
    for (let i = 0; i < 3; i++) expect((await feedbackFrom(app, device('a'))).statusCode).toBe(200);

    const limited = await feedbackFrom(app, device('a'));
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect(limited.headers['retry-after']).toBe('45');
    expect(limited.json()).toMatchObject({
      status: 429,
      code: 'rate_limited',
      retryAfterSeconds: 45,
      type: 'https://exhale.app/problems/rate_limited',
    });

    // Another device on the same network: its own quota, but the network's is nearly spent.
    expect((await feedbackFrom(app, device('b'))).statusCode).toBe(200);
    const network = await feedbackFrom(app, device('c'));
    expect(network.statusCode).toBe(429);
    expect(network.json().detail).toMatch(/network/);
  });

  it('counts which limit turned a request away, for analytics', async () => {
    const analytics = recordingAnalytics();
    const app = await apps.start(
      { COACH_RATE_LIMIT_PER_DEVICE: '1', COACH_RATE_LIMIT_PER_IP: '2' },
      { now, analytics },
    );
    await feedbackFrom(app, device('a'));
    expect((await feedbackFrom(app, device('a'))).statusCode).toBe(429);
    expect((await feedbackFrom(app, device('b'))).statusCode).toBe(429);

    expect(analytics.events.filter((event) => event.name === 'coach_limited')).toEqual([
      { name: 'coach_limited', properties: { limit: 'device' } },
      { name: 'coach_limited', properties: { limit: 'ip' } },
    ]);
  });

  it('counts clients by X-Forwarded-For only behind a trusted proxy', async () => {
    const direct = await apps.start({ COACH_RATE_LIMIT_PER_IP: '1' }, { now });
    const proxied = await apps.start(
      { COACH_RATE_LIMIT_PER_IP: '1', TRUST_PROXY_HOPS: '1' },
      { now },
    );
    const from = (ip: string) => ({ 'x-forwarded-for': ip });

    expect((await feedbackFrom(direct, device('d'), from('198.51.100.1'))).statusCode).toBe(200);
    expect((await feedbackFrom(direct, device('e'), from('198.51.100.2'))).statusCode).toBe(429);

    expect((await feedbackFrom(proxied, device('d'), from('198.51.100.1'))).statusCode).toBe(200);
    expect((await feedbackFrom(proxied, device('e'), from('198.51.100.2'))).statusCode).toBe(200);
    expect((await feedbackFrom(proxied, device('f'), from('198.51.100.1'))).statusCode).toBe(429);
  });

  it('stops model calls for the rest of the UTC day once the token budget is spent', async () => {
    const app = await apps.start(
      { OPENAI_BASE_URL: server.baseUrl, COACH_DAILY_TOKEN_BUDGET: '100' },
      { now },
    );
    const first = await feedbackFrom(app, device('g'));
    expect(first.json()).toMatchObject({ source: 'model' });

    const spent = await feedbackFrom(app, device('g'));
    expect(spent.statusCode).toBe(429);
    expect(spent.headers['retry-after']).toBe(String(90 * 60 - 15));
    expect(spent.json()).toMatchObject({ code: 'token_budget_exhausted' });
    expect(server.requests).toHaveLength(1);
  });

  it('does not count a budget when no model is configured', async () => {
    const app = await apps.start({ COACH_DAILY_TOKEN_BUDGET: '1' }, { now });
    for (let i = 0; i < 3; i++) expect((await feedbackFrom(app, device('h'))).statusCode).toBe(200);
  });
});

describe('coach limits shared through Redis at 127.0.0.1:6379', () => {
  const apps = coachTestApps();
  const prefix = `exhale-test:${Date.now()}:${randomBytes(4).toString('hex')}:`;
  let server: LocalOpenAiServer;

  beforeAll(async () => {
    server = await startLocalOpenAiServer(() => ({ content: MODEL_FEEDBACK }));
  });
  afterAll(async () => {
    await apps.closeAll();
    await server.close();
    const admin = new Redis(REDIS_URL);
    const keys = await admin.keys(`${prefix}*`);
    if (keys.length > 0) await admin.del(...keys);
    await admin.quit();
  });

  const twoReplicas = async (env: Record<string, string>, keyPrefix: string) => {
    const shared = { REDIS_URL, REDIS_KEY_PREFIX: `${prefix}${keyPrefix}:`, ...env };
    return [await apps.start(shared, { now }), await apps.start(shared, { now })] as const;
  };

  it('counts a device across two app instances', async () => {
    const [a, b] = await twoReplicas({ COACH_RATE_LIMIT_PER_DEVICE: '3' }, 'device');
    expect((await feedbackFrom(a, device('i'))).statusCode).toBe(200);
    expect((await feedbackFrom(b, device('i'))).statusCode).toBe(200);
    expect((await feedbackFrom(a, device('i'))).statusCode).toBe(200);
    const limited = await feedbackFrom(b, device('i'));
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'rate_limited', retryAfterSeconds: 45 });
    expect((await feedbackFrom(a, device('i'))).statusCode).toBe(429);
  });

  it('shares the daily token budget across two app instances', async () => {
    const [a, b] = await twoReplicas(
      { OPENAI_BASE_URL: server.baseUrl, COACH_DAILY_TOKEN_BUDGET: '100' },
      'budget',
    );
    expect((await feedbackFrom(a, device('j'))).json()).toMatchObject({ source: 'model' });
    const spent = await feedbackFrom(b, device('k'));
    expect(spent.statusCode).toBe(429);
    expect(spent.json()).toMatchObject({ code: 'token_budget_exhausted' });

    const admin = new Redis(REDIS_URL);
    const used = Number(await admin.get(`${prefix}budget:budget:2025-11-25`));
    await admin.quit();
    expect(used).toBeGreaterThan(100);
  });
});

import { randomBytes } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { deadPort } from '../../testing/network';
import { createLogger } from '../logger';
import { MemoryCounterStore, type CounterStore } from './counter-store';
import { RequestLimits, TokenBudget, TooManyRequests, utcDay } from './limits';
import { RedisCounterStore } from './redis-counter-store';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const silent = createLogger({ LOG_LEVEL: 'silent' }) as FastifyBaseLogger;

async function rejection(promise: Promise<unknown>): Promise<TooManyRequests> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TooManyRequests) return error;
    throw error;
  }
  throw new Error('expected a 429');
}

function clockAt(iso: string) {
  const clock = { now: Date.parse(iso) };
  return { clock, now: () => clock.now };
}

describe('RequestLimits', () => {
  const client = { ip: '203.0.113.7', deviceId: 'device-aaaaaaaaaaaaaaaa' };

  it('lets a device make its quota each minute, then answers rate_limited until the next', async () => {
    const { clock, now } = clockAt('2025-11-25T10:00:15.000Z');
    const limits = new RequestLimits(new MemoryCounterStore(now), {
      perDevicePerMinute: 3,
      perIpPerMinute: 100,
      now,
    });
    for (let i = 0; i < 3; i++) await limits.check('coach', client);
    const error = await rejection(limits.check('coach', client));
    expect(error).toMatchObject({ status: 429, code: 'rate_limited', retryAfterSeconds: 45 });
    expect(error.extra).toEqual({ retryAfterSeconds: 45 });

    // Another device on the same network still has its own quota.
    await limits.check('coach', { ...client, deviceId: 'device-bbbbbbbbbbbbbbbb' });
    clock.now = Date.parse('2025-11-25T10:01:00.000Z');
    await expect(limits.check('coach', client)).resolves.toBeUndefined();
  });

  it('bounds a network however many device ids it makes up', async () => {
    const { now } = clockAt('2025-11-25T10:00:59.500Z');
    const limits = new RequestLimits(new MemoryCounterStore(now), {
      perDevicePerMinute: 100,
      perIpPerMinute: 2,
      now,
    });
    await limits.check('coach', { ip: client.ip, deviceId: 'a'.repeat(16) });
    await limits.check('coach', { ip: client.ip, deviceId: 'b'.repeat(16) });
    const error = await rejection(
      limits.check('coach', { ip: client.ip, deviceId: 'c'.repeat(16) }),
    );
    expect(error.code).toBe('rate_limited');
    // Half a second left in the window still asks for a whole second.
    expect(error.retryAfterSeconds).toBe(1);
    await limits.check('coach', { ip: '198.51.100.1', deviceId: 'd'.repeat(16) });
  });
});

describe('TokenBudget', () => {
  it('answers token_budget_exhausted once the UTC day is spent, until midnight UTC', async () => {
    const { clock, now } = clockAt('2025-11-25T22:30:00.000Z');
    const budget = new TokenBudget(new MemoryCounterStore(now), 1000, now);
    await budget.assertAvailable();
    await budget.spend(600);
    await budget.assertAvailable();
    await budget.spend(400.2);
    expect(await budget.used()).toBe(1001);
    const error = await rejection(budget.assertAvailable());
    expect(error).toMatchObject({ code: 'token_budget_exhausted', retryAfterSeconds: 90 * 60 });

    clock.now = Date.parse('2025-11-26T00:00:00.000Z');
    expect(await budget.used()).toBe(0);
    await expect(budget.assertAvailable()).resolves.toBeUndefined();
  });

  it('names days in UTC whatever the process time zone', () => {
    expect(utcDay(Date.parse('2025-03-30T23:59:59.999Z'))).toBe('2025-03-30');
    expect(utcDay(Date.parse('2025-03-31T00:00:00.000Z'))).toBe('2025-03-31');
  });
});

describe('RedisCounterStore at 127.0.0.1:6379', () => {
  const prefix = `exhale-test:${Date.now()}:${randomBytes(4).toString('hex')}:`;
  const stores: CounterStore[] = [];
  const open = async () => {
    const store = new RedisCounterStore(REDIS_URL, prefix, silent);
    await store.connect();
    stores.push(store);
    return store;
  };

  afterAll(async () => {
    const admin = new Redis(REDIS_URL);
    const keys = await admin.keys(`${prefix}*`);
    if (keys.length > 0) await admin.del(...keys);
    await admin.quit();
    await Promise.all(stores.map((store) => store.close()));
  });

  it('counts atomically across two clients, as two replicas would', async () => {
    const [a, b] = [await open(), await open()];
    const values = await Promise.all(
      Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).add('shared', 1, 60_000)),
    );
    expect([...values].sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(await a.get('shared')).toBe(40);
    expect(await b.get('shared')).toBe(40);
  });

  it('sets the expiry on the first increment only', async () => {
    const store = await open();
    await store.add('window', 1, 60_000);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await store.add('window', 5, 60_000);
    const admin = new Redis(REDIS_URL);
    const ttl = await admin.pttl(`${prefix}window`);
    await admin.quit();
    expect(ttl).toBeGreaterThan(50_000);
    expect(ttl).toBeLessThanOrEqual(59_980);
    expect(await store.get('window')).toBe(6);
  });

  it('keeps the budget shared between replicas', async () => {
    const now = () => Date.parse('2025-11-25T12:00:00.000Z');
    const first = new TokenBudget(await open(), 500, now);
    const second = new TokenBudget(await open(), 500, now);
    await first.spend(300);
    await second.spend(250);
    await expect(first.assertAvailable()).rejects.toMatchObject({ code: 'token_budget_exhausted' });
    await expect(second.assertAvailable()).rejects.toMatchObject({
      code: 'token_budget_exhausted',
    });
  });

  it('counts in memory, and says so in the log, while Redis cannot be reached', async () => {
    const warnings: string[] = [];
    const log = { ...silent, warn: (_obj: unknown, message: string) => warnings.push(message) };
    const store = new RedisCounterStore(
      `redis://127.0.0.1:${await deadPort()}`,
      prefix,
      log as unknown as FastifyBaseLogger,
    );
    stores.push(store);
    await store.connect();
    expect(await store.add('offline', 2, 60_000)).toBe(2);
    expect(await store.add('offline', 3, 60_000)).toBe(5);
    expect(await store.get('offline')).toBe(5);
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings.every((message) => message.startsWith('redis'))).toBe(true);
  });
});

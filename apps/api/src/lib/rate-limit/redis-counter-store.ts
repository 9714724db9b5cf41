import type { FastifyBaseLogger } from 'fastify';
import { Redis } from 'ioredis';
import { MemoryCounterStore, type CounterStore } from './counter-store';

// One round trip, atomic across replicas: the first increment of a window sets its expiry.
const ADD_SCRIPT = `
local value = redis.call('INCRBY', KEYS[1], ARGV[1])
if redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return value
`;

const WARN_EVERY_MS = 30_000;

type RedisWithAdd = Redis & {
  counterAdd(key: string, amount: number, ttlMs: number): Promise<number>;
};

/**
 * Counters shared by every replica through Redis. While Redis cannot be reached each
 * replica counts on its own in memory: limits loosen for a while rather than the coach
 * going down with the cache.
 */
export class RedisCounterStore implements CounterStore {
  private readonly redis: RedisWithAdd;
  private readonly fallback = new MemoryCounterStore();
  private lastWarnAt = -Infinity;

  constructor(
    url: string,
    keyPrefix: string,
    private readonly log: FastifyBaseLogger,
  ) {
    this.redis = new Redis(url, {
      keyPrefix,
      lazyConnect: true,
      // Fail at once when disconnected (and fall back) instead of queueing behind a reconnect.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2000,
    }) as RedisWithAdd;
    this.redis.defineCommand('counterAdd', { numberOfKeys: 1, lua: ADD_SCRIPT });
    this.redis.on('error', (error: Error) => this.warn(error, 'redis connection error'));
  }

  /** Connects before the first request; on failure ioredis keeps reconnecting in the background. */
  async connect(): Promise<void> {
    try {
      await this.redis.connect();
    } catch (error) {
      this.warn(error, 'redis unavailable at start-up: counting in memory until it is back');
    }
  }

  async add(key: string, amount: number, ttlMs: number): Promise<number> {
    try {
      return Number(await this.redis.counterAdd(key, amount, ttlMs));
    } catch (error) {
      this.warn(error, 'redis counter failed: counting in memory');
      return this.fallback.add(key, amount, ttlMs);
    }
  }

  async get(key: string): Promise<number> {
    try {
      return Number((await this.redis.get(key)) ?? 0);
    } catch (error) {
      this.warn(error, 'redis counter failed: counting in memory');
      return this.fallback.get(key);
    }
  }

  async close(): Promise<void> {
    if (this.redis.status === 'ready') await this.redis.quit().catch(() => undefined);
    this.redis.disconnect();
    await this.fallback.close();
  }

  private warn(error: unknown, message: string) {
    const now = Date.now();
    if (now - this.lastWarnAt < WARN_EVERY_MS) return;
    this.lastWarnAt = now;
    this.log.warn({ err: error }, message);
  }
}

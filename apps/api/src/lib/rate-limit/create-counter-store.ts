import type { FastifyBaseLogger } from 'fastify';
import type { Env } from '../../env';
import { MemoryCounterStore, type CounterStore } from './counter-store';
import { RedisCounterStore } from './redis-counter-store';

/** Redis when REDIS_URL is set (replicas share their counts), this process's memory otherwise. */
export function createCounterStore(
  env: Pick<Env, 'REDIS_URL' | 'REDIS_KEY_PREFIX'>,
  log: FastifyBaseLogger,
  now?: () => number,
): CounterStore {
  return env.REDIS_URL
    ? new RedisCounterStore(env.REDIS_URL, env.REDIS_KEY_PREFIX, log)
    : new MemoryCounterStore(now);
}

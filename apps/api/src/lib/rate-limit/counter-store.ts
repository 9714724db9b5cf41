/**
 * Counters that expire: the storage behind request limits and the token budget. Keys carry
 * their window (a minute, a UTC day), so a counter never needs resetting, only forgetting.
 */
export interface CounterStore {
  /** Gets ready before the first request (a no-op in memory). */
  connect(): Promise<void>;
  /** Adds `amount` to the counter and returns its new value; it is forgotten `ttlMs` after creation. */
  add(key: string, amount: number, ttlMs: number): Promise<number>;
  get(key: string): Promise<number>;
  close(): Promise<void>;
}

const SWEEP_EVERY_MS = 60_000;

/** One process's counters. Replicas each keep their own: use Redis to share them. */
export class MemoryCounterStore implements CounterStore {
  private readonly counters = new Map<string, { value: number; expiresAt: number }>();
  private nextSweepAt = 0;

  constructor(private readonly now: () => number = Date.now) {}

  async connect(): Promise<void> {}

  async add(key: string, amount: number, ttlMs: number): Promise<number> {
    const now = this.now();
    this.sweep(now);
    const counter = this.live(key, now);
    if (counter) {
      counter.value += amount;
      return counter.value;
    }
    this.counters.set(key, { value: amount, expiresAt: now + ttlMs });
    return amount;
  }

  async get(key: string): Promise<number> {
    return this.live(key, this.now())?.value ?? 0;
  }

  async close(): Promise<void> {
    this.counters.clear();
  }

  private live(key: string, now: number) {
    const counter = this.counters.get(key);
    return counter && counter.expiresAt > now ? counter : undefined;
  }

  // Expired windows would otherwise pile up, one per device per minute.
  private sweep(now: number) {
    if (now < this.nextSweepAt) return;
    this.nextSweepAt = now + SWEEP_EVERY_MS;
    for (const [key, counter] of this.counters) {
      if (counter.expiresAt <= now) this.counters.delete(key);
    }
  }
}

import { AppError } from '../errors';
import type { CounterStore } from './counter-store';

export const RATE_LIMIT_WINDOW_MS = 60_000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Which limit was reached: per device, per network address, or the day's model budget. */
export type LimitKind = 'device' | 'ip' | 'daily_budget';

/** 429 with a stable code; `retryAfterSeconds` also goes out as the `retry-after` header. */
export class TooManyRequests extends AppError {
  readonly retryAfterSeconds: number;
  readonly limit: LimitKind;

  constructor(limit: LimitKind, detail: string, retryAfterMs: number) {
    const code = limit === 'daily_budget' ? 'token_budget_exhausted' : 'rate_limited';
    const retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
    super({
      status: 429,
      code,
      title: 'Too Many Requests',
      detail,
      extra: { retryAfterSeconds },
    });
    this.retryAfterSeconds = retryAfterSeconds;
    this.limit = limit;
  }
}

export type RequestLimitsOptions = {
  perDevicePerMinute: number;
  perIpPerMinute: number;
  now?: () => number;
};

/**
 * Fixed one-minute windows per device and per IP address. A device id is made up by the
 * app, so anyone can mint new ones: the per-IP limit is what bounds a determined client.
 */
export class RequestLimits {
  private readonly now: () => number;

  constructor(
    private readonly store: CounterStore,
    private readonly options: RequestLimitsOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  async check(scope: string, client: { ip: string; deviceId?: string }): Promise<void> {
    const now = this.now();
    const window = Math.floor(now / RATE_LIMIT_WINDOW_MS);
    const retryAfterMs = (window + 1) * RATE_LIMIT_WINDOW_MS - now;
    const [ipCount, deviceCount] = await Promise.all([
      this.store.add(`rl:${scope}:ip:${client.ip}:${window}`, 1, RATE_LIMIT_WINDOW_MS),
      client.deviceId
        ? this.store.add(`rl:${scope}:device:${client.deviceId}:${window}`, 1, RATE_LIMIT_WINDOW_MS)
        : 0,
    ]);
    if (deviceCount > this.options.perDevicePerMinute) {
      throw new TooManyRequests(
        'device',
        `This device has made more than ${this.options.perDevicePerMinute} requests this minute.`,
        retryAfterMs,
      );
    }
    if (ipCount > this.options.perIpPerMinute) {
      throw new TooManyRequests(
        'ip',
        `This network has made more than ${this.options.perIpPerMinute} requests this minute.`,
        retryAfterMs,
      );
    }
  }
}

/** The UTC calendar day, e.g. 2025-11-25: every replica agrees on when the budget renews. */
export function utcDay(instant: number): string {
  return new Date(instant).toISOString().slice(0, 10);
}

/** Tokens the model may spend per UTC day across all replicas, to bound the bill. */
export class TokenBudget {
  private readonly now: () => number;

  constructor(
    private readonly store: CounterStore,
    readonly dailyTokens: number,
    now?: () => number,
  ) {
    this.now = now ?? Date.now;
  }

  async used(): Promise<number> {
    return this.store.get(this.key(this.now()));
  }

  async assertAvailable(): Promise<void> {
    const now = this.now();
    if ((await this.store.get(this.key(now))) < this.dailyTokens) return;
    const nextDay = (Math.floor(now / DAY_MS) + 1) * DAY_MS;
    throw new TooManyRequests(
      'daily_budget',
      "The coach has used today's model budget; it renews at midnight UTC.",
      nextDay - now,
    );
  }

  async spend(tokens: number): Promise<void> {
    if (tokens <= 0) return;
    // Kept a second day so a replica whose clock lags still finds it.
    await this.store.add(this.key(this.now()), Math.ceil(tokens), 2 * DAY_MS);
  }

  private key(now: number) {
    return `budget:${utcDay(now)}`;
  }
}

import type { AppDatabase } from '../db/client';
import type { Env } from '../env';
import type { ServerAnalytics } from '../lib/analytics/server-analytics';
import type { Auth } from '../lib/auth/auth';
import type { PaymentProvider } from '../lib/payments/payment-provider';

/** What the marketplace's route plugins share. `now` is injectable so tests fix the clock. */
export interface MarketplaceContext {
  env: Env;
  db: AppDatabase;
  auth: Auth;
  /** Null in production without a Stripe key: bookings then answer 503. */
  payments: PaymentProvider | null;
  now: () => number;
  /** Anonymous product events (PostHog when configured, nothing otherwise). */
  analytics: ServerAnalytics;
}

import { createHash } from 'node:crypto';
import type { PaymentProvider } from './payment-provider';

const stableId = (prefix: string, key: string) =>
  `${prefix}_dev_${createHash('sha256').update(key).digest('hex').slice(0, 24)}`;

/**
 * DEVELOPMENT ONLY: "payments" that succeed at once and move no money, so the embedded
 * default can be booked end to end without a Stripe account. Never built in production
 * (see create-payment-provider.ts). Ids derive from the idempotency key, like Stripe's
 * idempotent replays.
 */
export function createDevelopmentPaymentProvider(): PaymentProvider {
  return {
    name: 'development',
    startPayment: async (request) => ({
      providerPaymentId: stableId('pi', request.idempotencyKey),
      clientSecret: null,
      status: 'succeeded',
    }),
    // Its payments succeed as they start, so there is never anything left to settle.
    retrievePayment: async () => ({ status: 'succeeded', failureCode: null }),
    refund: async (request) => ({
      providerRefundId: stableId('re', request.idempotencyKey),
      status: 'succeeded',
    }),
    onboardingLink: async ({ accountId, returnUrl }) => ({
      accountId: accountId ?? stableId('acct', returnUrl),
      url: returnUrl,
    }),
  };
}

import type { Env } from '../../env';
import { createDevelopmentPaymentProvider } from './development-provider';
import type { PaymentProvider } from './payment-provider';

/**
 * Stripe when a key is set; otherwise the development provider, except in production,
 * where no provider means bookings answer 503 rather than confirm without payment.
 * The Stripe SDK is loaded on first use: it adds about a second to every boot otherwise.
 */
export function createPaymentProvider(
  env: Pick<Env, 'NODE_ENV' | 'STRIPE_SECRET_KEY' | 'STRIPE_API_BASE'>,
): PaymentProvider | null {
  const secretKey = env.STRIPE_SECRET_KEY;
  if (!secretKey) {
    return env.NODE_ENV === 'production' ? null : createDevelopmentPaymentProvider();
  }
  let stripe: Promise<PaymentProvider> | undefined;
  const load = () =>
    (stripe ??= import('./stripe-provider').then(
      ({ createStripeClient, createStripePaymentProvider }) =>
        createStripePaymentProvider(
          createStripeClient({ secretKey, apiBase: env.STRIPE_API_BASE }),
        ),
    ));
  return {
    name: 'stripe',
    startPayment: async (request) => (await load()).startPayment(request),
    retrievePayment: async (id) => (await load()).retrievePayment(id),
    refund: async (request) => (await load()).refund(request),
    onboardingLink: async (input) => (await load()).onboardingLink(input),
  };
}

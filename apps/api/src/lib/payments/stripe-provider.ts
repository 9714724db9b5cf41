import Stripe from 'stripe';
import { UpstreamUnavailable } from '../errors';
import type { PaymentProvider, PaymentState } from './payment-provider';

export type StripeConfig = {
  secretKey: string;
  /** Tests point the SDK at a local Stripe-compatible server. */
  apiBase?: string;
};

export function createStripeClient({ secretKey, apiBase }: StripeConfig): Stripe {
  const base = apiBase ? new URL(apiBase) : undefined;
  return new Stripe(secretKey, {
    maxNetworkRetries: 2,
    timeout: 10_000,
    telemetry: false,
    ...(base
      ? {
          host: base.hostname,
          port: Number(base.port || (base.protocol === 'https:' ? 443 : 80)),
          protocol: base.protocol === 'https:' ? 'https' : 'http',
        }
      : {}),
  });
}

async function upstream<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw new UpstreamUnavailable(`The payment provider could not ${what}. Please try again.`, {
      code: 'payment_provider_unavailable',
      cause: error,
    });
  }
}

/**
 * A PaymentIntent's status in the marketplace's terms. `requires_payment_method` after an
 * attempt (it carries `last_payment_error`) is a declined card; before any attempt it is
 * still waiting for the member.
 */
export function paymentStateOf(intent: Stripe.PaymentIntent): PaymentState {
  const failureCode = intent.last_payment_error?.code ?? null;
  switch (intent.status) {
    case 'succeeded':
      return { status: 'succeeded', failureCode: null };
    case 'canceled':
      return { status: 'failed', failureCode: failureCode ?? 'canceled' };
    case 'requires_payment_method':
      return intent.last_payment_error
        ? { status: 'failed', failureCode: failureCode ?? 'payment_failed' }
        : { status: 'pending', failureCode: null };
    default:
      return { status: 'pending', failureCode: null };
  }
}

/**
 * Stripe with Connect destination charges: the member pays the platform, Stripe moves the
 * price less `application_fee_amount` to the practitioner's express account. Every call
 * carries an idempotency key, so a retried request never charges or refunds twice.
 */
export function createStripePaymentProvider(stripe: Stripe): PaymentProvider {
  return {
    name: 'stripe',
    startPayment: (request) =>
      upstream('start the payment', async () => {
        const intent = await stripe.paymentIntents.create(
          {
            amount: request.amountCents,
            currency: request.currency,
            description: request.description,
            automatic_payment_methods: { enabled: true },
            metadata: { booking_id: request.bookingId },
            ...(request.destinationAccountId
              ? {
                  application_fee_amount: request.platformFeeCents,
                  transfer_data: { destination: request.destinationAccountId },
                }
              : {}),
          },
          { idempotencyKey: request.idempotencyKey },
        );
        return {
          providerPaymentId: intent.id,
          clientSecret: intent.client_secret,
          status: intent.status === 'succeeded' ? 'succeeded' : 'requires_payment',
        };
      }),
    retrievePayment: (providerPaymentId) =>
      upstream('look up the payment', async () =>
        paymentStateOf(await stripe.paymentIntents.retrieve(providerPaymentId)),
      ),
    refund: (request) =>
      upstream('refund the payment', async () => {
        const refund = await stripe.refunds.create(
          {
            payment_intent: request.providerPaymentId,
            amount: request.amountCents,
            // The platform fee goes back too, and the practitioner's share is pulled back.
            refund_application_fee: true,
            reverse_transfer: true,
            metadata: { reason: request.reason },
          },
          { idempotencyKey: request.idempotencyKey },
        );
        return { providerRefundId: refund.id, status: refund.status ?? 'pending' };
      }),
    onboardingLink: ({ accountId, email, returnUrl }) =>
      upstream('create the onboarding link', async () => {
        const id =
          accountId ??
          (await stripe.accounts.create({ type: 'express', ...(email ? { email } : {}) })).id;
        const link = await stripe.accountLinks.create({
          account: id,
          type: 'account_onboarding',
          refresh_url: returnUrl,
          return_url: returnUrl,
        });
        return { accountId: id, url: link.url };
      }),
  };
}

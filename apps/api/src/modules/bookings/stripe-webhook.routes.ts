import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type Stripe from 'stripe';
import { z } from 'zod';
import { BadRequest, ServiceUnavailable, problemResponses } from '../../lib/errors';
import type { MarketplaceContext } from '../marketplace-context';
import { applyStripeEvent } from './payment-events.service';

/**
 * Stripe's webhook. Registered in its own plugin: the signature is computed over the exact
 * bytes Stripe sent, so this route keeps JSON bodies raw.
 */
export const stripeWebhookRoutes: FastifyPluginAsyncZod<MarketplaceContext> = async (app, ctx) => {
  const secret = ctx.env.STRIPE_WEBHOOK_SECRET;
  // Verification is local (HMAC): no key is needed, and the SDK loads on first use.
  let stripe: Promise<Stripe> | undefined;
  const loadStripe = () =>
    (stripe ??= import('stripe').then(({ default: StripeSdk }) => new StripeSdk('sk_verify_only')));

  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => {
    done(null, body);
  });

  app.post(
    '/webhooks/stripe',
    {
      schema: {
        tags: ['webhooks'],
        summary: 'Stripe events',
        description:
          'Verifies the `Stripe-Signature` header, then applies each event once: ' +
          'payment_intent.succeeded / payment_failed, charge.refunded, charge.dispute.created.',
        headers: z.object({ 'stripe-signature': z.string().optional() }),
        response: {
          200: z.object({
            received: z.literal(true),
            outcome: z.enum(['applied', 'duplicate', 'ignored']),
          }),
          ...problemResponses({
            400: 'Missing or invalid signature.',
            503: 'Webhooks are not configured.',
          }),
        },
      },
    },
    async (request) => {
      if (!secret) {
        throw new ServiceUnavailable('Stripe webhooks are not configured.', {
          code: 'webhooks_unconfigured',
        });
      }
      const signature = request.headers['stripe-signature'];
      const body = request.body;
      if (!signature || !Buffer.isBuffer(body)) {
        throw new BadRequest('A signed Stripe event is expected.', { code: 'invalid_signature' });
      }
      let event: Stripe.Event;
      try {
        event = (await loadStripe()).webhooks.constructEvent(body, signature, secret);
      } catch {
        throw new BadRequest('The Stripe signature does not match this body.', {
          code: 'invalid_signature',
        });
      }
      const outcome = await applyStripeEvent(ctx, event);
      request.log.info({ eventId: event.id, type: event.type, outcome }, 'stripe event');
      return { received: true as const, outcome };
    },
  );
};

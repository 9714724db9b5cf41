import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { accounts } from '../../db/schema';
import { issueDevelopmentToken } from '../../lib/auth/token-verifier';
import { problemResponses } from '../../lib/errors';
import { stableUuid } from '../../db/seed/demo-practitioners';
import type { MarketplaceContext } from '../marketplace-context';

const signInBody = z.object({
  email: z.email().max(200),
  displayName: z.string().trim().min(1).max(80).optional(),
  role: z.enum(['member', 'practitioner', 'admin']).default('member'),
});

const signInResponse = z
  .object({
    accessToken: z.string(),
    tokenType: z.literal('bearer'),
    expiresAt: z.iso.datetime(),
    user: z.object({
      id: z.uuid(),
      email: z.string(),
      role: z.enum(['member', 'practitioner', 'admin']),
    }),
  })
  .meta({ id: 'DevelopmentSession' });

/**
 * DEVELOPMENT ONLY. Signs anyone in as any role, with a token shaped like Supabase's, so
 * the embedded default works without a Supabase project. app.ts registers it only when
 * no Supabase project is configured and NODE_ENV is not production.
 */
export const devAuthRoutes: FastifyPluginAsyncZod<MarketplaceContext> = async (
  app,
  { db, env },
) => {
  app.post(
    '/dev/sign-in',
    {
      schema: {
        tags: ['development'],
        summary: 'DEVELOPMENT ONLY: sign in as anyone',
        description:
          'Exists only without Supabase configuration and outside production. The same email ' +
          'always gets the same user id; `role` sets the account’s role.',
        body: signInBody,
        response: { 200: signInResponse, ...problemResponses({ 400: 'Invalid email or role.' }) },
      },
    },
    async (request) => {
      const { email, role, displayName } = request.body;
      const id = stableUuid(`dev-user:${email.toLowerCase()}`);
      await db
        .insert(accounts)
        .values({ id, email, role, displayName })
        .onConflictDoUpdate({
          target: accounts.id,
          set: { role, ...(displayName ? { displayName } : {}) },
        });
      const { accessToken, expiresAt } = await issueDevelopmentToken(
        { sub: id, email },
        env.AUTH_AUDIENCE,
      );
      return {
        accessToken,
        tokenType: 'bearer' as const,
        expiresAt: expiresAt.toISOString(),
        user: { id, email, role },
      };
    },
  );
};

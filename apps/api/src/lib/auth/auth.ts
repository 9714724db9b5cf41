import { sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { AppDatabase } from '../../db/client';
import { accounts } from '../../db/schema';
import { Forbidden, ServiceUnavailable, Unauthorized } from '../errors';
import { TokenRejected, type TokenVerifier } from './token-verifier';

export type Role = 'member' | 'practitioner' | 'admin';

export interface Caller {
  accountId: string;
  email: string | undefined;
  role: Role;
}

export interface Auth {
  /** The signed-in caller, or 401 problem. */
  require(request: FastifyRequest): Promise<Caller>;
  /** The caller when a valid token came with the request, else null (public routes). */
  optional(request: FastifyRequest): Promise<Caller | null>;
  requireRole(request: FastifyRequest, ...roles: Role[]): Promise<Caller>;
}

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new Unauthorized('Send the access token as `Authorization: Bearer <token>`.');
  return match[1];
}

/**
 * Roles live in our own accounts table, not in the token: Supabase tokens say who someone
 * is, Exhale decides what they may do. The first authenticated request creates the account.
 */
export function createAuth(verifier: TokenVerifier, db: AppDatabase): Auth {
  async function callerFor(token: string): Promise<Caller> {
    if (verifier.mode === 'unconfigured') {
      throw new ServiceUnavailable('Sign-in is not configured on this server.', {
        code: 'auth_unconfigured',
      });
    }
    let claims;
    try {
      claims = await verifier.verify(token);
    } catch (error) {
      if (error instanceof TokenRejected) {
        throw new Unauthorized(error.message, {
          code: error.reason === 'expired' ? 'token_expired' : 'token_invalid',
        });
      }
      throw error;
    }
    // Writes only when the account is new or its email changed: most requests come from
    // known accounts, and rewriting their row each time would make every request a write.
    const { rows } = await db.execute<{ role: Role }>(sql`
      with created as (
        insert into ${accounts} (id, email) values (${claims.sub}, ${claims.email ?? null})
        on conflict (id) do update set email = excluded.email
          where ${accounts.email} is distinct from excluded.email
        returning role)
      select role from created
      union all
      select role from ${accounts} where id = ${claims.sub}
      limit 1`);
    const account = rows[0];
    return { accountId: claims.sub, email: claims.email, role: account?.role ?? 'member' };
  }

  const auth: Auth = {
    async require(request) {
      const token = bearerToken(request);
      if (!token) throw new Unauthorized('Sign in to do this.', { code: 'sign_in_required' });
      return callerFor(token);
    },
    async optional(request) {
      const token = bearerToken(request);
      return token ? callerFor(token) : null;
    },
    async requireRole(request, ...roles) {
      const caller = await auth.require(request);
      if (!roles.includes(caller.role)) {
        throw new Forbidden(`Only ${roles.join(' or ')} accounts may do this.`, {
          code: 'role_required',
        });
      }
      return caller;
    },
  };
  return auth;
}

/** OpenAPI security requirement for routes that need a bearer token. */
export const BEARER_SECURITY = [{ bearerAuth: [] }];

import { eq, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts } from '../../db/schema';
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from '../../testing/databases';
import { createAuth } from './auth';
import { createTokenVerifier, issueDevelopmentToken } from './token-verifier';

describe.each(DATABASE_KINDS)('callers and their accounts on %s', (kind) => {
  let store: TestDatabase;
  beforeAll(async () => {
    store = await openTestDatabase(kind);
  });
  afterAll(() => store?.dispose());

  const requestWith = async (sub: string, email: string) => {
    const { accessToken } = await issueDevelopmentToken({ sub, email }, 'authenticated');
    return { headers: { authorization: `Bearer ${accessToken}` } } as FastifyRequest;
  };
  const sub = 'aaaaaaaa-1111-4111-8111-111111111111';
  /** The row's transaction id: it changes whenever the row is written. */
  const rowVersion = async () =>
    (
      await store.db.db
        .select({ version: sql<string>`xmin::text` })
        .from(accounts)
        .where(eq(accounts.id, sub))
    )[0]!.version;

  it('creates the account on the first request, then reads it without rewriting it', async () => {
    const auth = createAuth(createTokenVerifier(store.env), store.db.db);
    const first = await auth.require(await requestWith(sub, 'mia@example.com'));
    expect(first).toEqual({ accountId: sub, email: 'mia@example.com', role: 'member' });

    await store.db.db.update(accounts).set({ role: 'admin' }).where(eq(accounts.id, sub));
    const before = await rowVersion();
    const again = await auth.require(await requestWith(sub, 'mia@example.com'));
    expect(again.role).toBe('admin');
    expect(await rowVersion()).toBe(before);

    const renamed = await auth.require(await requestWith(sub, 'mia@new.example'));
    expect(renamed).toEqual({ accountId: sub, email: 'mia@new.example', role: 'admin' });
    const [stored] = await store.db.db.select().from(accounts).where(eq(accounts.id, sub));
    expect(stored!.email).toBe('mia@new.example');
  });
});

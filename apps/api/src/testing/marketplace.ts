import type { App } from '../app';
import type { AppDatabase } from '../db/client';
import { demoPractitioner } from '../db/seed/demo-practitioners';
import { seedDemoData } from '../db/seed/seed-demo-data';

/** Signs in through the development endpoint; returns the bearer header and the user id. */
export async function signIn(
  app: App,
  email: string,
  role: 'member' | 'practitioner' | 'admin' = 'member',
): Promise<{ headers: { authorization: string }; userId: string }> {
  const response = await app.inject({
    method: 'POST',
    url: '/v1/dev/sign-in',
    payload: { email, role },
  });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.body}`);
  const body = response.json<{ accessToken: string; user: { id: string } }>();
  return { headers: { authorization: `Bearer ${body.accessToken}` }, userId: body.user.id };
}

/** Seeds `count` demo practitioners with their cached price and next slot; returns their ids. */
export async function seedDirectory(
  db: AppDatabase,
  count: number,
  now: number,
): Promise<string[]> {
  await seedDemoData(db, count, now);
  return Array.from({ length: count }, (_, i) => demoPractitioner(i).practitioner.id);
}

import { buildApp, type App, type BuildAppOptions } from '../app';
import type { DatabaseKind } from '../db/client';
import { openTestDatabase, testEnv, type TestDatabase } from './databases';

export interface TestApp {
  app: App;
  store: TestDatabase;
}

export type TestAppOptions = Pick<BuildAppOptions, 'marketplace' | 'analytics'> & {
  /** Environment variables on top of the test defaults. */
  env?: Record<string, string>;
};

/** A migrated database of `kind` and an app on it, ready for `inject`. */
export async function startTestApp(
  kind: DatabaseKind,
  options: TestAppOptions = {},
): Promise<TestApp> {
  const store = await openTestDatabase(kind);
  const env = options.env
    ? { ...store.env, ...testEnv({ ...envSource(store.env), ...options.env }) }
    : store.env;
  const app = buildApp({
    env,
    db: store.db,
    marketplace: options.marketplace,
    analytics: options.analytics,
  });
  await app.ready();
  return { app, store };
}

function envSource(env: TestDatabase['env']): Record<string, string> {
  return env.DATABASE_URL ? { DATABASE_URL: env.DATABASE_URL } : {};
}

export async function stopTestApp(testApp: Partial<TestApp>): Promise<void> {
  await testApp.app?.close();
  await testApp.store?.dispose();
}

import { buildApp, type App } from '../app';
import type { DatabaseKind } from '../db/client';
import { openTestDatabase, type TestDatabase } from './databases';

export interface TestApp {
  app: App;
  store: TestDatabase;
}

/** A migrated database of `kind` and an app on it, ready for `inject`. */
export async function startTestApp(kind: DatabaseKind): Promise<TestApp> {
  const store = await openTestDatabase(kind);
  const app = buildApp({ env: store.env, db: store.db });
  await app.ready();
  return { app, store };
}

export async function stopTestApp(testApp: Partial<TestApp>): Promise<void> {
  await testApp.app?.close();
  await testApp.store?.dispose();
}

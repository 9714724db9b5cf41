import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type Database, type DatabaseKind } from '../db/client';
import { runMigrations } from '../db/migrate';
import { loadEnv, type Env } from '../env';

export const TEST_POSTGRES_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Every database-backed suite runs on both: embedded PGlite and the real Postgres server. */
export const DATABASE_KINDS: readonly DatabaseKind[] = ['pglite', 'postgres'];

/** Test schemas are named `exhale_test_<epoch ms>_<random>` so stale ones can be aged out. */
export const TEST_SCHEMA_PREFIX = 'exhale_test_';

/** Points at a folder that never exists, so a web build on this machine cannot leak in. */
export const NO_WEB_BUILD_DIR = join(tmpdir(), 'exhale-api-tests-no-web-build');

export function testEnv(overrides: Record<string, string> = {}): Env {
  return loadEnv({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    PGLITE_DATA_DIR: 'memory://',
    WEB_DIST_DIR: NO_WEB_BUILD_DIR,
    ...overrides,
  });
}

export type TestDatabase = {
  env: Env;
  db: Database;
  /** Opens the same storage again (same PGlite folder or Postgres schema), unmigrated. */
  reopen(): Promise<Database>;
  /** Closes every handle and removes the storage. */
  dispose(): Promise<void>;
};

export async function withPostgresClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

type OpenTestDatabaseOptions = {
  migrate?: boolean;
  /** PGlite only: a folder instead of memory://, to test reopening. */
  pgliteDataDir?: string;
};

export async function openTestDatabase(
  kind: DatabaseKind,
  { migrate = true, pgliteDataDir }: OpenTestDatabaseOptions = {},
): Promise<TestDatabase> {
  const opened: Database[] = [];
  const track = (database: Database) => {
    opened.push(database);
    return database;
  };
  const closeAll = () => Promise.all(opened.map((database) => database.close()));

  if (kind === 'pglite') {
    const env = testEnv(pgliteDataDir ? { PGLITE_DATA_DIR: pgliteDataDir } : {});
    const db = track(await openDatabase(env));
    if (migrate) await runMigrations(db);
    return {
      env,
      db,
      reopen: async () => track(await openDatabase(env)),
      dispose: async () => {
        await closeAll();
      },
    };
  }

  const schema = `${TEST_SCHEMA_PREFIX}${Date.now()}_${randomBytes(4).toString('hex')}`;
  await withPostgresClient((client) => client.query(`create schema "${schema}"`));
  const env = testEnv({ DATABASE_URL: TEST_POSTGRES_URL });
  const db = track(await openDatabase(env, { schema }));
  if (migrate) await runMigrations(db);
  return {
    env,
    db,
    reopen: async () => track(await openDatabase(env, { schema })),
    dispose: async () => {
      await closeAll();
      await withPostgresClient((client) => client.query(`drop schema "${schema}" cascade`));
    },
  };
}

import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { Assume } from 'drizzle-orm/utils';
import pg from 'pg';
import { PGLITE_IN_MEMORY, type Env } from '../env';
import * as schema from './schema';

export type Schema = typeof schema;

/** What both drivers' raw results share, so `db.execute()` is typed whichever one runs. */
export interface AppQueryResultHKT extends PgQueryResultHKT {
  type: QueryRows<Assume<this['row'], Record<string, unknown>>>;
}
type QueryRows<Row> = { rows: Row[] };

export type AppDatabase = PgDatabase<AppQueryResultHKT, Schema>;
export type DatabaseKind = 'pglite' | 'postgres';

type DatabaseCommon = {
  db: AppDatabase;
  /** Where the tables and the migration journal live; unset means the server's defaults. */
  schema: string | undefined;
  /** Resolves when `select 1` answers within the timeout, rejects otherwise. */
  ping(timeoutMs?: number): Promise<void>;
  /** Safe to call more than once. */
  close(): Promise<void>;
};

export type Database =
  | (DatabaseCommon & { kind: 'pglite'; client: PGlite })
  | (DatabaseCommon & { kind: 'postgres'; pool: pg.Pool });

export type OpenDatabaseOptions = {
  /**
   * Isolates tables and the migration journal in one Postgres schema (tests use one per
   * file). The schema must already exist. Ignored by PGlite, whose instances are private.
   */
  schema?: string;
  /** Errors raised by idle pooled connections (e.g. the server restarting). */
  onBackgroundError?: (error: Error) => void;
};

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
const DEFAULT_PING_TIMEOUT_MS = 2000;

export async function openDatabase(
  env: Pick<Env, 'DATABASE_URL' | 'PGLITE_DATA_DIR'>,
  options: OpenDatabaseOptions = {},
): Promise<Database> {
  return env.DATABASE_URL
    ? openPostgres(env.DATABASE_URL, options)
    : openPglite(env.PGLITE_DATA_DIR);
}

async function openPglite(dataDir: string): Promise<Database> {
  if (dataDir !== PGLITE_IN_MEMORY) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir, { extensions: { btree_gist } });
  const close = once(() => client.close());
  return {
    kind: 'pglite',
    client,
    db: drizzlePglite({ client, schema }),
    schema: undefined,
    ping: (timeoutMs = DEFAULT_PING_TIMEOUT_MS) =>
      withTimeout(client.query('select 1'), timeoutMs, 'PGlite'),
    close,
  };
}

function openPostgres(connectionString: string, options: OpenDatabaseOptions): Database {
  const { schema: searchSchema, onBackgroundError } = options;
  if (searchSchema !== undefined && !SCHEMA_NAME.test(searchSchema)) {
    throw new Error(`Invalid schema name: ${searchSchema}`);
  }
  const pool = new pg.Pool({
    connectionString,
    connectionTimeoutMillis: 5000,
    idleTimeoutMillis: 30_000,
    // public stays on the path: extensions such as btree_gist are installed there.
    ...(searchSchema ? { options: `-c search_path=${searchSchema},public` } : {}),
  });
  pool.on('error', (error) => onBackgroundError?.(error));
  const close = once(() => pool.end());
  return {
    kind: 'postgres',
    pool,
    db: drizzlePostgres({ client: pool, schema }),
    schema: searchSchema,
    ping: (timeoutMs = DEFAULT_PING_TIMEOUT_MS) =>
      withTimeout(pool.query('select 1'), timeoutMs, 'Postgres'),
    close,
  };
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => (done ??= fn());
}

async function withTimeout(work: Promise<unknown>, timeoutMs: number, what: string) {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what} did not answer within ${timeoutMs} ms`)),
      timeoutMs,
    );
  });
  try {
    await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

// A server for the marketplace benchmark, run as a child process so that the load generator
// never shares its event loop. `api`: the real API on the benchmark's schema. `bare`: Fastify
// + pg running the directory's SQL (given by the parent) with no auth, validation, response
// schema or logging. Reports its port to the parent over IPC; SIGTERM or the parent's exit
// closes it.
import Fastify from 'fastify';
import pg from 'pg';
import { buildApp } from '../../apps/api/src/app';
import { openDatabase } from '../../apps/api/src/db/client';
import { loadEnv } from '../../apps/api/src/env';

export type ServerMode = 'api' | 'bare';

/** The SQL the bare handler serves, by path. */
export type BareQueries = Record<string, { sql: string; params: unknown[] }>;

const POOL_SIZE = 10; // node-postgres' default, which the API's pool uses
const {
  BENCH_DATABASE_URL,
  BENCH_SCHEMA,
  BENCH_NOW,
  BENCH_JWT_SECRET,
  BENCH_LOG_LEVEL,
  BENCH_QUERIES,
} = process.env;

async function startApi() {
  const env = loadEnv({
    DATABASE_URL: BENCH_DATABASE_URL,
    LOG_LEVEL: BENCH_LOG_LEVEL ?? 'info',
    // Development mode: payments go to the development provider, which confirms at once.
    NODE_ENV: 'development',
    SUPABASE_JWT_SECRET: BENCH_JWT_SECRET,
  });
  const database = await openDatabase(env, { schema: BENCH_SCHEMA });
  const app = buildApp({ env, db: database, marketplace: { now: () => Number(BENCH_NOW) } });
  app.addHook('onClose', () => database.close());
  await app.listen({ port: 0, host: '127.0.0.1' });
  return app;
}

async function startBare() {
  const pool = new pg.Pool({
    connectionString: BENCH_DATABASE_URL,
    options: `-c search_path=${BENCH_SCHEMA},public`,
    max: POOL_SIZE,
  });
  const app = Fastify({ logger: false });
  for (const [path, query] of Object.entries(JSON.parse(BENCH_QUERIES ?? '{}') as BareQueries)) {
    app.get(path, async () => (await pool.query(query.sql, query.params)).rows);
  }
  app.addHook('onClose', () => pool.end());
  await app.listen({ port: 0, host: '127.0.0.1' });
  return app;
}

function cpuMicros() {
  const { user, system } = process.cpuUsage();
  return user + system;
}

const mode = process.argv[2] as ServerMode;
const app = mode === 'bare' ? await startBare() : await startApi();
const stop = () => void app.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
// A parent that dies without stopping its servers must not leave them running.
process.on('disconnect', stop);
// The parent asks for CPU time around each load, to report CPU per request.
process.on('message', () => process.send?.({ cpuMicros: cpuMicros() }));
process.send?.({ port: (app.server.address() as { port: number }).port });

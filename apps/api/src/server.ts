import type { AddressInfo } from 'node:net';
import { buildApp } from './app';
import { openDatabase } from './db/client';
import { runMigrations } from './db/migrate';
import { seedIfEmpty } from './db/seed/seed-demo-data';
import { EnvError, loadEnv, type Env } from './env';
import { createLogger } from './lib/logger';
import { createPaymentProvider } from './lib/payments/create-payment-provider';
import { createExpoPushSender } from './lib/push/expo-push-sender';
import { drainAndClose } from './lib/shutdown';
import { startJobs } from './modules/jobs/start-jobs';

/** Orchestrators wait ~30 s after SIGTERM before SIGKILL; finish well inside that. */
const SHUTDOWN_TIMEOUT_MS = 10_000;

const LOCAL_HOSTS = new Set(['127.0.0.1', '0.0.0.0', '::', '::1', 'localhost']);

function readEnv(): Env {
  try {
    return loadEnv();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(`Exhale cannot start. ${error.message}`);
    process.exit(1);
  }
}

function displayUrl(host: string, port: number) {
  if (LOCAL_HOSTS.has(host)) return `http://localhost:${port}`;
  return host.includes(':') ? `http://[${host}]:${port}` : `http://${host}:${port}`;
}

async function main() {
  const env = readEnv();
  const logger = createLogger(env);
  process.on('unhandledRejection', (reason) => {
    logger.fatal({ err: reason }, 'unhandled rejection');
    process.exit(1);
  });

  const db = await openDatabase(env, {
    onBackgroundError: (err) => logger.error({ err }, 'idle database connection failed'),
  });
  await runMigrations(db);
  logger.info(
    { database: db.kind, dataDir: db.kind === 'pglite' ? env.PGLITE_DATA_DIR : undefined },
    'database ready',
  );

  // The embedded default starts with a browsable directory; Postgres only when asked.
  if (env.SEED_DEMO_DATA ?? db.kind === 'pglite') {
    const seeded = await seedIfEmpty(db.db, Date.now());
    if (seeded > 0) logger.info({ practitioners: seeded }, 'seeded demo practitioners');
  }

  const app = buildApp({ env, db, logger });
  // Hold expiry, completion, next-availability, reminders and payment reconciliation:
  // pg-boss on Postgres, in process on PGlite. Closing the app waits for running jobs.
  const jobs = await startJobs({
    database: db,
    env,
    log: app.log,
    payments: createPaymentProvider(env),
    push: createExpoPushSender({ accessToken: env.EXPO_ACCESS_TOKEN }),
  });
  app.addHook('onClose', () => jobs.stop());
  try {
    await app.listen({ port: env.PORT, host: env.HOST });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      console.error(`Exhale cannot start: port ${env.PORT} is in use. Set PORT to a free port.`);
      await db.close();
      process.exit(1);
    }
    throw error;
  }

  const { port } = app.server.address() as AddressInfo;
  const publicNote = env.PUBLIC_URL ? ` (public URL ${env.PUBLIC_URL})` : '';
  console.log(`Exhale is running at ${displayUrl(env.HOST, port)}${publicNote}`);

  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting without waiting');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'shutting down: draining in-flight requests');
    const drained = await drainAndClose(app, db, SHUTDOWN_TIMEOUT_MS);
    logger.info('stopped');
    process.exit(drained ? 0 : 1);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error('Exhale failed to start:', error);
  process.exit(1);
});
